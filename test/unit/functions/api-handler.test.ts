import { Logger } from '@aws-lambda-powertools/logger';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../functions/api/api-router.js';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import type { FeedbackMessage } from '../../../lib/feedback/feedback-message.js';
import { INBOX_READ_LIMIT } from '../../../lib/followup/read-inbox.js';
import { apiEvent, lambdaContext } from '../../support/api-event.js';
import { InMemoryFeedbackStore } from '../../support/in-memory-feedback-store.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const logger = new Logger({ logLevel: 'SILENT' });

const detractor: FeedbackMessage = {
  id: 'fb-1',
  text: 'Waited two hours on hold and nobody called back',
  score: 2,
  segment: { department: 'Billing' },
  submittedAt: '2026-11-30T08:00:00Z',
};

describe('API handler (in-memory store)', () => {
  let store: InMemoryFeedbackStore;
  let call: (
    method: string,
    target: string,
    options?: { body?: string; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: Record<string, unknown> }>;

  beforeEach(async () => {
    store = new InMemoryFeedbackStore();
    await store.storeFeedbackBatch([
      { message: detractor, analysis: analyzeFeedback(detractor), receivedAt: NOW.toISOString() },
    ]);
    const handler = createApiHandler({ store, logger, now: () => NOW });
    call = async (method, target, options) => {
      const result = await handler(apiEvent(method, target, options), lambdaContext);
      return { status: result.statusCode ?? 200, body: JSON.parse(result.body ?? '{}') };
    };
  });

  it('lists the open follow-up and reads it by id', async () => {
    const list = await call('GET', '/followups');
    expect(list.status).toBe(200);
    expect((list.body.items as Array<{ id: string; overdue: boolean }>).map((item) => item.id)).toEqual([
      'fb-1',
    ]);
    // The documented row, no more (the inbox row it is cut from has more fields).
    expect(Object.keys((list.body.items as object[])[0] ?? {})).toEqual([
      'id',
      'status',
      'priority',
      'reasons',
      'owner',
      'dueAt',
      'overdue',
      'score',
      'segment',
      'themes',
      'submittedAt',
      'redactedText',
    ]);
    const one = await call('GET', '/feedback/fb-1');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: 'fb-1', followUp: { status: 'open', history: [], overdue: false } });
  });

  it.each([
    ['a query value outside its list', '/followups?status=lost', 'status'],
    ['a query parameter it does not know', '/followups?colour=red', '(root)'],
    ['a limit that is not a number', '/followups?limit=lots', 'limit'],
    ['an id with characters ids never have', '/feedback/fb%20%231', 'id'],
    [
      'a theme id that is not snake_case',
      '/reports/themes/Bad-Theme/comments?from=2026-11-01&to=2026-11-30',
      'id',
    ],
    ['a period the wrong way round', '/reports/rejected?from=2026-11-30&to=2026-11-01', 'from'],
  ])('refuses %s with 400 naming the field', async (_, target, field) => {
    const { status, body } = await call('GET', target);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'bad_request', message: 'the request is invalid' });
    expect((body.issues as string[]).some((issue) => issue.startsWith(`${field}: `))).toBe(true);
  });

  it('stores a note, root cause and action with half an emoji (a lone surrogate) as well-formed text', async () => {
    // Left in, a lone surrogate cannot be written as UTF-8: DynamoDB, a CSV export or an alert would fail on it.
    const note = await call('POST', '/followups/fb-1/note', { body: '{"note":"called \\ud83d back"}' });
    expect(note.status).toBe(200);
    const resolve = await call('POST', '/followups/fb-1/resolve', {
      body: '{"rootCause":"billing \\udc00","action":"refunded \\ud83d","note":"done \\ud83d"}',
    });
    expect(resolve.status).toBe(200);
    const notes = (store.history.get('fb-1') ?? []).map((entry) => entry.note);
    expect(notes).toEqual(['called \ufffd back', 'done \ufffd']);
    expect(resolve.body.followUp).toMatchObject({ rootCause: 'billing \ufffd', action: 'refunded \ufffd' });
  });

  it('claims as the named actor (unicode kept), and answers a second claim with 409 and the winner', async () => {
    const claim = await call('POST', '/followups/fb-1/claim', {
      body: JSON.stringify({ owner: 'Zoë Ødegård' }),
      headers: { 'x-closeloop-actor': 'Zoë Ødegård' },
    });
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ followUp: { status: 'claimed', owner: 'Zoë Ødegård' } });
    expect(store.history.get('fb-1')?.map((entry) => entry.by)).toEqual(['Zoë Ødegård']);
    const again = await call('POST', '/followups/fb-1/claim', { body: JSON.stringify({ owner: 'Sam' }) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: 'conflict',
      current: { status: 'claimed', owner: 'Zoë Ødegård' },
    });
  });

  it.each([
    ['not JSON', '{"owner": ', 400, 'the body is not valid JSON'],
    [
      'a field the action does not take',
      JSON.stringify({ owner: 'Sam', priority: 1 }),
      400,
      'the request is invalid',
    ],
    ['a wrong type', JSON.stringify({ owner: 42 }), 400, 'the request is invalid'],
    [
      'over 1 MB',
      JSON.stringify({ owner: 'Sam', note: 'x'.repeat(1_100_000) }),
      413,
      'the body is over 1000000 bytes',
    ],
  ])('refuses a body that is %s', async (_, body, status, message) => {
    const answer = await call('POST', '/followups/fb-1/claim', { body });
    expect(answer.status).toBe(status);
    expect(answer.body.message).toBe(message);
    expect((await store.getFeedback('fb-1'))?.followUp.status).toBe('open');
  });

  it('takes an empty body as no fields, whatever the content type', async () => {
    await call('POST', '/followups/fb-1/claim', { body: JSON.stringify({ owner: 'Sam' }) });
    const contacted = await call('POST', '/followups/fb-1/contacted', {
      headers: { 'content-type': 'text/plain' },
    });
    expect(contacted.status).toBe(200);
    expect(contacted.body).toMatchObject({ followUp: { status: 'contacted' } });
  });

  it('refuses an actor header that is not a person name, storing nothing', async () => {
    const answer = await call('POST', '/followups/fb-1/claim', {
      body: JSON.stringify({ owner: 'Sam' }),
      headers: { 'x-closeloop-actor': `Sam\u202e${'x'.repeat(200)}` },
    });
    expect(answer.status).toBe(400);
    expect((answer.body.issues as string[])[0]).toMatch(/^x-closeloop-actor: /);
    expect(store.history.size).toBe(0);
  });

  it('says when a status holds more follow-ups than the inbox reads, in /inbox and on each export page', async () => {
    expect((await call('GET', '/inbox')).body).toMatchObject({ truncated: [] });
    const more = Array.from({ length: INBOX_READ_LIMIT }, (_, i) => ({ ...detractor, id: `fb-more-${i}` }));
    await store.storeFeedbackBatch(
      more.map((message) => ({ message, analysis: analyzeFeedback(message), receivedAt: NOW.toISOString() })),
    );
    const inbox = await call('GET', '/inbox');
    expect(inbox.body).toMatchObject({ truncated: ['open'], counts: { open: INBOX_READ_LIMIT } });
    const handler = createApiHandler({ store, logger, now: () => NOW });
    const page = await handler(
      apiEvent('GET', '/inbox/export?view=open', { headers: { 'x-closeloop-actor': 'Lead' } }),
      lambdaContext,
    );
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({ 'x-closeloop-truncated': 'open' });
  });

  it('refuses a body that is not UTF-8 with 400, rather than storing its accents as replacement characters', async () => {
    const handler = createApiHandler({ store, logger, now: () => NOW });
    const latin1 = Buffer.from('{"note":"caf\u00e9"}', 'latin1');
    const event = {
      ...apiEvent('POST', '/followups/fb-1/note', { body: '{}' }),
      body: latin1.toString('base64'),
      isBase64Encoded: true,
    };
    const result = await handler(event, lambdaContext);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body ?? '{}')).toEqual({
      error: 'bad_request',
      message: 'the body is not UTF-8 text (JSON must be sent as UTF-8)',
    });
    expect(store.history.size).toBe(0);
  });

  it('answers unknown ids and routes with 404 in the one error shape', async () => {
    expect(await call('GET', '/feedback/fb-404')).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
    expect(await call('GET', '/nowhere')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it.each([
    ['GET', '/followups/fb-1/claim', 'POST'],
    ['DELETE', '/feedback/fb-1', 'GET'],
    ['PUT', '/followups', 'GET'],
    ['GET', '/followups/bulk', 'POST'],
  ])('answers %s %s with 405 and the method the route takes', async (method, target, allow) => {
    const handler = createApiHandler({ store, logger, now: () => NOW });
    const result = await handler(apiEvent(method, target, {}), lambdaContext);
    expect(result.statusCode).toBe(405);
    expect(result.headers).toMatchObject({ allow });
    expect(JSON.parse(result.body ?? '{}')).toEqual({
      error: 'method_not_allowed',
      message: `${method} is not allowed on this route: use ${allow}`,
    });
    expect(store.history.size).toBe(0);
  });

  it('answers a store failure with 500 and the request id, never the error text', async () => {
    store.getFeedback = async () => {
      throw new Error('jane@example.com broke the table');
    };
    const answer = await call('GET', '/feedback/fb-1');
    expect(answer).toEqual({
      status: 500,
      body: { error: 'internal_error', message: 'internal error (request req-test)' },
    });
  });

  it('lists a theme drill-down from the stored mentions', async () => {
    const theme = analyzeFeedback(detractor).themes[0]?.id;
    expect(theme).toBeDefined();
    const answer = await call('GET', `/reports/themes/${theme}/comments?from=2026-11-01&to=2026-11-30`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ theme, items: [{ id: 'fb-1', score: 2 }] });
  });
});
