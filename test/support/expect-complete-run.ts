import { expect } from 'vitest';
import { analyzeFeedback } from '../../lib/analysis/analyze-feedback.js';
import type { FeedbackMessage } from '../../lib/feedback/feedback-message.js';
import type { LocalPipeline } from '../../lib/local/local-pipeline.js';

/**
 * What a run that survived an outage must end with: every message stored, none dead-lettered, the
 * department's counters exactly what the messages add up to, and one alert per follow-up (none twice).
 */
export async function expectCompleteRun(
  pipeline: LocalPipeline,
  messages: FeedbackMessage[],
  { department, day }: { department: string; day: string },
): Promise<void> {
  for (const message of messages) expect(await pipeline.stack.store.getFeedback(message.id)).toBeDefined();
  expect(await pipeline.deadLettered()).toBe(0);
  const expected = { feedback: 0, promoters: 0, passives: 0, detractors: 0, followUps: 0 };
  for (const message of messages) {
    const analysis = analyzeFeedback(message);
    expected.feedback++;
    if (analysis.nps) expected[`${analysis.nps.category}s`]++;
    if (analysis.followUp.required) expected.followUps++;
  }
  const [counts] = await pipeline.stack.store.readDailyCounts(
    { dimension: 'department', value: department },
    day,
    day,
  );
  expect(counts).toMatchObject(expected);
  const alerted = pipeline.alerts.map(({ alert }) => alert.id);
  expect(new Set(alerted).size).toBe(alerted.length);
  expect(alerted.length).toBe(expected.followUps);
}
