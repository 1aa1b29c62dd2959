import type { DailyCounts } from '../model/daily-counts.js';
import type { SegmentDimension } from '../model/segment-dimensions.js';

/**
 * The attribute names of a daily counter item (docs/table-design.md, "Daily counters"), in one place
 * for the writers (ingest, follow-up transitions) and the reader.
 */

/** A count kept under its own name: each number of {@link DailyCounts} except the per-id maps. */
export type PlainCounter = {
  [K in keyof DailyCounts]: DailyCounts[K] extends number ? K : never;
}[keyof DailyCounts];

export const PLAIN_COUNTERS = [
  'feedback',
  'responses',
  'promoters',
  'passives',
  'detractors',
  'negative',
  'followUps',
  'csatResponses',
  'csatSatisfied',
  'csatScoreSum',
  'cesResponses',
  'cesHighEffort',
  'cesScoreSum',
  'followUpsTooOld',
  'followUpsContacted',
  'contactedWithinSla',
  'followUpsResolved',
] as const satisfies readonly PlainCounter[];

// Fails to compile when DailyCounts gains a count that is missing above.
type MissingCounter = Exclude<PlainCounter, (typeof PLAIN_COUNTERS)[number]>;
const everyCounterListed: [MissingCounter] extends [never] ? true : MissingCounter = true;
void everyCounterListed;

/** The attribute of a plain count: the name itself, checked against {@link DailyCounts} by the compiler. */
export function counter(name: PlainCounter): string {
  return name;
}

/**
 * Counts kept per id (theme, hours bucket, root cause, segment dimension) as `<prefix><id>`: DynamoDB
 * adds to a top-level attribute in a transaction without first creating a map.
 */
export const COUNTER_PREFIXES = {
  themeMentions: 'theme_',
  themeNegative: 'themeneg_',
  themeDetractors: 'themedet_',
  contactHours: 'contactHours_',
  rootCause: 'rootcause_',
  rootCausePredicted: 'rcpred_',
  rootCauseAgreed: 'rcagree_',
  /** A string set on the account-wide item: the segment values seen that day. */
  segmentValues: 'segments_',
} as const;

export type CounterKind = keyof typeof COUNTER_PREFIXES;

/** The attribute counting `kind` for one id (theme id, hours bucket, root cause, segment dimension). */
export function counterAttribute(kind: CounterKind, id: string): string {
  return `${COUNTER_PREFIXES[kind]}${id}`;
}

export function segmentValuesAttribute(dimension: SegmentDimension): string {
  return counterAttribute('segmentValues', dimension);
}
