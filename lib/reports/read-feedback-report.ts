import { builtInTaxonomy, type ThemeTaxonomy } from '../analysis/themes/theme-taxonomy.js';
import type { CounterScope } from '../model/counter-scope.js';
import type { DailyCounts, FeedbackStore } from '../store/feedback-store.js';
import { monthsBetween } from '../store/table-keys.js';
import { type CloseTheLoopMetrics, closeTheLoopMetrics } from './close-the-loop.js';
import {
  buildFeedbackReport,
  type FeedbackReport,
  type NpsReport,
  npsReport,
  type ReportGrouping,
  segmentValues,
} from './feedback-report.js';
import { previousPeriod, type ThemeDriver, themeDrivers } from './theme-drivers.js';

export interface ReportOptions {
  /** First and last day (yyyy-mm-dd), inclusive; everything stored when left out. */
  from?: string;
  to?: string;
  by?: ReportGrouping;
  taxonomy?: ThemeTaxonomy;
  today?: string;
  /** The moment "overdue" is judged at (ISO timestamp). */
  now?: string;
}

/** The report read from the store: NPS, theme drivers with trend, close-the-loop metrics. */
export type StoredFeedbackReport = FeedbackReport & {
  themes: ThemeDriver[];
  closeTheLoop: CloseTheLoopMetrics;
};

const EARLIEST_DAY = '2000-01-01';

/** The period's account-wide daily counters, and per segment value when grouping by a dimension. */
async function readCounters(store: FeedbackStore, options: ReportOptions, today: string) {
  const overall = await store.readDailyCounts(
    { dimension: 'all' },
    options.from ?? EARLIEST_DAY,
    options.to ?? '9999-12-31',
  );
  const from = options.from ?? overall[0]?.day ?? today;
  const lastDay = overall.at(-1)?.day;
  const to = options.to ?? (lastDay && lastDay > today ? lastDay : today);
  const by = options.by;
  let segments: Array<{ key: string; days: DailyCounts[] }> | undefined;
  if (by && by !== 'day' && by !== 'week') {
    segments = await Promise.all(
      segmentValues(overall, by).map(async (value) => ({
        key: value,
        days: await store.readDailyCounts({ dimension: by, value }, from, to),
      })),
    );
  }
  return { from, to, ...(by && { by }), overall, ...(segments && { segments }) };
}

/** NPS only: the account and, with `by`, each segment value, day or week. */
export async function readNpsReport(store: FeedbackStore, options: ReportOptions = {}): Promise<NpsReport> {
  return npsReport(
    await readCounters(store, options, options.today ?? new Date().toISOString().slice(0, 10)),
  );
}

/** Reads the counters, follow-up queue and rejects a report needs: Queries only, no waiting. */
export async function readFeedbackReport(
  store: FeedbackStore,
  options: ReportOptions = {},
): Promise<StoredFeedbackReport> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const counters = await readCounters(store, options, today);
  const { from, to, overall } = counters;
  const before = previousPeriod(from, to);
  // Rejects are filed by the month they arrived, which is never before the feedback they carry.
  const rejectMonths = monthsBetween(from < today ? from : today, to > today ? to : today);
  const [rejected, followUpsOpen, previous, overdue] = await Promise.all([
    store.countRejected(rejectMonths),
    store.countOpenFollowUps(),
    store.readDailyCounts({ dimension: 'all' }, before.from, before.to),
    store.countOverdueFollowUps(options.now ?? new Date().toISOString()),
  ]);
  // Drivers and close-the-loop figures come from the days already read, not a second read.
  return {
    ...buildFeedbackReport({ ...counters, rejected, followUpsOpen }),
    themes: themeDrivers(overall, previous, labelsOf(options.taxonomy)),
    closeTheLoop: closeTheLoopMetrics(overall, overdue),
  };
}

function labelsOf(taxonomy: ThemeTaxonomy = builtInTaxonomy): Map<string, string> {
  return new Map(taxonomy.themes.map((theme) => [theme.id, theme.label]));
}

/** Theme drivers of a period (whole account, or one segment value) with the trend against the period before. */
export async function readThemeDrivers(
  store: FeedbackStore,
  options: { from: string; to: string; scope?: CounterScope; taxonomy?: ThemeTaxonomy },
): Promise<ThemeDriver[]> {
  const scope = options.scope ?? { dimension: 'all' };
  const before = previousPeriod(options.from, options.to);
  const [current, previous] = await Promise.all([
    store.readDailyCounts(scope, options.from, options.to),
    store.readDailyCounts(scope, before.from, before.to),
  ]);
  return themeDrivers(current, previous, labelsOf(options.taxonomy));
}

/** Close-the-loop metrics of a period, with what is overdue at `now`. */
export async function readCloseTheLoop(
  store: FeedbackStore,
  options: { from: string; to: string; now: string },
): Promise<CloseTheLoopMetrics> {
  const [days, overdue] = await Promise.all([
    store.readDailyCounts({ dimension: 'all' }, options.from, options.to),
    store.countOverdueFollowUps(options.now),
  ]);
  return closeTheLoopMetrics(days, overdue);
}
