import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../lib/analysis/analyze-feedback.js';
import { parseFeedbackMessage } from '../../lib/feedback/feedback-message.js';
import { changeFollowUp } from '../../lib/followup/change-follow-up.js';
import { analysedPart } from '../../lib/ingest/analysed-text.js';
import type { LocalApiServer } from '../../lib/local/local-api-server.js';
import type { LocalPipeline } from '../../lib/local/local-pipeline.js';
import type { DailyCounts } from '../../lib/model/daily-counts.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import type { FeedbackToStore } from '../../lib/store/feedback-store.js';
import { signWebhook } from '../../lib/webhooks/sign-webhook.js';
import { delightedPayload } from '../support/webhook-payloads.js';
import { startWebhookPipeline, type WebhookPipeline } from '../support/webhook-pipeline.js';

let webhooks: WebhookPipeline;
let pipeline: LocalPipeline;
let api: LocalApiServer;
const DELIGHTED_SECRET = 'delighted-secret';
const submittedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
const today = submittedAt.slice(0, 10);
const at = (minutes: number) => new Date(Date.parse('2026-11-29T10:00:00Z') + minutes * 60_000).toISOString();

beforeAll(async () => {
  webhooks = await startWebhookPipeline({
    delighted: { secret: DELIGHTED_SECRET, mapping: {} },
  });
  ({ pipeline, api } = webhooks);
}, 60_000);

afterAll(async () => {
  await webhooks?.stop();
});

/** Three versions of one response: a promoter, then an angry detractor, then a passive with another theme. */
function versions(id: string, department: string) {
  const base = { id, submittedAt, segment: { department, agent: `${department}-agent` } };
  return [
    { ...base, score: 9, text: 'Great support, the agent answered quickly.', updatedAt: at(0) },
    {
      ...base,
      score: 2,
      text: 'Waited 50 minutes on hold and the invoice was wrong. I am cancelling.',
      updatedAt: at(1),
    },
    {
      ...base,
      score: 7,
      text: 'The invoice is fixed now but the app keeps crashing on login.',
      updatedAt: at(2),
    },
  ];
}

async function deliverOne(message: unknown): Promise<void> {
  const result = await sendFeedback(pipeline.stack.sqs.client, pipeline.stack.queueUrl, [message]);
  expect(result.failed).toEqual([]);
  await pipeline.drain();
}

/** A department's counters of today, without the zeros a subtraction leaves (a reference has none). */
async function countsOf(department: string): Promise<Partial<DailyCounts>> {
  const [counts] = await pipeline.stack.store.readDailyCounts(
    { dimension: 'department', value: department },
    today,
    today,
  );
  const { day: _, themes = {}, ...rest } = counts ?? ({} as DailyCounts);
  return {
    ...Object.fromEntries(
      Object.entries(rest).filter(([, v]) => typeof v !== 'object' || Object.keys(v).length),
    ),
    themes: Object.fromEntries(
      Object.entries(themes).filter(([, t]) => t.mentions !== 0 || t.negative !== 0 || t.detractors !== 0),
    ),
  };
}

/** The counters a department shows with only the given message stored in it (under another id). */
async function countsAlone(
  message: Record<string, unknown>,
  department: string,
): Promise<Partial<DailyCounts>> {
  await deliverOne({
    ...message,
    id: `${department}-ref`,
    segment: { department, agent: `${department}-agent` },
  });
  return countsOf(department);
}

async function themeMentionIds(themeId: string): Promise<string[]> {
  return (await pipeline.stack.store.listThemeMentions(themeId, today, today)).map((m) => m.id);
}

const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

describe('a response delivered in versions', () => {
  it.each(ORDERS)(
    'stores v3 with the counters of v3 alone whatever the order (%i, %i, %i), redelivered',
    async (...order) => {
      const department = `Versions-${order.join('')}`;
      const id = `versions-${order.join('')}`;
      const all = versions(id, department);
      // Every version in this order, then every version again (a redelivery of each).
      for (const index of [...order, ...order]) await deliverOne(all[index]);

      const record = await pipeline.stack.store.getFeedback(id);
      expect(record).toMatchObject({ score: 7, updatedAt: at(2), segment: { department } });
      expect(record?.redactedText).toContain('app keeps crashing');
      const expected = await countsAlone(all[2] as Record<string, unknown>, `${department}-alone`);
      expect(await countsOf(department)).toEqual(expected);
      expect(expected).toMatchObject({ feedback: 1, responses: 1, passives: 1, detractors: 0, promoters: 0 });
      // The theme mentions are v3's only: none left behind from the angry v2.
      const v3Themes = record?.analysis.themes.map((t) => t.id) ?? [];
      for (const theme of ['billing', 'wait_time', 'hold_time', 'app_stability', 'login', ...v3Themes]) {
        expect((await themeMentionIds(theme)).filter((m) => m === id).length).toBe(
          v3Themes.includes(theme) ? 1 : 0,
        );
      }
    },
    120_000,
  );

  it('keeps a worked follow-up, its state and history, and adds a "response updated" entry', async () => {
    const [, v2, v3] = versions('worked-1', 'Worked');
    await deliverOne(v2);
    expect((await pipeline.stack.store.getFeedback('worked-1'))?.followUp.status).toBe('open');
    await changeFollowUp(
      pipeline.stack.store,
      'worked-1',
      { action: 'claim', owner: 'sam' },
      'sam',
      new Date().toISOString(),
    );
    await deliverOne(v3);
    await deliverOne(v3);

    const record = await pipeline.stack.store.getFeedback('worked-1');
    expect(record?.score).toBe(7);
    expect(record?.followUp).toMatchObject({ status: 'claimed', owner: 'sam', version: 2 });
    expect(record?.followUp.history.map((h) => h.action)).toEqual(['claim', 'response_updated']);
    const history = await pipeline.stack.store.listFollowUpHistory('worked-1');
    expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['claim', 'open', 'claimed'],
      ['response_updated', 'claimed', 'claimed'],
    ]);
    expect(history[1]?.note).toContain('score 2 -> 7');
    // Still the one follow-up opened: counted once.
    expect(await countsOf('Worked')).toMatchObject({ feedback: 1, detractors: 0, passives: 1, followUps: 1 });
  }, 120_000);

  it('closes an unclaimed follow-up when the new version needs none, and opens (and alerts) one when it does', async () => {
    const [v1, v2] = versions('unclaimed-1', 'Unclaimed');
    await deliverOne(v2);
    expect((await pipeline.stack.store.getFeedback('unclaimed-1'))?.followUp.status).toBe('open');
    // The customer changes their mind later: happy after all.
    await deliverOne({ ...v1, updatedAt: at(3) });
    expect((await pipeline.stack.store.getFeedback('unclaimed-1'))?.followUp.status).toBe('none');
    expect(await countsOf('Unclaimed')).toMatchObject({ followUps: 0, promoters: 1 });

    const [w1, w2] = versions('newly-1', 'Newly');
    await deliverOne(w1);
    expect((await pipeline.stack.store.getFeedback('newly-1'))?.followUp.status).toBe('none');
    await deliverOne(w2);
    await deliverOne(w2);
    expect((await pipeline.stack.store.getFeedback('newly-1'))?.followUp).toMatchObject({
      status: 'open',
      priority: expect.any(Number),
    });
    await pipeline.drain();
    await expect.poll(() => pipeline.alerts.filter(({ alert }) => alert.id === 'newly-1').length).toBe(1);
  }, 120_000);

  it('same version, other content stays an id conflict; an older version is a duplicate', async () => {
    const [v1, v2] = versions('conflict-1', 'Conflict');
    await deliverOne(v2);
    const before = { ...pipeline.outcomes };
    await deliverOne({ ...v2, text: 'Something else entirely.' });
    await deliverOne(v1);
    expect(pipeline.outcomes.rejected - before.rejected).toBe(1);
    expect(pipeline.outcomes.duplicate - before.duplicate).toBe(1);
    const [reject] = (await pipeline.stack.store.listRejected()).filter((r) => r.reason === 'id conflict');
    expect(reject?.issues[0]).toContain('conflict-1');
    expect((await pipeline.stack.store.getFeedback('conflict-1'))?.score).toBe(2);
  }, 120_000);

  it('applies the newest of versions stored at once by two handlers, counters exact', async () => {
    const entry = (message: Record<string, unknown>): FeedbackToStore => {
      const parsed = parseFeedbackMessage(message);
      return {
        message: parsed,
        analysis: analyzeFeedback(analysedPart(parsed)),
        receivedAt: new Date().toISOString(),
      };
    };
    for (const round of [1, 2, 3]) {
      const department = `Concurrent-${round}`;
      const [v1, v2, v3] = versions(`concurrent-${round}`, department).map(entry);
      await pipeline.stack.store.storeFeedbackBatch([v1 as FeedbackToStore]);
      const outcomes = await Promise.all([
        pipeline.stack.store.storeFeedbackBatch([v2 as FeedbackToStore]),
        pipeline.stack.store.storeFeedbackBatch([v3 as FeedbackToStore]),
        pipeline.stack.store.storeFeedbackBatch([v3 as FeedbackToStore]),
      ]);
      expect(outcomes.flat().every((o) => o === 'updated' || o === 'duplicate')).toBe(true);
      expect((await pipeline.stack.store.getFeedback(`concurrent-${round}`))?.updatedAt).toBe(at(2));
      const message = versions('x', 'x')[2] as Record<string, unknown>;
      expect(await countsOf(department)).toEqual(await countsAlone(message, `${department}-alone`));
    }
  }, 120_000);
});

describe('a Delighted response by webhook', () => {
  it('score first, then the comment: one record with the comment, counters moved once', async () => {
    const created = delightedPayload(90, { type: 'survey_response.created', score: 3, comment: null });
    created.event_data.updated_at = created.event_data.created_at;
    created.event_data.person_properties.Department = 'Delighted-updates';
    const updated = delightedPayload(91, {
      score: 3,
      comment: 'The refund still has not arrived after three weeks.',
    });
    updated.event_data.id = created.event_data.id;
    updated.event_data.person_properties.Department = 'Delighted-updates';
    for (const payload of [created, updated, updated, created]) {
      const body = JSON.stringify(payload);
      const response = await fetch(`${api.url}/ingest/delighted`, {
        method: 'POST',
        headers: signWebhook('delighted', body, DELIGHTED_SECRET, new Date()),
        body,
      });
      expect(response.status).toBe(202);
      await pipeline.drain();
    }
    const record = await pipeline.stack.store.getFeedback(`delighted:${created.event_data.id}`);
    expect(record?.redactedText).toContain('refund still has not arrived');
    expect(record?.updatedAt).toBe(new Date(updated.event_data.updated_at * 1000).toISOString());
    const [counts] = await pipeline.stack.store.readDailyCounts(
      { dimension: 'department', value: 'Delighted-updates' },
      record?.day ?? today,
      record?.day ?? today,
    );
    expect(counts).toMatchObject({ feedback: 1, responses: 1, detractors: 1 });
  }, 120_000);
});
