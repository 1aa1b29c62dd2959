import { type Redacted, redactPii, truncateRedacted } from '../analysis/privacy/redact-pii.js';
import type { FeedbackMessage, RatingScale, Segment } from '../feedback/feedback-message.js';
import type { WebhookSource } from './webhook-source.js';

/** What a source mapping found in a payload, before it becomes our message. */
export interface MappedResponse {
  /** The tool's own id of the response; ours is `<source>:<this>`. */
  responseId: string;
  text?: string | undefined;
  score?: number | undefined;
  scale?: RatingScale | undefined;
  segment?: Segment | undefined;
  customerId?: string | undefined;
  submittedAt?: string | undefined;
  /** When the tool last changed the response: the message's version (`updatedAt`), newer replaces older. */
  updatedAt?: string | undefined;
  /** Ids of the survey/form/ticket: never personal data. */
  context?: Record<string, string> | undefined;
}

/**
 * A mapping either found feedback, or (`generic`) was given our message already, or says why this event
 * carries none (a test ping, an unsubscribe).
 */
export type MappingResult =
  | { feedback: MappedResponse }
  | { message: Record<string, unknown> }
  | { ignored: string };

/** Our message from a mapped response: id prefixed by the source, so two tools never collide. */
export function toFeedbackMessage(source: WebhookSource, mapped: MappedResponse): Record<string, unknown> {
  const message: Record<string, unknown> = {
    id: `${source}:${mapped.responseId}`,
    text: mapped.text ?? '',
    channel: source,
    metadata: { source, ...mapped.context },
  };
  if (mapped.score !== undefined) {
    message.score = mapped.score;
    if (mapped.scale) message.scale = mapped.scale;
  }
  if (mapped.segment) message.segment = mapped.segment;
  if (mapped.customerId) message.customerId = mapped.customerId;
  if (mapped.submittedAt) message.submittedAt = mapped.submittedAt;
  if (mapped.updatedAt) message.updatedAt = mapped.updatedAt;
  return message satisfies Partial<Record<keyof FeedbackMessage, unknown>>;
}

/** Seconds since the epoch (as Delighted sends times) to ISO 8601. */
export function isoFromUnixSeconds(seconds: number | null | undefined): string | undefined {
  return typeof seconds === 'number' && Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString()
    : undefined;
}

/** A vendor time string as ISO 8601 with an offset, or undefined when it is not a time. */
export function isoFromText(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * A vendor's value quoted in a reason we log and answer with (an event type we ignore, a source we do
 * not know): redacted, then cut to `max` characters, since a cut first could leave a fragment of an
 * identifier the gate no longer recognises.
 */
export function quotedVendorValue(value: string, max: number): Redacted {
  return truncateRedacted(redactPii(value), max);
}
