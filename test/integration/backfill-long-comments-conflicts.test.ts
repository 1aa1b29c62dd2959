import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/api/api-router.js';
import { type LocalApiServer, startLocalApiServer } from '../../lib/local/local-api-server.js';
import { type LocalPipeline, startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import { readFeedbackReport } from '../../lib/reports/read-feedback-report.js';
import { MAX_STORED_TEXT_CHARS } from '../../lib/store/stored-text.js';

let pipeline: LocalPipeline;
let api: LocalApiServer;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

beforeAll(async () => {
  // The default follow-up window (14 days), as serve-local and a deployed stage run.
  pipeline = await startLocalPipeline();
  api = await startLocalApiServer(createApiHandler({ store: pipeline.stack.store }));
});

afterAll(async () => {
  await api?.stop();
  await pipeline?.stop();
});

async function send(messages: unknown[]): Promise<void> {
  const result = await sendFeedback(pipeline.stack.sqs.client, pipeline.stack.queueUrl, messages);
  expect(result.failed).toEqual([]);
  await pipeline.drain();
}

const complaint = 'Third time I called, waited 50 minutes on hold and I am cancelling.';

describe('a backfill of old comments', () => {
  it('opens follow-ups and alerts only for comments within 14 days, counting the rest in NPS', async () => {
    const comments = [
      { id: 'bf-fresh', submittedAt: hoursAgo(1) },
      { id: 'bf-13-days', submittedAt: hoursAgo(13 * 24) },
      { id: 'bf-7-weeks', submittedAt: hoursAgo(49 * 24) },
      { id: 'bf-15-days', submittedAt: hoursAgo(15 * 24) },
    ].map((c) => ({ ...c, text: complaint, score: 1, segment: { department: 'Backfill' } }));
    await send(comments);

    const fresh = await pipeline.stack.store.getFeedback('bf-fresh');
    const recent = await pipeline.stack.store.getFeedback('bf-13-days');
    expect(fresh?.followUp.status).toBe('open');
    // The SLA clock started when the customer wrote: 48 h from submission, not from receipt.
    expect(fresh?.followUp.dueAt).toBe(
      new Date(Date.parse(fresh?.submittedAt ?? '') + 48 * 3_600_000).toISOString(),
    );
    expect(recent?.followUp.status).toBe('open');
    expect(Date.parse(recent?.followUp.dueAt ?? '')).toBeLessThan(Date.now());
    for (const id of ['bf-7-weeks', 'bf-15-days']) {
      const old = await pipeline.stack.store.getFeedback(id);
      expect(old).toMatchObject({ followUp: { status: 'none' }, followUpTooOld: true });
      expect(old?.analysis.followUp.required).toBe(true);
    }
    const alerted = new Set(
      pipeline.alerts.map(({ alert }) => alert.id).filter((id) => id.startsWith('bf-')),
    );
    expect([...alerted].sort()).toEqual(['bf-13-days', 'bf-fresh']);

    const report = await readFeedbackReport(pipeline.stack.store, {
      from: hoursAgo(60 * 24).slice(0, 10),
      to: hoursAgo(0).slice(0, 10),
    });
    expect(report.overall.detractors).toBe(4);
    expect(report.closeTheLoop.opened).toBe(2);
    expect(report.closeTheLoop.tooOldToFollowUp).toBe(2);
  }, 120_000);
});

describe('a long comment', () => {
  it('is accepted up to the queue limit, analysed, stored capped and redacted with textTruncated', async () => {
    const long = `${complaint} Write to me at jane.doe@example.com. ${'The service got worse every month. '.repeat(1_800)}`;
    expect(long.length).toBeGreaterThan(60_000);
    const longest = 'x '.repeat(125_000);
    await send([
      { id: 'long-60k', text: long, score: 0, submittedAt: hoursAgo(2) },
      { id: 'long-250k', text: longest, score: 7 },
    ]);

    const record = await pipeline.stack.store.getFeedback('long-60k');
    expect(record?.textTruncated).toBe(true);
    expect(record?.redactedText.length).toBeLessThanOrEqual(MAX_STORED_TEXT_CHARS);
    expect(record?.redactedText).toContain('[EMAIL]');
    expect(record?.redactedText).not.toContain('jane.doe');
    expect(record?.analysis.themes.map((theme) => theme.id)).toEqual(
      expect.arrayContaining(['wait_time', 'repeat_contact']),
    );
    expect(record?.followUp.status).toBe('open');
    const alert = pipeline.alerts.find(({ alert }) => alert.id === 'long-60k')?.alert;
    expect(alert?.redactedText.length).toBeLessThanOrEqual(MAX_STORED_TEXT_CHARS);
    expect((await pipeline.stack.store.getFeedback('long-250k'))?.textTruncated).toBe(true);

    // One character more than a message can carry is refused by the producer, with the reason.
    const tooLong = await sendFeedback(pipeline.stack.sqs.client, pipeline.stack.queueUrl, [
      { id: 'long-too-long', text: 'x'.repeat(250_001) },
    ]);
    expect(tooLong.failed[0]?.reason).toMatch(/text must be at most 250000 characters/);
  }, 120_000);
});

describe('an id sent again', () => {
  it('with the same content is a duplicate; with other content a conflict reject listed with both hashes', async () => {
    const original = {
      id: 'conflict-1',
      text: 'Billed twice this month',
      score: 3,
      segment: { department: 'Ids' },
    };
    await send([original]);
    const before = { ...pipeline.outcomes };
    await send([
      { ...original, segment: { department: 'Ids' }, score: 3 },
      { ...original, text: 'A different customer: lovely engineer', score: 10 },
    ]);
    expect(pipeline.outcomes.duplicate - before.duplicate).toBe(1);
    expect(pipeline.outcomes.rejected - before.rejected).toBe(1);

    const stored = await pipeline.stack.store.getFeedback('conflict-1');
    expect(stored?.redactedText).toBe('Billed twice this month');
    const response = await fetch(`${api.url}/rejects?reason=id%20conflict`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: Array<{
        reason: string;
        issues: string[];
        storedContentHash: string;
        receivedContentHash: string;
      }>;
    };
    expect(items).toHaveLength(1);
    expect(items[0]?.storedContentHash).toBe(stored?.contentHash);
    expect(items[0]?.receivedContentHash).toMatch(/^sha256:/);
    expect(items[0]?.receivedContentHash).not.toBe(stored?.contentHash);
    expect(items[0]?.issues[0]).toMatch(/id conflict-1 is already stored with different content/);
    expect(JSON.stringify(items)).not.toContain('lovely engineer');

    // The same conflicting message redelivered is one reject, not two.
    await send([{ ...original, text: 'A different customer: lovely engineer', score: 10 }]);
    const again = (await (await fetch(`${api.url}/rejects?reason=id%20conflict`)).json()) as {
      items: unknown[];
    };
    expect(again.items).toHaveLength(1);
    expect((await fetch(`${api.url}/rejects?limit=0`)).status).toBe(400);
    expect((await fetch(`${api.url}/rejects?reason=whatever`)).status).toBe(400);
  }, 120_000);
});
