import { builtInTaxonomy, type ThemeTaxonomy } from '../analysis/theme-taxonomy.js';
import type { DailyCounts, FeedbackStore } from '../store/feedback-store.js';
import { monthsBetween } from '../store/table-keys.js';
import { buildFeedbackReport, type FeedbackReport, type ReportGrouping } from './feedback-report.js';

export interface ReportOptions {
  /** First and last day (yyyy-mm-dd), inclusive; everything stored when left out. */
  from?: string;
  to?: string;
  by?: ReportGrouping;
  taxonomy?: ThemeTaxonomy;
  today?: string;
}

const EARLIEST_DAY = '2000-01-01';

/** Reads the counters, follow-up queue and rejects a report needs: Queries only, no waiting. */
export async function readFeedbackReport(
  store: FeedbackStore,
  options: ReportOptions = {},
): Promise<FeedbackReport> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
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
    const values = new Set(overall.flatMap((day) => day.segments[by] ?? []));
    segments = await Promise.all(
      [...values].map(async (value) => ({
        key: value,
        days: await store.readDailyCounts({ dimension: by, value }, from, to),
      })),
    );
  }
  // Rejects are filed by the month they arrived, which is never before the feedback they carry.
  const rejectMonths = monthsBetween(from < today ? from : today, to > today ? to : today);
  const [rejected, followUpsOpen] = await Promise.all([
    store.countRejected(rejectMonths),
    store.countOpenFollowUps(),
  ]);
  const taxonomy = options.taxonomy ?? builtInTaxonomy;
  return buildFeedbackReport({
    from,
    to,
    ...(by && { by }),
    overall,
    ...(segments && { segments }),
    themeLabels: new Map(taxonomy.themes.map((theme) => [theme.id, theme.label])),
    rejected,
    followUpsOpen,
  });
}
