import { describe, expect, it } from 'vitest';
import { redactPii } from '../../../lib/analysis/privacy/redact-pii.js';
import { buildInboxPage, inboxQuerySchema } from '../../../lib/followup/inbox.js';
import { teammatesOf } from '../../../lib/followup/team-roster.js';
import type { FeedbackRecord } from '../../../lib/store/feedback-store.js';

const now = '2026-06-05T00:00:00.000Z';

function record(id: string, overrides: Partial<FeedbackRecord> & { owner?: string; status?: string } = {}) {
  const { owner, status, ...rest } = overrides;
  return {
    id,
    receivedAt: '2026-06-01T08:00:00.000Z',
    submittedAt: '2026-06-01T07:00:00.000Z',
    day: '2026-06-01',
    score: 2,
    channel: 'email',
    segment: { department: 'Care', team: 'North' },
    redactedText: 'On hold for an hour\nsecond line',
    analysis: {
      nps: { category: 'detractor', score: 2 },
      themes: [{ id: 'wait_time', label: 'Wait', group: 'g', sentiment: 'negative', evidence: ['on hold'] }],
    },
    followUp: {
      status: status ?? 'open',
      priority: 80,
      reasons: ['detractor'],
      version: 0,
      dueAt: '2026-06-10T08:00:00.000Z',
      history: [],
      ...(owner && { owner }),
    },
    ...rest,
  } as unknown as FeedbackRecord;
}

const records = [
  record('a', { followUp: { ...record('x').followUp, priority: 90 } }),
  record('b', { owner: 'ana', status: 'claimed', submittedAt: '2026-05-01T00:00:00.000Z' }),
  record('c', { status: 'resolved', owner: 'ben' }),
  record('e', { owner: 'carla', status: 'contacted' }),
  record('d', {
    segment: { department: redactPii('Billing') },
    channel: redactPii('phone'),
    redactedText: redactPii('Charged twice, ÜBEL'),
    followUp: { ...record('x').followUp, dueAt: '2026-06-02T00:00:00.000Z' },
  }),
];

const roster = { north: ['ana', 'carla'], south: ['ben'] };
const page = (query: Record<string, unknown>, actor = 'ana') =>
  buildInboxPage(
    records,
    inboxQuerySchema.parse(query),
    { actor, teammates: teammatesOf(roster, actor) },
    now,
  );
const ids = (query: Record<string, unknown>, actor?: string) => page(query, actor).items.map((row) => row.id);

describe('inbox views, filters and paging', () => {
  it.each([
    { query: {}, expected: ['a', 'b', 'd', 'e'] },
    { query: { view: 'mine' }, expected: ['b'] },
    { query: { view: 'team' }, expected: ['b', 'e'] },
    { query: { view: 'unassigned' }, expected: ['a', 'd'] },
    { query: { view: 'overdue' }, expected: ['d'] },
    { query: { view: 'resolved' }, expected: ['c'] },
    { query: { sort: 'age' }, expected: ['b', 'a', 'd', 'e'] },
    { query: { department: 'care' }, expected: ['a', 'b', 'e'] },
    { query: { channel: 'PHONE' }, expected: ['d'] },
    { query: { theme: 'wait_time', team: 'North' }, expected: ['a', 'b', 'e'] },
    { query: { band: 'promoter' }, expected: [] },
    { query: { q: 'charged übel' }, expected: ['d'] },
    { query: { q: 'hour second' }, expected: ['a', 'b', 'e'] },
    { query: { owner: 'CARLA' }, expected: ['e'] },
    { query: { owner: 'none' }, expected: ['a', 'd'] },
    { query: { overdue: 'true' }, expected: ['d'] },
    { query: { overdue: 'false', view: 'team' }, expected: ['b', 'e'] },
  ])('$query -> $expected', ({ query, expected }) => {
    expect(ids(query)).toEqual(expected);
  });

  it('counts every view with the same filters, and lists the filter choices', () => {
    const result = page({ department: 'Care' });
    expect(result.counts).toEqual({ mine: 1, team: 2, unassigned: 1, overdue: 0, open: 3, resolved: 1 });
    expect(result.facets.department).toEqual(['Billing', 'Care']);
    expect(result.facets.band).toEqual(['detractor']);
  });

  it('shows "my team" as the owners sharing a team with the viewer; alone without a team', () => {
    expect(page({ view: 'team' }, 'ben').items.map((row) => row.id)).toEqual([]);
    expect(page({ view: 'team' }, 'dev').items.map((row) => row.id)).toEqual([]);
    expect(teammatesOf(roster, 'carla')).toEqual(['carla', 'ana']);
    expect(teammatesOf({}, 'dev')).toEqual(['dev']);
  });

  it('refuses bad owner and overdue filters', () => {
    for (const query of [{ overdue: 'yes' }, { owner: '' }, { owner: 'x'.repeat(129) }, { view: 'teams' }]) {
      expect(inboxQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });

  it('pages by position and keeps the total', () => {
    expect(page({ pageSize: 3, page: 2 })).toMatchObject({ total: 4, page: 2, items: [{ id: 'e' }] });
    expect(page({ pageSize: 3, page: 9 }).items).toEqual([]);
  });

  it('is mine only for the acting person', () => {
    expect(ids({ view: 'mine' }, 'ben')).toEqual([]);
  });

  it.each([
    { query: { view: 'everything' }, path: 'view' },
    { query: { page: '0' }, path: 'page' },
    { query: { pageSize: '101' }, path: 'pageSize' },
    { query: { department: '' }, path: 'department' },
    { query: { q: 'x'.repeat(201) }, path: 'q' },
    { query: { sort: 'random' }, path: 'sort' },
    { query: { assignee: 'ana' }, path: '' },
  ])('refuses $query', ({ query, path }) => {
    const parsed = inboxQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });
});
