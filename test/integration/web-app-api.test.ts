import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/api/api-router.js';
import { type LocalApiServer, startLocalApiServer } from '../../lib/local/local-api-server.js';
import type { LocalStack } from '../../lib/local/local-stack.js';
import { startSeededLocalStack } from '../support/seeded-local-stack.js';

const logger = new Logger({ logLevel: 'SILENT' });
let stack: LocalStack;
let api: LocalApiServer;
let web: LocalApiServer;
let webRoot: string;
const now = new Date('2026-06-04T09:00:00Z');

const messages = [
  {
    id: 'web-churn',
    text: 'On hold an hour, I am cancelling. Mail me at jo@example.com',
    score: 0,
    customerId: 'cust-1',
    channel: 'phone',
    segment: { department: 'Care', team: 'North' },
  },
  {
    id: 'web-late',
    text: 'Delivery was late again, très décevant',
    score: 5,
    customerId: 'cust-1',
    segment: { department: 'Care' },
  },
  {
    id: 'web-bill',
    text: 'Charged twice for one order',
    score: 3,
    channel: 'email',
    segment: { department: 'Billing' },
  },
  { id: 'web-happy', text: 'Brilliant, thank you', score: 10, segment: { department: 'Care' } },
];

beforeAll(async () => {
  stack = await startSeededLocalStack([
    ...messages.map((m) => JSON.stringify({ ...m, submittedAt: '2026-06-01T07:00:00Z' })),
    JSON.stringify({ id: 'web-bad', text: 'Fine', score: 11 }),
  ]);
  const handler = createApiHandler({ store: stack.store, logger, now: () => now });
  api = await startLocalApiServer(handler);
  webRoot = mkdtempSync(join(tmpdir(), 'closeloop-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>closeloop</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  web = await startLocalApiServer(handler, 0, { web: { root: webRoot, user: 'ana' } });
}, 180_000);

afterAll(async () => {
  await web?.stop();
  await api?.stop();
  await stack?.stop();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
}, 60_000);

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely; the assertions check their shape
type Json = Record<string, any>;

async function get(path: string, actor = 'ana', base = api.url) {
  const response = await fetch(`${base}${path}`, { headers: { 'x-closeloop-actor': actor } });
  const text = await response.text();
  let body: Json = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', body, text };
}

const ids = (body: Json) => body.items.map((item: { id: string }) => item.id);

describe('inbox API on DynamoDB Local', () => {
  it('lists a view with counts, filter choices and rows in priority order', async () => {
    const { status, body } = await get('/inbox');
    expect(status).toBe(200);
    // The two detractors without intents sit a point apart on the text's sentiment, which the model
    // decides: the test holds the order to the priorities the API returns, not to that point.
    expect(ids(body)[0]).toBe('web-churn');
    expect([...ids(body)].sort()).toEqual(['web-bill', 'web-churn', 'web-late']);
    const priorities = body.items.map((item: { priority: number }) => item.priority);
    expect(priorities).toEqual([...priorities].sort((a: number, b: number) => b - a));
    expect(body.counts).toEqual({ mine: 0, team: 0, unassigned: 3, overdue: 3, open: 3, resolved: 0 });
    expect(body.facets.department).toEqual(['Billing', 'Care']);
    expect(body.items[0]).toMatchObject({ band: 'detractor', channel: 'phone', overdue: true, owner: null });
  });

  it('filters, searches the redacted text (unicode too) and pages', async () => {
    expect(ids((await get('/inbox?department=care&team=North')).body)).toEqual(['web-churn']);
    expect(ids((await get('/inbox?q=D%C3%89CEVANT')).body)).toEqual(['web-late']);
    expect(ids((await get('/inbox?q=example.com')).body)).toEqual([]);
    expect(ids((await get('/inbox?channel=email&band=detractor')).body)).toEqual(['web-bill']);
    const all = ids((await get('/inbox')).body);
    const second = (await get('/inbox?pageSize=2&page=2')).body;
    expect({ ids: ids(second), total: second.total }).toEqual({ ids: [all[2]], total: 3 });
  });

  it("shows a person's own follow-ups as mine", async () => {
    const claim = await fetch(`${api.url}/followups/web-bill/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-closeloop-actor': 'ben' },
      body: JSON.stringify({ owner: 'ben' }),
    });
    expect(claim.status).toBe(200);
    expect(ids((await get('/inbox?view=mine', 'ben')).body)).toEqual(['web-bill']);
    expect(ids((await get('/inbox?view=mine', 'ana')).body)).toEqual([]);
    expect(ids((await get('/inbox?view=unassigned')).body)).toEqual(['web-churn', 'web-late']);
  });

  it.each([
    { query: '?view=everything', issue: 'view' },
    { query: '?pageSize=0', issue: 'pageSize' },
    { query: '?page=-1', issue: 'page' },
    { query: `?q=${'x'.repeat(201)}`, issue: 'q' },
    { query: '?assignee=ana', issue: '(root)' },
    { query: '?overdue=yes', issue: 'overdue' },
    { query: '?department=', issue: 'department' },
  ])('refuses $query with a clear error', async ({ query, issue }) => {
    const { status, body } = await get(`/inbox${query}`);
    expect(status).toBe(400);
    expect(body.issues[0]).toMatch(new RegExp(`^${issue.replace(/[()]/g, '\\$&')}: `));
  });

  it('exports a view as CSV with redacted text only', async () => {
    const { status, type, text } = await get('/inbox/export?department=Care');
    expect(status).toBe(200);
    expect(type).toContain('text/csv');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('id,status,priority')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['web-churn', 'web-late']);
    expect(text).not.toContain('jo@example.com');
    expect(text).toContain('[EMAIL]');
    expect((await get('/inbox/export?page=2')).status).toBe(400);
  });

  it("lists the customer's other follow-ups", async () => {
    const { body } = await get('/feedback/web-churn/related');
    expect(body).toMatchObject({ customerId: 'cust-1' });
    expect(ids(body)).toEqual(['web-late']);
    expect((await get('/feedback/web-bill/related')).body).toEqual({ customerId: null, items: [] });
    expect((await get('/feedback/nobody/related')).status).toBe(404);
    expect((await get('/feedback/%23x/related')).status).toBe(400);
  });

  it('lists the taxonomy themes a root cause can be picked from', async () => {
    const { body } = await get('/taxonomy/themes');
    expect(body.themes.map((t: { id: string }) => t.id)).toContain('wait_time');
    expect((await get('/taxonomy/themes?x=1')).status).toBe(400);
  });
});

describe('dashboard API on DynamoDB Local', () => {
  it('gives NPS over time for a segment with the period before', async () => {
    const { status, body } = await get(
      '/reports/trend?from=2026-06-01&to=2026-06-07&period=day&dimension=department&value=Care',
    );
    expect(status).toBe(200);
    expect(body.points).toEqual([
      expect.objectContaining({ key: '2026-06-01', responses: 3, promoters: 1, passives: 0, detractors: 2 }),
    ]);
    expect(body.current.nps).toBeCloseTo(-33.33, 2);
    expect(body.previous).toMatchObject({ from: '2026-05-25', to: '2026-05-31', responses: 0, nps: null });
  });

  it.each([
    '/reports/trend',
    '/reports/trend?from=2026-06-02&to=2026-06-01',
    '/reports/trend?from=2026-06-01&to=2026-06-02&dimension=department',
    '/reports/trend?from=2026-06-01&to=2026-06-02&period=hour',
    '/reports/rejected?from=2000-01-01&to=2026-06-01',
    '/reports/themes/wait_time/comments?from=x&to=2026-06-01',
    '/reports/themes/Wait-Time/comments?from=2026-06-01&to=2026-06-01',
  ])('refuses %s', async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.issues.length).toBeGreaterThan(0);
  });

  it("reads a theme's comments with their evidence", async () => {
    const { body } = await get('/reports/themes/wait_time/comments?from=2026-06-01&to=2026-06-01');
    expect(body.items).toEqual([
      expect.objectContaining({
        id: 'web-churn',
        sentiment: 'negative',
        evidence: expect.arrayContaining([expect.stringMatching(/hold/i)]),
      }),
    ]);
    expect(body.items[0].redactedText).toContain('[EMAIL]');
  });

  it('lists rejected messages with reasons, never their bodies', async () => {
    // Rejects are filed by the month they arrived (the ingest clock above).
    const { body } = await get('/reports/rejected?from=2026-06-01&to=2026-06-30');
    expect(body.items.length).toBeGreaterThan(0);
    expect(Object.keys(body.items[0]).sort()).toEqual(['issues', 'reason', 'receivedAt', 'rejectId']);
  });
});

describe('the local server with the web app', () => {
  it('serves the app, its config with the local user, and the API under /api as that user', async () => {
    const page = await get('/', 'x', web.url);
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect((await get('/assets/app.js', 'x', web.url)).type).toContain('text/javascript');
    expect((await get('/config.json', 'x', web.url)).body).toEqual({
      mode: 'local',
      user: 'ana',
      apiBase: '/api',
    });
    // The local user acts, whatever header a page sends.
    const mine = await get('/api/inbox?view=mine', 'ben', web.url);
    expect(ids(mine.body)).toEqual([]);
    expect((await get('/api/inbox?view=unassigned', 'x', web.url)).status).toBe(200);
    expect((await get('/followups', 'x', web.url)).status).toBe(200);
    expect((await get('/api/nothing', 'x', web.url)).status).toBe(404);
  });

  it('answers unknown files with 404, pages with the app, and never leaves its folder', async () => {
    expect((await get('/assets/missing.js', 'x', web.url)).status).toBe(404);
    expect((await get('/some/page', 'x', web.url)).status).toBe(200);
    expect((await get('/%2e%2e%2f%2e%2e%2fpackage.json', 'x', web.url)).status).toBe(404);
    expect((await get('/..%5c..%5cpackage.json', 'x', web.url)).status).toBe(404);
    const post = await fetch(`${web.url}/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });
});
