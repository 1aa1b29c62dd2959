import * as z from 'zod';
import type { DailyCounts } from '../model/daily-counts.js';
import { SEGMENT_DIMENSIONS } from '../model/segment-dimensions.js';
import { isoWeek, type NpsFigures, npsFiguresOf } from './feedback-report.js';
import { previousPeriod } from './theme-drivers.js';

const day = z.iso.date({ error: 'must be a date as yyyy-mm-dd' });

/** NPS over time for the dashboard: a period, its bucket size and an optional segment. */
export const npsTrendQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    period: z.enum(['day', 'week', 'month']).default('week'),
    dimension: z.enum(SEGMENT_DIMENSIONS).optional(),
    value: z.string().trim().min(1).max(128).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after the "to" date', path: ['from'] })
  .refine((q) => !q.dimension === !q.value, {
    message: 'give dimension and value together',
    path: ['value'],
  });

export type NpsTrendQuery = z.infer<typeof npsTrendQuerySchema>;

export interface NpsTrend {
  from: string;
  to: string;
  period: NpsTrendQuery['period'];
  points: Array<NpsFigures & { key: string }>;
  current: NpsFigures;
  /** The same number of days just before `from`. */
  previous: NpsFigures & { from: string; to: string };
}

const bucketOf: Record<NpsTrendQuery['period'], (day: string) => string> = {
  day: (d) => d,
  week: isoWeek,
  month: (d) => d.slice(0, 7),
};

/** Buckets the period's daily counters and compares the whole with the period before. Pure. */
export function npsTrend(
  query: Pick<NpsTrendQuery, 'from' | 'to' | 'period'>,
  current: readonly DailyCounts[],
  previous: readonly DailyCounts[],
): NpsTrend {
  const buckets = new Map<string, DailyCounts[]>();
  for (const d of current) {
    const key = bucketOf[query.period](d.day);
    buckets.set(key, [...(buckets.get(key) ?? []), d]);
  }
  return {
    from: query.from,
    to: query.to,
    period: query.period,
    points: [...buckets]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, days]) => ({ key, ...npsFiguresOf(days) })),
    current: npsFiguresOf(current),
    previous: { ...previousPeriod(query.from, query.to), ...npsFiguresOf(previous) },
  };
}
