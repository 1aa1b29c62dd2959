/** UTC calendar day (yyyy-mm-dd) of an ISO timestamp or date: the day a comment counts on. */
export function dayOf(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}
