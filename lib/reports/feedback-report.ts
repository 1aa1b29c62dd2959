import type { Redacted } from '../analysis/privacy/redact-pii.js';
import type { DailyCounts } from '../model/daily-counts.js';
import type { SegmentDimension } from '../model/segment-dimensions.js';
import { type CesFigures, type CsatFigures, cesFromCounts, csatFromCounts } from './csat-ces.js';
import { type NpsCounts, npsFromCounts } from './nps.js';

export type ReportGrouping = SegmentDimension | 'day' | 'week';

/** ISO 8601 week of a day (yyyy-mm-dd), as `2026-W47`: weeks start on Monday. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  // The Thursday of a week decides which year the week belongs to.
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const year = date.getUTCFullYear();
  const january4 = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      ((date.getTime() - january4.getTime()) / 86_400_000 - 3 + ((january4.getUTCDay() + 6) % 7)) / 7,
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface NpsFigures extends NpsCounts {
  /** Comments stored, with or without an NPS score. */
  feedback: number;
  /** NPS responses. */
  responses: number;
  /** -100..100 to two decimals; null without responses. */
  nps: number | null;
  /** The CSAT and CES responses of the same period and segment, beside NPS. */
  csat: CsatFigures;
  ces: CesFigures;
}

/** NPS per period and segment, rejects and open follow-ups: the counters part of a report. */
export interface FeedbackReport {
  from: string;
  to: string;
  by?: ReportGrouping;
  overall: NpsFigures;
  segments: Array<NpsFigures & { key: string }>;
  rejected: number;
  followUpsOpen: number;
}

export interface FeedbackReportInput {
  from: string;
  to: string;
  by?: ReportGrouping;
  /** Account-wide daily counts over the period. */
  overall: DailyCounts[];
  /** Daily counts per segment value, when grouping by a segment dimension. */
  segments?: Array<{ key: string; days: DailyCounts[] }>;
  rejected: number;
  followUpsOpen: number;
}

type SummedField =
  | 'feedback'
  | 'responses'
  | 'promoters'
  | 'passives'
  | 'detractors'
  | 'csatResponses'
  | 'csatSatisfied'
  | 'csatScoreSum'
  | 'cesResponses'
  | 'cesHighEffort'
  | 'cesScoreSum';

/** NPS, CSAT and CES figures of a run of daily counters. */
export function npsFiguresOf(days: readonly DailyCounts[]): NpsFigures {
  const sum = (field: SummedField) => days.reduce((total, day) => total + (day[field] ?? 0), 0);
  const counts = { promoters: sum('promoters'), passives: sum('passives'), detractors: sum('detractors') };
  return {
    feedback: sum('feedback'),
    responses: sum('responses'),
    ...counts,
    nps: npsFromCounts(counts),
    csat: csatFromCounts(sum('csatResponses'), sum('csatSatisfied'), sum('csatScoreSum')),
    ces: cesFromCounts(sum('cesResponses'), sum('cesHighEffort'), sum('cesScoreSum')),
  };
}

function groupDays(days: readonly DailyCounts[], keyOf: (day: string) => string): Map<string, DailyCounts[]> {
  const groups = new Map<string, DailyCounts[]>();
  for (const day of days) {
    const key = keyOf(day.day);
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return groups;
}

/** The segment values (departments, agents...) seen on these account-wide days, sorted. */
export function segmentValues(days: readonly DailyCounts[], dimension: SegmentDimension): Redacted[] {
  return [...new Set(days.flatMap((day) => day.segments[dimension] ?? []))].sort();
}

export type NpsReport = Pick<FeedbackReport, 'from' | 'to' | 'by' | 'overall' | 'segments'>;

/** NPS for the whole period and per segment value, day or ISO week. Pure. */
export function npsReport(
  input: Pick<FeedbackReportInput, 'from' | 'to' | 'by' | 'overall' | 'segments'>,
): NpsReport {
  const segments =
    input.by === 'day' || input.by === 'week'
      ? [...groupDays(input.overall, input.by === 'week' ? isoWeek : (day) => day)].map(([key, days]) => ({
          key,
          ...npsFiguresOf(days),
        }))
      : (input.segments ?? [])
          .map(({ key, days }) => ({ key, ...npsFiguresOf(days) }))
          .sort((a, b) => b.feedback - a.feedback || a.key.localeCompare(b.key));
  return {
    from: input.from,
    to: input.to,
    ...(input.by && { by: input.by }),
    overall: npsFiguresOf(input.overall),
    segments,
  };
}

/** Sums stored daily counters into NPS per period and segment. Pure. */
export function buildFeedbackReport(input: FeedbackReportInput): FeedbackReport {
  return { ...npsReport(input), rejected: input.rejected, followUpsOpen: input.followUpsOpen };
}
