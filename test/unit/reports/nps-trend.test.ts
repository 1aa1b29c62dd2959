import { describe, expect, it } from 'vitest';
import { npsTrend, npsTrendQuerySchema } from '../../../lib/reports/nps-trend.js';
import { dailyCounts } from '../../support/daily-counts.js';

describe('NPS over time', () => {
  const days = [
    dailyCounts('2026-06-01', { responses: 2, promoters: 2 }),
    dailyCounts('2026-06-02', { responses: 2, detractors: 2 }),
    dailyCounts('2026-06-09', { responses: 1, passives: 1 }),
    dailyCounts('2026-07-01', { responses: 1, promoters: 1 }),
  ];

  it.each([
    { period: 'day', keys: ['2026-06-01', '2026-06-02', '2026-06-09', '2026-07-01'] },
    { period: 'week', keys: ['2026-W23', '2026-W24', '2026-W27'] },
    { period: 'month', keys: ['2026-06', '2026-07'] },
  ] as const)('buckets per $period', ({ period, keys }) => {
    const trend = npsTrend({ from: '2026-06-01', to: '2026-07-01', period }, days, []);
    expect(trend.points.map((p) => p.key)).toEqual(keys);
  });

  it('sums the period and compares with the one before', () => {
    const trend = npsTrend({ from: '2026-06-01', to: '2026-06-10', period: 'week' }, days.slice(0, 3), [
      dailyCounts('2026-05-25', { responses: 1, promoters: 1 }),
    ]);
    expect(trend.points[0]).toMatchObject({ key: '2026-W23', responses: 4, nps: 0 });
    expect(trend.current).toMatchObject({ responses: 5, promoters: 2, passives: 1, detractors: 2, nps: 0 });
    expect(trend.previous).toMatchObject({ from: '2026-05-22', to: '2026-05-31', responses: 1, nps: 100 });
  });

  it.each([
    { query: { from: '2026-06-02', to: '2026-06-01' }, path: 'from' },
    { query: { from: '2026-6-1', to: '2026-06-01' }, path: 'from' },
    { query: { from: '2026-06-01', to: '2026-06-02', period: 'year' }, path: 'period' },
    { query: { from: '2026-06-01', to: '2026-06-02', dimension: 'team' }, path: 'value' },
    { query: { from: '2026-06-01', to: '2026-06-02', dimension: 'colour', value: 'x' }, path: 'dimension' },
    { query: { to: '2026-06-02' }, path: 'from' },
  ])('refuses $query', ({ query, path }) => {
    const parsed = npsTrendQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });
});
