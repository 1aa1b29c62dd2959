/** Days after submission a comment still gets a follow-up and an alert, unless configured otherwise. */
export const DEFAULT_FOLLOW_UP_MAX_AGE_DAYS = 14;

export type FollowUpWindow = { tooOld: true } | { tooOld: false; dueAt: string };

/**
 * Whether a comment that needs a follow-up gets one, decided when it is stored (the analysis stays
 * free of clocks). A backfill of old comments must not flood the team: nobody can call back about a
 * comment from seven weeks ago, so a comment older than `maxAgeDays` at receipt gets none (it still
 * counts in NPS and themes). Otherwise the SLA clock starts when the customer wrote, not when the
 * message arrived: a two-day-old comment is already two days into its SLA. A submission time after
 * the receipt (a producer's clock ahead) starts it at receipt.
 */
export function followUpWindow(
  submittedAt: string,
  receivedAt: string,
  options: { maxAgeDays: number; slaHours: number },
): FollowUpWindow {
  const submitted = Date.parse(submittedAt);
  const received = Date.parse(receivedAt);
  if (received - submitted > options.maxAgeDays * 86_400_000) return { tooOld: true };
  const start = Math.min(submitted, received);
  return { tooOld: false, dueAt: new Date(start + options.slaHours * 3_600_000).toISOString() };
}
