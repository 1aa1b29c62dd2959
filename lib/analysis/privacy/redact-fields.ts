import type { Segment } from '../../feedback/feedback-message.js';
import { type Redacted, redactPii } from './redact-pii.js';

/** A segment whose values went through the redaction gate: what records, counter keys and alerts hold. */
export type RedactedSegment = { [Dimension in keyof Segment]?: Redacted };

/**
 * The segment with every value redacted. Segment values become counter keys and alert text, so an
 * agent written as an e-mail address or a product field holding a card number must not reach them:
 * `agent: "jane.doe@corp.example"` is counted as `[EMAIL]`.
 */
export function redactSegment(segment: Segment): RedactedSegment {
  const redacted: RedactedSegment = {};
  for (const [dimension, value] of Object.entries(segment) as Array<[keyof Segment, string | undefined]>) {
    if (value !== undefined) redacted[dimension] = redactPii(value);
  }
  return redacted;
}

/** The gate for an optional field: undefined stays undefined. */
export function redactOptional(value: string | undefined): Redacted | undefined {
  return value === undefined ? undefined : redactPii(value);
}
