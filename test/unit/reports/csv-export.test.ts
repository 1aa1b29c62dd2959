import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import { redactPii } from '../../../lib/analysis/privacy/redact-pii.js';
import type { InboxRow } from '../../../lib/followup/inbox.js';
import { CSV_BOM, csvField, csvLine, exportFileName, fillCsvPage } from '../../../lib/reports/csv-writer.js';
import {
  exportFeedbackPage,
  type FeedbackExportQuery,
  feedbackExportFileName,
  feedbackExportQuerySchema,
} from '../../../lib/reports/feedback-export.js';
import { inboxCsvPage, inboxExportFileName, inboxExportQuerySchema } from '../../../lib/reports/inbox-csv.js';
import { InvalidCursorError } from '../../../lib/store/page-cursor.js';
import { InMemoryFeedbackStore } from '../../support/in-memory-feedback-store.js';
import { leakedForms, PII_CORPUS } from '../../support/pii-corpus.js';

describe('CSV fields', () => {
  it.each([
    { value: 'plain', expected: 'plain' },
    { value: 'a, "b"', expected: '"a, ""b"""' },
    { value: '=HYPERLINK("http://x")', expected: `"'=HYPERLINK(""http://x"")"` },
    { value: '+1 555', expected: "'+1 555" },
    { value: '-2+3', expected: "'-2+3" },
    { value: '@SUM(A1)', expected: "'@SUM(A1)" },
    { value: '\t=1', expected: "'\t=1" },
    { value: '\r=1', expected: `"'\r=1"` },
    { value: 'two\nlines', expected: '"two\nlines"' },
    { value: 'a=b', expected: 'a=b' },
    { value: 'Ünïcødé 日本 😀', expected: 'Ünïcødé 日本 😀' },
    { value: null, expected: '' },
    { value: undefined, expected: '' },
    { value: 7, expected: '7' },
    { value: false, expected: 'false' },
  ])('writes $value as $expected', ({ value, expected }) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends a line in CRLF', () => {
    expect(csvLine(['a', '=b', null])).toBe("a,'=b,\r\n");
  });
});

describe('CSV pages', () => {
  it('starts the first page with the BOM and the header, and takes whole lines up to the budget', () => {
    const lines = ['aaaa\r\n', 'bbbb\r\n', 'cccc\r\n'];
    const first = fillCsvPage(['x', 'y'], lines, Buffer.byteLength(`${CSV_BOM}x,y\r\n`) + 12);
    expect(first).toEqual({ csv: `${CSV_BOM}x,y\r\naaaa\r\nbbbb\r\n`, taken: 2 });
    expect(fillCsvPage(undefined, lines.slice(2), 12)).toEqual({ csv: 'cccc\r\n', taken: 1 });
  });

  it('takes one line even over the budget, so an export always moves on', () => {
    expect(fillCsvPage(undefined, ['x'.repeat(50)], 10).taken).toBe(1);
    expect(fillCsvPage(undefined, [], 10)).toEqual({ csv: '', taken: 0 });
  });
});

describe('export file names', () => {
  it.each([
    { parts: ['inbox', 'open'], expected: 'closeloop-inbox-open.csv' },
    {
      parts: ['inbox', 'open', 'department', 'Care & Billing'],
      expected: 'closeloop-inbox-open-department-Care_Billing.csv',
    },
    { parts: ['x', 'a"b\r\nSet-Cookie: y'], expected: 'closeloop-x-a_b_Set-Cookie_y.csv' },
    { parts: ['x', '../../etc/passwd'], expected: 'closeloop-x-etc_passwd.csv' },
    { parts: ['x', 'Café', '日本', undefined, ''], expected: 'closeloop-x-Cafe.csv' },
    { parts: ['search', 'call 07700 900123'], expected: 'closeloop-search-call_PHONE.csv' },
    { parts: ['agent', 'jo@example.com'], expected: 'closeloop-agent-EMAIL.csv' },
  ])('names $parts $expected', ({ parts, expected }) => {
    expect(exportFileName(parts)).toBe(expected);
  });

  it('cuts a long name', () => {
    expect(exportFileName(['x'.repeat(500)]).length).toBeLessThanOrEqual(154);
  });

  it('names an inbox view and a dashboard view with their filters', () => {
    const inbox = inboxExportQuerySchema.parse({
      view: 'team',
      department: 'Care',
      q: 'on hold',
      overdue: 'true',
    });
    expect(inboxExportFileName(inbox)).toBe(
      'closeloop-inbox-team-department-Care-overdue-true-search-on_hold.csv',
    );
    const dashboard = feedbackExportQuerySchema.parse({
      from: '2026-06-01',
      to: '2026-06-30',
      dimension: 'team',
      value: 'North',
      theme: 'wait_time',
    });
    expect(feedbackExportFileName(dashboard)).toBe(
      'closeloop-feedback-2026-06-01-2026-06-30-team-North-theme-wait_time.csv',
    );
  });
});

function row(id: string, priority: number, text = `comment ${id}`): InboxRow {
  return {
    id,
    status: 'open',
    priority,
    reasons: [],
    owner: null,
    dueAt: null,
    overdue: false,
    score: 3,
    scale: 'nps',
    band: 'detractor',
    channel: null,
    segment: { department: redactPii('Care') },
    themes: ['wait_time'],
    submittedAt: `2026-06-01T0${priority % 10}:00:00.000Z`,
    receivedAt: '2026-06-01T10:00:00.000Z',
    redactedText: text,
  };
}

/** Every page of an inbox export, following the cursors. */
function allInboxPages(rows: InboxRow[], budget: number) {
  const pages: string[] = [];
  let cursor: string | undefined;
  do {
    const page = inboxCsvPage(rows, { sort: 'priority', ...(cursor && { cursor }) }, budget);
    pages.push(page.csv);
    cursor = page.cursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('inbox export pages', () => {
  const rows = [row('a', 90), row('b', 80, '=cmd|/c calc'), row('c', 70), row('d', 60)];

  it('pages a view by bytes and joins into the whole export: header once, every row once', () => {
    const pages = allInboxPages(rows, 400);
    expect(pages.length).toBeGreaterThan(1);
    const lines = pages.join('').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      `${CSV_BOM}id,status,priority,score,band,owner,dueAt,overdue,department,team,agent,product,channel,themes,submittedAt,redactedText`,
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['a', 'b', 'c', 'd']);
    expect(pages.join('')).toContain(",'=cmd|/c calc\r\n");
  });

  it('resumes after the last row exported even when rows left the view meanwhile', () => {
    const first = inboxCsvPage(rows, { sort: 'priority' }, 300);
    const exported = first.csv.split('\r\n').slice(1).filter(Boolean).length;
    expect(first.cursor).toBeDefined();
    const remaining = rows.slice(exported);
    // The first row was claimed away and a new, lower-priority one joined.
    const next = inboxCsvPage(
      [...rows.slice(1), row('z', 10)],
      { sort: 'priority', cursor: first.cursor as string },
      1_000_000,
    );
    const ids = next.csv
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(',')[0]);
    expect(ids).toEqual([...remaining.map((r) => r.id), 'z']);
  });

  it.each(['not base64 json', Buffer.from('{"priority":"x"}').toString('base64url'), 'e30'])(
    'refuses the cursor %s',
    (cursor) => {
      expect(() => inboxCsvPage(rows, { sort: 'priority', cursor })).toThrow(InvalidCursorError);
    },
  );
});

/** A store holding the PII corpus in texts, segments and channels, and formula-like comments. */
async function storeWithPii() {
  const store = new InMemoryFeedbackStore();
  const messages = PII_CORPUS.flatMap(({ form }, i) => [
    { id: `text-${i}`, text: `On hold an hour. Call me on ${form}`, score: 1, customerId: 'CUST-SECRET-1' },
    {
      id: `seg-${i}`,
      text: 'Charged twice',
      score: 2,
      channel: form,
      segment: { department: 'Care', team: form, agent: form, product: `card ${form}` },
    },
  ]);
  messages.push({ id: 'formula', text: '=HYPERLINK("http://evil")', score: 3, customerId: 'CUST-SECRET-1' });
  const receivedAt = '2026-06-02T00:00:00.000Z';
  await store.storeFeedbackBatch(
    messages.map((fields) => {
      const message = { ...fields, submittedAt: '2026-06-01T08:00:00Z' } as never;
      return { message, analysis: analyzeFeedback(message), receivedAt };
    }),
  );
  return { store, count: messages.length };
}

async function allFeedbackPages(store: InMemoryFeedbackStore, query: Record<string, string>) {
  let csv = '';
  let cursor: string | undefined;
  let pages = 0;
  do {
    const parsed: FeedbackExportQuery = feedbackExportQuerySchema.parse({
      ...query,
      ...(cursor && { cursor }),
    });
    const page = await exportFeedbackPage(store, parsed);
    csv += page.csv;
    cursor = page.cursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { csv, pages };
}

describe('feedback export (dashboard views)', () => {
  const period = { from: '2026-06-01', to: '2026-06-30' };

  it('exports every record of the period once, redacted, without the customer id, formulas disarmed', async () => {
    const { store, count } = await storeWithPii();
    const { csv, pages } = await allFeedbackPages(store, period);
    expect(pages).toBeGreaterThan(1);
    expect(csv.startsWith(`${CSV_BOM}id,submittedAt,score,scale,band,sentiment,themes,`)).toBe(true);
    const ids = csv
      .split('\r\n')
      .slice(1)
      .filter((line) => /^(text|seg)-\d+,|^formula,/.test(line));
    expect(new Set(ids.map((line) => line.split(',')[0])).size).toBe(count);
    expect(leakedForms(csv)).toEqual([]);
    expect(csv).not.toContain('CUST-SECRET');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('keeps to the segment and the theme asked for', async () => {
    const { store } = await storeWithPii();
    const bySegment = await allFeedbackPages(store, { ...period, dimension: 'department', value: 'care' });
    const segmentIds = bySegment.csv
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]);
    expect(segmentIds.length).toBe(PII_CORPUS.length);
    expect(segmentIds.every((id) => id?.startsWith('seg-'))).toBe(true);
    const byTheme = await allFeedbackPages(store, { ...period, theme: 'wait_time' });
    const themeIds = byTheme.csv
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]);
    expect(new Set(themeIds).size).toBe(PII_CORPUS.length);
    expect(themeIds.every((id) => id?.startsWith('text-'))).toBe(true);
    expect(leakedForms(byTheme.csv)).toEqual([]);
  });

  it('exports only a header for a period without feedback', async () => {
    const { store } = await storeWithPii();
    const { csv } = await allFeedbackPages(store, { from: '2020-01-01', to: '2020-01-31' });
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it.each([
    { query: { to: '2026-06-01' }, path: 'from' },
    { query: { ...period, from: '2026-07-01' }, path: 'from' },
    { query: { from: '2020-01-01', to: '2026-06-01' }, path: 'to' },
    { query: { ...period, dimension: 'department' }, path: 'value' },
    { query: { ...period, dimension: 'region', value: 'x' }, path: 'dimension' },
    { query: { ...period, theme: 'Wait Time' }, path: 'theme' },
    { query: { ...period, value: 'x'.repeat(129), dimension: 'team' }, path: 'value' },
    { query: { ...period, extra: '1' }, path: '' },
  ])('refuses $query at "$path"', ({ query, path }) => {
    const parsed = feedbackExportQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('refuses a drill-down cursor it did not hand out', async () => {
    const { store } = await storeWithPii();
    const query = feedbackExportQuerySchema.parse({ ...period, theme: 'wait_time', cursor: 'bm90IGpzb24' });
    await expect(exportFeedbackPage(store, query)).rejects.toThrow(InvalidCursorError);
  });
});
