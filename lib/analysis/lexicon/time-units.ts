/**
 * Units of time as customers write them ("45 mins", "2hrs", "three wks"): the pattern that finds one
 * after a number, and each unit's length in minutes, so a wait told in any unit is read in minutes.
 */

/** A unit of time, as a regular-expression source (no anchors: the patterns using it add them). */
export const TIME_UNIT = 'min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|w(?:ee)?ks?|months?|mths?|y(?:ea)?rs?';

export const MINUTES_IN_A_DAY = 24 * 60;
export const MINUTES_IN_A_YEAR = 365 * MINUTES_IN_A_DAY;

/** Minutes in each unit `TIME_UNIT` finds. */
export const UNIT_MINUTES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:min|mins|minute|minutes)$/, 1],
  [/^(?:h|hr|hrs|hour|hours)$/, 60],
  [/^(?:day|days)$/, MINUTES_IN_A_DAY],
  [/^(?:wk|wks|week|weeks)$/, 7 * 24 * 60],
  [/^(?:mth|mths|month|months)$/, 30 * 24 * 60],
  [/^(?:yr|yrs|year|years)$/, MINUTES_IN_A_YEAR],
];
