/**
 * Test fixtures carry fixed past dates (so counters can be read by day): a follow-up window this wide
 * gives them follow-ups and alerts as if they had just been written. Tests of the window itself use
 * the default.
 */
export const FOLLOW_UP_ANY_AGE = { followUpMaxAgeDays: 36_500 } as const;
