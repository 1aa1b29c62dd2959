import type { Redacted } from '../analysis/privacy/redact-pii.js';
import type { SegmentDimension } from './segment-dimensions.js';

/** One day's counts for one scope: the sums behind NPS and theme trends. */
export interface DailyCounts {
  day: string;
  feedback: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  negative: number;
  followUps: number;
  /** CSAT (1-5) responses, how many were satisfied (4-5), and the sum of their scores (for the mean). */
  csatResponses: number;
  csatSatisfied: number;
  csatScoreSum: number;
  /** CES (1-7) responses, how many were high effort (1-3), and the sum of their scores. */
  cesResponses: number;
  cesHighEffort: number;
  cesScoreSum: number;
  /** Comments that needed a follow-up but were too old for one when they arrived (a backfill). */
  followUpsTooOld: number;
  /** Mentions per theme id: all, with negative sentiment, and in NPS detractors' comments. */
  themes: Record<string, { mentions: number; negative: number; detractors: number }>;
  /** Close-the-loop counts of that day: first contacts, within SLA, resolutions. */
  followUpsContacted: number;
  contactedWithinSla: number;
  followUpsResolved: number;
  /** First contacts per hours-after-receipt bucket (`1`, `4`, ..., `168`, `over168`). */
  contactHours: Record<string, number>;
  /** Resolutions per root cause (theme id, or `other` for free text). */
  rootCauses: Record<string, number>;
  /** Per theme: resolved follow-ups whose comment the analysis tagged with it, and how many of those the team gave it as root cause. */
  rootCauseAgreement: Record<string, { predicted: number; agreed: number }>;
  /** Account-wide rows only: the segment values seen that day, per dimension. */
  segments: Partial<Record<SegmentDimension, Redacted[]>>;
}
