import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import { FOLLOW_UP_ANY_AGE } from '../support/any-age.js';
import { expectCompleteRun } from '../support/expect-complete-run.js';

let pipeline: LocalPipeline;
const day = '2026-02-13';
const messages = Array.from({ length: 300 }, (_, i) => ({
  id: `sqs-restart-${i}`,
  text: ['Third time I called, still no fix', 'Lovely agent, sorted in minutes', 'Waited 50 minutes on hold'][
    i % 3
  ] as string,
  score: i % 11,
  segment: { department: 'SqsRestart' },
  submittedAt: `${day}T11:00:00Z`,
}));

beforeAll(async () => {
  pipeline = await startLocalPipeline({
    ...FOLLOW_UP_ANY_AGE,
    visibilityTimeoutSeconds: 2,
    maxReceiveCount: 10,
    batchSize: 10,
  });
});

afterAll(async () => {
  await pipeline?.stop();
});

describe('the SQS endpoint going away mid-run', () => {
  it('loses nothing: producers are told what was not sent, pollers and alerts resume', async () => {
    const { client } = pipeline.stack.sqs;
    expect((await sendFeedback(client, pipeline.stack.queueUrl, messages.slice(0, 200))).failed).toEqual([]);
    while (pipeline.outcomes.stored < 30) await sleep(20);

    // Batches in flight lose their deletes, pollers and alert publishes fail, and a producer sends
    // the last 100 messages while the endpoint is down.
    const restarted = pipeline.stack.sqs.restart(3_000);
    const late = messages.slice(200);
    const lateResult = await sendFeedback(client, pipeline.stack.queueUrl, late, { maxAttempts: 1 });
    await restarted;
    // Every message the producer could not hand over is reported, so it can send it again.
    expect(lateResult.sent + lateResult.failed.length).toBe(late.length);
    expect(lateResult.failed.length).toBeGreaterThan(0);
    for (const failure of lateResult.failed) expect(failure.reason).not.toBe('');
    const resend = lateResult.failed.map((failure) => late[failure.index]);
    expect((await sendFeedback(client, pipeline.stack.queueUrl, resend)).failed).toEqual([]);
    await pipeline.drain(120_000);

    expect(pipeline.poller.stats.queueErrors).toBeGreaterThan(0);
    await expectCompleteRun(pipeline, messages, { department: 'SqsRestart', day });
    // And SNS delivered each of them once per routed topic: no failed publish was delivered twice.
    const notifications = await pipeline.alertSink.receiveNotifications();
    expect(notifications.length).toBe(pipeline.alerts.reduce((sum, { topics }) => sum + topics.length, 0));
  }, 180_000);
});
