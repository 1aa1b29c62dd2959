import * as z from 'zod';
import { ratingScaleSchema, type Segment, segmentSchema } from '../feedback/feedback-message.js';
import { WebhookPayloadError } from './webhook-errors.js';

export const SEGMENT_DIMENSIONS = Object.keys(segmentSchema.shape) as Array<keyof Segment>;
const segmentDimensionSchema = z.enum(SEGMENT_DIMENSIONS as [keyof Segment, ...Array<keyof Segment>]);

const fieldName = z.string().trim().min(1).max(200);

/**
 * How one source's payload becomes our message, where the defaults do not fit a survey: every field
 * names a question or a custom field in that tool's terms (a Typeform field ref or id, a SurveyMonkey
 * question id, a Qualtrics `QID..` value key, a Formbricks question or hidden field id, a Delighted
 * person property, a key of the Zendesk trigger body's `fields`).
 */
export const webhookMappingSchema = z.strictObject({
  /** The question holding the score. */
  scoreField: fieldName.optional(),
  /** The scale of that score (default: NPS 0-10, or the scale the tool reports). */
  scale: ratingScaleSchema.optional(),
  /** The answer holding the comment. */
  commentField: fieldName.optional(),
  /** Segment dimension -> the hidden field or custom property that holds it. */
  segmentFields: z.partialRecord(segmentDimensionSchema, fieldName).optional(),
  /** The hidden field or custom property that holds our customer id. */
  customerIdField: fieldName.optional(),
});
export type WebhookMapping = z.infer<typeof webhookMappingSchema>;

/** Names that count as the customer id when no `customerIdField` is configured. */
export const DEFAULT_CUSTOMER_ID_FIELDS = ['customer_id', 'customerId', 'customerid', 'customer-id'];

/** A value read from a vendor field as text, or undefined when it is empty or not a scalar. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Of a response's free-text answers, the one taken as the comment when no `commentField` is set: the
 * longest (the first of equals). A survey's other text questions (name, company, e-mail, order number)
 * get short answers, and a name is personal data that redaction cannot tell from any other two words,
 * so taking the first would store it as the comment, unredacted, whenever the survey asks it first.
 */
export function longestAnswer<Answer>(
  answers: readonly Answer[],
  textOfAnswer: (answer: Answer) => string | undefined,
): Answer | undefined {
  let longest: Answer | undefined;
  let longestLength = 0;
  for (const answer of answers) {
    const length = textOfAnswer(answer)?.length ?? 0;
    if (length > longestLength) {
      longest = answer;
      longestLength = length;
    }
  }
  return longest;
}

/** A whole-number score from a number or a numeric string (`"9"`); anything else is no score. */
export function scoreOf(value: unknown): number | undefined {
  const text = textOf(value);
  if (text === undefined || !/^-?\d+(\.0+)?$/.test(text)) return undefined;
  return Number.parseInt(text, 10);
}

/**
 * The score in the field a mapping names as `scoreField`: absent or empty is no score, a whole number
 * (or its text, as Delighted person properties and Zendesk fields are) is the score, and anything else
 * is refused (422) naming the field. Dropping it would queue the comment without its score, and a
 * misconfigured field would lose every score without a word. The value is not quoted: a field that is
 * not the score may hold personal data.
 */
export function configuredScore(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return undefined;
  const score = scoreOf(value);
  if (score !== undefined) return score;
  const kind =
    typeof value === 'number'
      ? 'a number that is'
      : typeof value === 'string'
        ? 'text that is'
        : `a ${Array.isArray(value) ? 'list' : typeof value}, which is`;
  throw new WebhookPayloadError([
    `score: the scoreField ${JSON.stringify(field.slice(0, 100))} holds ${kind} not a whole number (check the mapping's scoreField)`,
  ]);
}

/**
 * The segment and customer id from a bag of custom fields (hidden fields, custom variables, person
 * properties): by the configured names, else by fields named like the dimensions (any case).
 */
export function segmentAndCustomer(
  fields: Record<string, unknown> | null | undefined,
  mapping: WebhookMapping,
): { segment?: Segment; customerId?: string } {
  const bag = fields ?? {};
  const byLowerName = new Map(Object.entries(bag).map(([key, value]) => [key.toLowerCase(), value]));
  const read = (configured: string | undefined, defaults: string[]) =>
    configured !== undefined
      ? textOf(bag[configured])
      : defaults.map((name) => textOf(byLowerName.get(name.toLowerCase()))).find((v) => v !== undefined);
  const segment: Segment = {};
  for (const dimension of SEGMENT_DIMENSIONS) {
    const value = read(mapping.segmentFields?.[dimension], [dimension]);
    if (value !== undefined) segment[dimension] = value;
  }
  const customerId = read(mapping.customerIdField, DEFAULT_CUSTOMER_ID_FIELDS);
  return {
    ...(Object.keys(segment).length > 0 && { segment }),
    ...(customerId !== undefined && { customerId }),
  };
}
