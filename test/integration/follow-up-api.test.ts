import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRouter } from '../../functions/api/api-router.js';
import { createIngestHandler } from '../../functions/ingest/ingest-handler.js';
import { type LocalApiServer, startLocalApiServer } from '../../lib/local/local-api-server.js';
import { type LocalStack, startLocalStack } from '../../lib/local/local-stack.js';
import { FOLLOW_UP_ANY_AGE } from '../support/any-age.js';
import { sqsEvent } from '../support/sqs-event.js';

const logger = new Logger({ logLevel: 'SILENT' });
let stack: LocalStack;
let api: LocalApiServer;
/** The clock the API sees: tests move it to check the SLA. */
let now = new Date('2026-06-01T09:00:00Z');

const day = '2026-06-01';
const messages = [
  { id: 'api-churn', text: 'Third time calling, on hold an hour, I am cancelling my contract', score: 0 },
  { id: 'api-rude', text: 'The agent was rude and hung up on me', score: 2, segment: { department: 'Care' } },
  { id: 'api-late', text: 'Delivery was late again', score: 5, segment: { department: 'Care' } },
  { id: 'api-happy', text: 'Brilliant, thank you', score: 10, segment: { department: 'Care' } },
];

beforeAll(async () => {
  stack = await startLocalStack(FOLLOW_UP_ANY_AGE);
  const ingest = createIngestHandler({
    store: stack.store,
    logger,
    now: () => new Date('2026-06-01T08:00:00Z'),
  });
  const event = sqsEvent(messages.map((m) => JSON.stringify({ ...m, submittedAt: `${day}T07:00:00Z` })));
  expect(await ingest(event)).toEqual({ batchItemFailures: [] });
  api = await startLocalApiServer(createApiRouter({ store: stack.store, now: () => now }));
});

afterAll(async () => {
  await api?.stop();
  await stack?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely; the assertions check their shape
type Json = Record<string, any>;

async function call(method: string, path: string, body?: unknown, actor = 'ana') {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-closeloop-actor': actor },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

describe('follow-up API on DynamoDB Local', () => {
  it('lists open follow-ups by priority, with the SLA due time, and filters by department', async () => {
    const all = await call('GET', '/followups');
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i: { id: string }) => i.id);
    expect(ids[0]).toBe('api-churn');
    expect(ids).not.toContain('api-happy');
    expect(all.body.items[0]).toMatchObject({
      status: 'open',
      overdue: false,
      // 48 h from submission (07:00), not from receipt (08:00).
      dueAt: '2026-06-03T07:00:00.000Z',
    });
    const care = await call('GET', '/followups?department=Care');
    expect(care.body.items.map((i: { id: string }) => i.id).sort()).toEqual(['api-late', 'api-rude']);
  });

  it('pages with a cursor and refuses a forged one', async () => {
    const first = await call('GET', '/followups?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await call('GET', `/followups?limit=1&cursor=${first.body.cursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const forged = Buffer.from(
      JSON.stringify({ FU_PK: 'FEEDBACK#x', PK: 'x', SK: 'y', FU_SK: 'z' }),
    ).toString('base64url');
    expect((await call('GET', `/followups?cursor=${forged}`)).status).toBe(400);
  });

  it('validates queries and ids with clear errors', async () => {
    const badLimit = await call('GET', '/followups?limit=lots');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.issues.join(' ')).toMatch(/limit/);
    expect((await call('GET', '/followups?status=lost')).status).toBe(400);
    expect((await call('GET', '/feedback/FEEDBACK%23api-churn')).status).toBe(400);
    expect((await call('GET', '/feedback/nobody')).status).toBe(404);
    const record = await call('GET', '/feedback/api-rude');
    expect(record.status).toBe(200);
    expect(record.body.redactedText).toBe('The agent was rude and hung up on me');
    expect(record.body.text).toBeUndefined();
  });

  it('cannot be steered to other kinds of items through ids, paths or filters', async () => {
    for (const id of [
      'COUNTS%23all',
      'REJECTED%232026-06',
      'ALERT%23api-churn',
      '%00',
      'a'.repeat(200),
      '..%2F..%2Freports',
    ]) {
      const read = await call('GET', `/feedback/${id}`);
      expect(read.status, id).toBe(400);
      const claim = await call('POST', `/followups/${id}/claim`, { owner: 'eve' });
      expect(claim.status, id).toBe(400);
    }
    // A department is only ever a value inside the follow-up partition name.
    const odd = await call('GET', '/followups?department=x%23department%23Care');
    expect(odd.status).toBe(200);
    expect(odd.body.items).toEqual([]);
    expect((await call('GET', '/followups?status=open&extra=1')).status).toBe(400);
  });

  it('lets one of two people claim at once; the other gets 409 with the winner', async () => {
    const [first, second] = await Promise.all([
      call('POST', '/followups/api-churn/claim', { owner: 'ana' }, 'ana'),
      call('POST', '/followups/api-churn/claim', { owner: 'ben' }, 'ben'),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winner = first.status === 200 ? first : second;
    expect(loser.body.current.owner).toBe(winner.body.followUp.owner);
    expect(loser.body.current.status).toBe('claimed');
  });

  it('records contact, resolution with root cause, and reopening, each in the history', async () => {
    now = new Date('2026-06-02T10:00:00Z');
    const contacted = await call('POST', '/followups/api-churn/contacted', { note: 'called back' });
    expect(contacted.status).toBe(200);
    expect(contacted.body.followUp).toMatchObject({
      status: 'contacted',
      contactedAt: '2026-06-02T10:00:00.000Z',
    });

    const missing = await call('POST', '/followups/api-churn/resolve', { action: 'credited' });
    expect(missing.status).toBe(400);
    expect(missing.body.issues.join(' ')).toMatch(/rootCause/);
    expect((await call('POST', '/followups/api-churn/resolve', '{not json')).status).toBe(400);
    expect(
      (await call('POST', '/followups/api-churn/resolve', { rootCause: 'x', action: 'y', extra: 1 })).status,
    ).toBe(400);

    const resolved = await call('POST', '/followups/api-churn/resolve', {
      rootCause: 'wait_time',
      action: 'credited a month and fixed the line',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.followUp.history.map((h: { action: string }) => h.action)).toEqual([
      'claim',
      'contacted',
      'resolve',
    ]);
    expect((await call('POST', '/followups/api-churn/resolve', { rootCause: 'x', action: 'y' })).status).toBe(
      409,
    );

    const [counts] = await stack.store.readDailyCounts({ dimension: 'all' }, '2026-06-02', '2026-06-02');
    expect(counts).toMatchObject({ followUpsContacted: 1, contactedWithinSla: 1, followUpsResolved: 1 });
    expect(counts?.contactHours).toEqual({ '48': 1 });
    expect(counts?.rootCauses).toEqual({ wait_time: 1 });
    expect(counts?.rootCauseAgreement.wait_time).toEqual({ predicted: 1, agreed: 1 });

    const reopened = await call('POST', '/followups/api-churn/reopen', { note: 'customer called again' });
    expect(reopened.body.followUp.status).toBe('open');
    const [after] = await stack.store.readDailyCounts({ dimension: 'all' }, '2026-06-02', '2026-06-02');
    expect(after).toMatchObject({ followUpsResolved: 0, followUpsContacted: 1 });
    expect(after?.rootCauseAgreement.wait_time).toEqual({ predicted: 0, agreed: 0 });
  });

  it('flags follow-ups nobody contacted before the SLA ran out', async () => {
    now = new Date('2026-06-04T09:00:00Z');
    const care = await call('GET', '/followups?department=Care');
    expect(care.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
  });

  it('answers 404 for an unknown follow-up and for a route that does not exist', async () => {
    expect((await call('POST', '/followups/nobody/claim', { owner: 'ana' })).status).toBe(404);
    expect((await call('POST', '/followups/api-happy/claim', { owner: 'ana' })).status).toBe(404);
    expect((await call('GET', '/nothing-here')).status).toBe(404);
  });

  it('reports NPS by department over the API', async () => {
    const report = await call('GET', `/reports/nps?from=${day}&to=${day}&by=department`);
    expect(report.status).toBe(200);
    // Overall: 1 promoter (10), 3 detractors (0, 2, 5) of 4: 25 - 75.
    expect(report.body.overall).toMatchObject({ responses: 4, promoters: 1, detractors: 3, nps: -50 });
    expect(report.body.segments).toEqual([
      expect.objectContaining({ key: 'Care', responses: 3, promoters: 1, detractors: 2, nps: -33.33 }),
    ]);
    expect((await call('GET', '/reports/nps?from=2026-06-05&to=2026-06-01')).status).toBe(400);
  });

  it('ranks theme drivers by NPS impact against hand-computed values', async () => {
    const report = await call('GET', `/reports/themes?from=${day}&to=${day}`);
    expect(report.status).toBe(200);
    const byId = Object.fromEntries(report.body.themes.map((t: { id: string }) => [t.id, t]));
    // 4 responses; the wait is in one detractor's comment: turning it passive gains 1/4 = 25 points.
    expect(byId.wait_time).toMatchObject({
      mentions: 1,
      detractorMentions: 1,
      npsImpact: 25,
      previousMentions: 0,
      mentionsChange: 1,
    });
    expect(byId.agent_attitude).toMatchObject({ detractorMentions: 1, npsImpact: 25, negativeShare: 1 });
    const impacts = report.body.themes.map((t: { npsImpact: number }) => t.npsImpact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));

    const byDepartment = await call('GET', `/reports/themes?from=${day}&to=${day}&by=department`);
    expect(byDepartment.body.segments.map((s: { key: string }) => s.key)).toEqual(['Care']);
  });

  it('reports close-the-loop metrics: contact within SLA, median time to contact, overdue now', async () => {
    const report = await call('GET', '/reports/followups?from=2026-06-01&to=2026-06-04');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      opened: 3,
      contacted: 1,
      contactedWithinSla: 1,
      withinSlaRate: 1,
      resolved: 0,
      medianTimeToContact: '<= 48 h',
      // api-rude and api-late were never contacted and were due on 2026-06-03 08:00.
      overdueNow: 2,
    });
  });
});
