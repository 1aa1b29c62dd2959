import type { FeedbackStore } from '../store/feedback-store.js';
import { monthsBetween } from '../store/table-keys.js';
import type { ReportGrouping } from './feedback-report.js';
import { segmentValues } from './feedback-report.js';
import { type NpsTrendQuery, npsTrend } from './nps-trend.js';
import { readCloseTheLoop, readNpsReport, readThemeDrivers } from './read-feedback-report.js';
import { previousPeriod } from './theme-drivers.js';

/**
 * The API's report responses, assembled from store reads: the API only validates the query and
 * sends what these return, so the same figures can be read by the CLI or a test without HTTP.
 */

export interface Period {
  from: string;
  to: string;
}

/** Most comments one theme drill-down returns. */
export const DRILL_DOWN_LIMIT = 50;
/** Most rejected messages the dashboard lists. */
const REJECTED_LIST_LIMIT = 200;

const dayOf = (moment: Date) => moment.toISOString().slice(0, 10);

/** A report's period: as asked, else the 30 days up to today. */
export function reportPeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Period {
  const to = query.to ?? dayOf(now);
  const from = query.from ?? dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000));
  return { from, to };
}

/** NPS for the period (everything stored when left out), by day, week or segment. */
export async function assembleNpsReport(
  store: FeedbackStore,
  query: { from?: string | undefined; to?: string | undefined; by?: ReportGrouping | undefined },
  now: Date,
) {
  const report = await readNpsReport(store, { ...query, today: dayOf(now) });
  return { ...report, by: report.by ?? null };
}

/** Theme drivers for the period: account-wide, or per value of a segment dimension. */
export async function assembleThemesReport(
  store: FeedbackStore,
  query: { from?: string | undefined; to?: string | undefined; by?: ReportGrouping | undefined },
  now: Date,
) {
  const period = reportPeriod(query, now);
  if (!query.by || query.by === 'day' || query.by === 'week') {
    return { ...period, themes: await readThemeDrivers(store, period) };
  }
  const dimension = query.by;
  const overall = await store.readDailyCounts({ dimension: 'all' }, period.from, period.to);
  const segments = await Promise.all(
    segmentValues(overall, dimension).map(async (value) => ({
      key: value,
      themes: await readThemeDrivers(store, { ...period, scope: { dimension, value } }),
    })),
  );
  return { ...period, by: dimension, segments };
}

/** Close-the-loop figures for the period, overdue judged at `now`. */
export async function assembleFollowUpReport(
  store: FeedbackStore,
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
) {
  const period = reportPeriod(query, now);
  return { ...period, ...(await readCloseTheLoop(store, { ...period, now: now.toISOString() })) };
}

/** NPS over the period for the account or one segment value, against the period before. */
export async function assembleNpsTrend(store: FeedbackStore, query: NpsTrendQuery) {
  const scope =
    query.dimension && query.value
      ? { dimension: query.dimension, value: query.value }
      : ({ dimension: 'all' } as const);
  const before = previousPeriod(query.from, query.to);
  const [current, previous] = await Promise.all([
    store.readDailyCounts(scope, query.from, query.to),
    store.readDailyCounts(scope, before.from, before.to),
  ]);
  return {
    ...npsTrend(query, current, previous),
    dimension: query.dimension ?? null,
    value: query.value ?? null,
  };
}

/** A theme's latest comments in the period, with the evidence that tagged them (redacted text only). */
export async function assembleThemeComments(store: FeedbackStore, theme: string, period: Period) {
  const mentions = (await store.listThemeMentions(theme, period.from, period.to))
    .sort((a, b) => b.day.localeCompare(a.day))
    .slice(0, DRILL_DOWN_LIMIT);
  const records = await Promise.all(mentions.map((mention) => store.getFeedback(mention.id)));
  const items = mentions.flatMap((mention, index) => {
    const record = records[index];
    // A mention is an index entry: kept only while its record still has the theme on that day.
    const match = record?.day === mention.day && record.analysis.themes.find((t) => t.id === theme);
    if (!record || !match) return [];
    return [
      {
        id: mention.id,
        day: mention.day,
        sentiment: match.sentiment,
        evidence: match.evidence,
        score: record.score ?? null,
        segment: record.segment ?? {},
        redactedText: record.redactedText,
      },
    ];
  });
  return { theme, ...period, items };
}

/** Messages rejected in the period's months, newest first, with reasons: never their bodies. */
export async function assembleRejectedList(store: FeedbackStore, period: Period) {
  const rejected = await store.listRejected({
    limit: REJECTED_LIST_LIMIT,
    months: monthsBetween(period.from, period.to).reverse(),
  });
  return {
    ...period,
    items: rejected.map(({ rejectId, receivedAt, reason, issues }) => ({
      rejectId,
      receivedAt,
      reason,
      issues,
    })),
  };
}
