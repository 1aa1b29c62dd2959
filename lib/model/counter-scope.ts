import { type Redacted, redactPii } from '../analysis/privacy/redact-pii.js';
import type { SegmentDimension } from './segment-dimensions.js';

/** A counter scope: the whole account, or one value of one segment dimension. */
export type CounterScope = { dimension: 'all' } | { dimension: SegmentDimension; value: Redacted };

/** A scope as a reader names it (a report's `department=...`): redacted into a key by `counterScopeOf`. */
export type CounterQuery = { dimension: 'all' } | { dimension: SegmentDimension; value: string };

/** The stored scope a query reads: values pass the same gate as on the way in, so they meet. */
export function counterScopeOf(query: CounterQuery): CounterScope {
  return query.dimension === 'all' ? query : { dimension: query.dimension, value: redactPii(query.value) };
}

/** Numbers added to one day's counter item for one scope. */
export interface CounterChange {
  scope: CounterScope;
  day: string;
  increments: Record<string, number>;
}
