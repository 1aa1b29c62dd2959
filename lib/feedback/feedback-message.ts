import * as z from 'zod';
import { findPii, type Redacted, redactPii } from '../analysis/privacy/redact-pii.js';

/**
 * Longest comment accepted: as long as an SQS message can carry (256 KiB, which also bounds the bytes
 * of non-ASCII text), so a customer's long complaint is never turned away. Longer text is rejected
 * rather than silently truncated. Storage keeps a capped, redacted copy (see lib/store/stored-text.ts).
 */
export const MAX_TEXT_LENGTH = 250_000;

/** Serialised size cap for free-form metadata, so one message cannot bloat every stored item. */
export const MAX_METADATA_BYTES = 4_096;

/**
 * Ids become part of storage keys, so they are limited to characters that cannot collide with key
 * separators (`#`) or whitespace.
 */
export const feedbackIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:@+\-/]{0,127}$/,
    'id must be 1-128 characters: letters, digits and ._:@+-/',
  )
  // Ids go into keys, logs and alerts as they are, so one that is an e-mail address or a phone
  // number is refused rather than redacted (a redacted id would no longer identify the feedback).
  .refine((id) => findPii(id).length === 0, 'id must not be or hold an e-mail address, phone or card number');

/**
 * Text as it is stored and sent on: a lone UTF-16 surrogate (half an emoji, cut by some producer)
 * becomes U+FFFD. Left in, it cannot be URI-encoded or written as UTF-8, so every later step that
 * sends it on (an SNS alert, a report) would fail on it for ever.
 */
const wellFormed = (value: string) => value.toWellFormed();

const shortText = z.string().trim().min(1).max(128).transform(wellFormed);

export const ratingScaleSchema = z.enum(['nps', 'csat', 'ces']);
export type RatingScale = z.infer<typeof ratingScaleSchema>;

/** Inclusive score range of each survey scale (CES is the 7-point "made it easy" agreement scale). */
export const ratingScaleRange: Record<RatingScale, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export const segmentSchema = z.strictObject({
  department: shortText.optional(),
  team: shortText.optional(),
  agent: shortText.optional(),
  product: shortText.optional(),
  region: shortText.optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

/**
 * One piece of customer feedback as survey pipelines and contact-centre tools send it.
 * Unknown top-level keys are rejected so that a misspelt field (`scroe`) is an error, not lost data;
 * anything free-form belongs in `metadata`.
 */
export const feedbackMessageSchema = z
  .strictObject({
    id: feedbackIdSchema,
    text: z
      .string()
      .max(MAX_TEXT_LENGTH, `text must be at most ${MAX_TEXT_LENGTH} characters`)
      .transform(wellFormed),
    score: z
      .number({ error: 'score must be a number' })
      .int({
        error: (issue) =>
          `score must be a whole number (got ${String(issue.input)}): nps 0-10, csat 1-5, ces 1-7`,
      })
      .optional(),
    scale: ratingScaleSchema.optional(),
    channel: shortText.optional(),
    segment: segmentSchema.optional(),
    customerId: shortText.optional(),
    submittedAt: z
      .union([z.iso.datetime({ offset: true }), z.iso.date()], {
        error:
          'submittedAt must be an ISO 8601 date-time with offset (2026-11-20T10:15:00Z) or a date (2026-11-20)',
      })
      .optional(),
    // The version of the response: a later `updatedAt` for a stored id replaces what is stored.
    updatedAt: z.iso
      .datetime({
        offset: true,
        error: 'updatedAt must be an ISO 8601 date-time with offset (2026-11-20T10:15:00Z)',
      })
      .optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, 'locale must be a BCP 47 tag such as en-GB')
      .optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((message, ctx) => {
    if (message.score !== undefined) {
      const scale = message.scale ?? 'nps';
      const { min, max } = ratingScaleRange[scale];
      if (message.score < min || message.score > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['score'],
          message: `score must be between ${min} and ${max} on the ${scale} scale (got ${message.score})`,
        });
      }
    } else if (message.scale !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'scale given without a score' });
    }
    // A score-only survey response still counts towards NPS; a message with neither says nothing.
    if (message.text.trim() === '' && message.score === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'text must not be empty when there is no score',
      });
    }
    for (const field of ['submittedAt', 'updatedAt'] as const) {
      const problem = implausibleTime(message[field]);
      if (problem)
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} ${message[field]} ${problem}` });
    }
    if (message.metadata !== undefined && metadataBytes(message.metadata) > MAX_METADATA_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['metadata'],
        message: `metadata must serialise to at most ${MAX_METADATA_BYTES} bytes`,
      });
    }
  });

export type FeedbackMessage = z.infer<typeof feedbackMessageSchema>;

/** How far ahead of this clock a time may be: time zones and clock skew, never a mistyped year. */
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;
// The first day `closeloop report` reads by default: an earlier comment would be stored and never shown.
const EARLIEST_TIME_MS = Date.UTC(2000, 0, 1);

/**
 * Why a submission or update time cannot be a customer's, or undefined. Export placeholders
 * (`9999-12-31`, `0001-01-01`) and mistyped years would otherwise be stored as they are: a far-future
 * `submittedAt` stretches every default report period to that year, and a far-future `updatedAt`
 * makes every later correction of the response look older and be dropped.
 */
function implausibleTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (time > Date.now() + FUTURE_TOLERANCE_MS)
    return 'is in the future (more than a day ahead): check the year';
  if (time < EARLIEST_TIME_MS) return 'is before 2000: a placeholder for no date?';
  return undefined;
}

function metadataBytes(metadata: Record<string, unknown>): number {
  try {
    return Buffer.byteLength(JSON.stringify(metadata), 'utf8');
  } catch {
    // Cyclic or absurdly deep structures cannot be stored either.
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * A message that failed validation, with every problem in words an operator can act on. The issues are
 * redacted: zod quotes a key it does not know, and a producer's key can be an e-mail address.
 */
export class InvalidFeedbackError extends Error {
  constructor(readonly issues: Redacted[]) {
    super(`invalid feedback message: ${issues.join('; ')}`);
    this.name = 'InvalidFeedbackError';
  }
}

/** Validates an already-parsed value; throws {@link InvalidFeedbackError} listing every issue. */
export function parseFeedbackMessage(value: unknown): FeedbackMessage {
  const result = feedbackMessageSchema.safeParse(value);
  if (!result.success) {
    throw new InvalidFeedbackError(
      result.error.issues.map((issue) =>
        redactPii(issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message),
      ),
    );
  }
  return result.data;
}
