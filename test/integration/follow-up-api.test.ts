import { request as httpRequest } from 'node:http';
import type { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/api/api-router.js';
import { type LocalApiServer, startLocalApiServer } from '../../lib/local/local-api-server.js';
import type { LocalStack } from '../../lib/local/local-stack.js';
import type { Json } from '../support/call-local-api.js';
import { type SeededApi, startSeededApi } from '../support/seeded-local-stack.js';

let seeded: SeededApi;
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
  seeded = await startSeededApi(
    messages.map((m) => JSON.stringify({ ...m, submittedAt: `${day}T07:00:00Z` })),
    () => now,
  );
  ({ stack, api } = seeded);
}, 60_000);

afterAll(async () => {
  await seeded?.stop();
});

const call: SeededApi['call'] = (...args) => seeded.call(...args);

/** A request through node:http, so header bytes and body size are exactly what the test says. */
function rawCall(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api.url}${path}`, { method, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    // A Buffer: node:http writes a string body in one chunk with the headers, re-encoding their bytes as UTF-8.
    req.end(typeof options.body === 'string' ? Buffer.from(options.body) : options.body);
  });
}

/** A header value carrying the UTF-8 bytes of `text` (node:http sends header strings as Latin-1 bytes). */
const utf8Header = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

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

  it('answers bad percent encoding with 400 in the one error shape, not 500', async () => {
    for (const path of [
      '/feedback/%',
      '/feedback/%E0%A4%A',
      '/followups/%ZZ/claim',
      '/followups?department=%E0%A4%A',
    ]) {
      const method = path.endsWith('/claim') ? 'POST' : 'GET';
      const answer = await rawCall(method, path, { body: method === 'POST' ? '{"owner":"ana"}' : undefined });
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    }
  });

  it('uses { error, message, issues? } for every error, invalid JSON included', async () => {
    const invalid = await call('POST', '/followups/api-late/resolve', '{not json');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({ error: 'bad_request', message: 'the body is not valid JSON' });
    const schema = await call('GET', '/followups?limit=lots');
    expect(schema.body).toMatchObject({
      error: 'bad_request',
      message: expect.any(String),
      issues: [expect.stringMatching(/^limit: /)],
    });
    const missing = await call('GET', '/nothing-here');
    expect(missing.body).toEqual({ error: 'not_found', message: expect.any(String) });
    const twice = await call('GET', '/followups?status=open&status=claimed');
    expect(twice.status).toBe(400);
    expect(twice.body.issues).toEqual(['status: given more than once']);
  });

  it('refuses malformed, forged and foreign cursors; a cursor continues only its own query', async () => {
    const first = await call('GET', '/followups?limit=1');
    const cursor: string = first.body.cursor;
    expect((await call('GET', `/followups?limit=1&cursor=${cursor}`)).status).toBe(200);
    const [payload] = cursor.split('.');
    const key = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const unsigned = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = [
      'not-a-cursor',
      unsigned(key),
      `${unsigned({ FU_PK: 'FOLLOWUP#open' })}.${cursor.split('.')[1]}`,
      `${unsigned({ ...key, PK: 'COUNTS#all' })}.${cursor.split('.')[1]}`,
      `${cursor}x`,
    ];
    for (const bad of forged) {
      const answer = await call('GET', `/followups?limit=1&cursor=${encodeURIComponent(bad)}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.issues, bad).toEqual(['cursor: not a cursor this query handed out']);
    }
    // The open queue's cursor does not continue the Care department's queue or the claimed one.
    expect((await call('GET', `/followups?limit=1&department=Care&cursor=${cursor}`)).status).toBe(400);
    expect((await call('GET', `/followups?limit=1&status=claimed&cursor=${cursor}`)).status).toBe(400);
  });

  it('answers a body over the limit with 413, read to the end rather than reset', async () => {
    const answer = await rawCall('POST', '/followups/api-late/claim', {
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(3_000_000, 'x'),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: 'payload_too_large' });
  });

  it('refuses a note sent in Latin-1 with 400 rather than storing "caf\ufffd"', async () => {
    const answer = await rawCall('POST', '/followups/api-late/note', {
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"note":"caf\u00e9 au lait"}', 'latin1'),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ message: 'the body is not UTF-8 text (JSON must be sent as UTF-8)' });
  });

  it('refuses owners and actors that are invisible, control characters, broken or too long', async () => {
    // JSON escapes in the body text: the server's JSON.parse makes the characters.
    for (const owner of ['\\u200b', '\\u0000', '\\ud800', 'ana\\u202e', 'ana\\nbob', ' ', 'x'.repeat(129)]) {
      const answer = await call('POST', '/followups/api-late/claim', `{"owner":"${owner}"}`);
      expect(answer.status, owner).toBe(400);
      expect(answer.body.issues.join(' '), owner).toMatch(/^owner: /);
    }
    for (const actor of ['x'.repeat(12_000), 'ana\\u200b', '\\u202eana']) {
      const answer = await rawCall('POST', '/followups/api-late/contacted', {
        headers: { 'x-closeloop-actor': utf8Header(JSON.parse(`"${actor}"`)) },
      });
      expect(answer.status, actor.slice(0, 20)).toBe(400);
      expect(answer.body.issues.join(' ')).toMatch(/^x-closeloop-actor: /);
    }
    // Latin-1 bytes are not UTF-8: refused, not stored garbled.
    const latin1 = await rawCall('POST', '/followups/api-late/contacted', {
      headers: { 'x-closeloop-actor': Buffer.from('José', 'latin1').toString('latin1') },
    });
    expect(latin1.status).toBe(400);
    const record = await call('GET', '/feedback/api-late');
    expect(record.body.followUp.status).toBe('open');
  });

  it('stores owners in NFC and reads UTF-8 actor headers as UTF-8', async () => {
    const decomposed = 'a\u0301na';
    const claimed = await rawCall('POST', '/followups/api-late/claim', {
      headers: { 'content-type': 'application/json', 'x-closeloop-actor': utf8Header('José 李') },
      body: JSON.stringify({ owner: decomposed }),
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body.followUp.owner).toBe('\u00e1na');
    expect(claimed.body.followUp.history.at(-1).by).toBe('José 李');
  });

  it('keeps the record small however often a follow-up is resolved and reopened; the full history stays readable', async () => {
    const note = 'n'.repeat(2_000);
    for (let cycle = 0; cycle < 12; cycle++) {
      const resolved = await call('POST', '/followups/api-late/resolve', {
        rootCause: 'delivery',
        action: note,
        note,
      });
      expect(resolved.status).toBe(200);
      const reopened = await call('POST', '/followups/api-late/reopen', { note });
      expect(reopened.status).toBe(200);
      // Reopening starts the outcome afresh; the history keeps the old one.
      expect(reopened.body.followUp.rootCause).toBeUndefined();
      expect(reopened.body.followUp.action).toBeUndefined();
    }
    const stored = await stack.store.getFeedback('api-late');
    expect(stored?.followUp.history).toHaveLength(20);
    const record = await call('GET', '/feedback/api-late');
    expect(record.body.followUp.history).toHaveLength(25);
    expect(record.body.followUp.history[0].action).toBe('claim');
    expect(record.body.followUp.history.at(-1).action).toBe('reopen');
  });

  it('logs a 5xx with its request id and no message content, and answers in the one shape', async () => {
    const lines: string[] = [];
    const capture = (level: string) => (message: string, extra?: unknown) =>
      lines.push(`${level} ${message} ${JSON.stringify(extra ?? {})}`);
    const failingStore = new Proxy(stack.store, {
      get(target, property, receiver) {
        if (property !== 'getFeedback') return Reflect.get(target, property, receiver);
        return async () => {
          throw new Error('stored text: call jane.doe@example.com');
        };
      },
    });
    const logger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    const handler = createApiHandler({ store: failingStore, logger: logger as unknown as Logger });
    const failing = await startLocalApiServer(handler);
    try {
      const response = await fetch(`${failing.url}/feedback/api-rude`);
      expect(response.status).toBe(500);
      const body = (await response.json()) as Json;
      expect(body).toEqual({
        error: 'internal_error',
        message: expect.stringMatching(/^internal error \(request local-/),
      });
      const requestId = /request (local-[^)]+)/.exec(body.message)?.[1] as string;
      const errors = lines.filter((line) => line.startsWith('error '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(requestId);
      expect(lines.join('\n')).not.toContain('jane.doe');
    } finally {
      await failing.stop();
    }
  });
});
