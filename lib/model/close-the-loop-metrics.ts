/** Close-the-loop figures of a period, as the reports, the CLI and the dashboard show them. */
export interface CloseTheLoopMetrics {
  /** Follow-ups opened by comments submitted in the period. */
  opened: number;
  /** Comments of the period that needed a follow-up but arrived too old for one (a backfill). */
  tooOldToFollowUp: number;
  /** First contacts made in the period, and how many within the SLA. */
  contacted: number;
  contactedWithinSla: number;
  withinSlaRate: number | null;
  resolved: number;
  /** The time-to-first-contact bucket holding the median contact (`<= 24 h`, `> 168 h`), or null. */
  medianTimeToContact: string | null;
  /** Open or claimed follow-ups past their first-contact deadline right now. */
  overdueNow: number;
  rootCauses: Record<string, number>;
  /**
   * Per predicted theme: of the resolved follow-ups the analysis tagged with it (`predicted`), how many
   * the team resolved with it as root cause (`agreed`), and the share (`rate`): how often a predicted
   * theme was the real cause.
   */
  rootCauseAgreement: Array<{ theme: string; predicted: number; agreed: number; rate: number }>;
  /**
   * Per root cause (a theme of the taxonomy): of the follow-ups resolved with it (`resolved`), how many
   * had it among the predicted themes (`predicted`), and the share (`rate`): how often the analysis saw
   * the real cause coming. A low rate on a frequent root cause is a theme the taxonomy misses.
   */
  rootCausePrediction: Array<{ rootCause: string; resolved: number; predicted: number; rate: number }>;
}
