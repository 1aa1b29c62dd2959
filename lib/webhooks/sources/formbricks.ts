import * as z from 'zod';
import { isoFromText, type MappingResult, quotedVendorValue } from '../mapped-feedback.js';
import { parsePayload } from '../parse-payload.js';
import {
  configuredScore,
  longestAnswer,
  scoreOf,
  segmentAndCustomer,
  textOf,
  type WebhookMapping,
} from '../webhook-mapping.js';

/** Formbricks' webhook payload (https://formbricks.com/docs/xm-and-surveys/core-features/integrations/webhooks). */
export const formbricksPayloadSchema = z.looseObject({
  webhookId: z.string().optional(),
  event: z.string(),
  data: z.looseObject({
    id: z.string().min(1),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    surveyId: z.string().min(1),
    finished: z.boolean().default(false),
    /** Answers and hidden fields, keyed by question or hidden field id. */
    data: z.record(z.string(), z.unknown()).default({}),
    contactAttributes: z.record(z.string(), z.unknown()).nullish(),
    contact: z.looseObject({ userId: z.string().nullish() }).nullish(),
  }),
});

/**
 * Formbricks -> feedback, for finished responses only (a started one has no comment yet). Default: the
 * first answer that is a whole number 0-10 is the NPS score, the longest free-text answer of more than
 * one word the comment (see `longestAnswer`); hidden fields and contact attributes named like segment dimensions the segment; the
 * contact's `userId` the customer id. Surveys with several number or text questions should configure
 * `scoreField` and `commentField` with the question ids.
 */
export function mapFormbricks(payload: unknown, mapping: WebhookMapping): MappingResult {
  // Some Formbricks versions post a one-element array.
  const single = Array.isArray(payload) && payload.length === 1 ? payload[0] : payload;
  const { event, data: response } = parsePayload(formbricksPayloadSchema, single);
  if (!response.finished)
    return { ignored: `event ${quotedVendorValue(event, 40)} is for an unfinished response` };
  const answers = response.data;
  const values = Object.values(answers);
  const score = mapping.scoreField
    ? configuredScore(answers[mapping.scoreField], mapping.scoreField)
    : values.map(scoreOf).find((value) => value !== undefined && value >= 0 && value <= 10);
  const comment = mapping.commentField
    ? textOf(answers[mapping.commentField])
    : longestAnswer(
        values.map(textOf).filter((value) => value !== undefined && scoreOf(value) === undefined),
        // One word is a choice ("Yes", "Email"), not a comment.
        (value) => (value !== undefined && /\s/.test(value) ? value : undefined),
      );
  const found = segmentAndCustomer({ ...response.contactAttributes, ...answers }, mapping);
  const customerId = found.customerId ?? textOf(response.contact?.userId);
  return {
    feedback: {
      responseId: response.id,
      text: comment,
      score,
      scale: mapping.scale,
      ...found,
      customerId,
      submittedAt: isoFromText(response.createdAt),
      updatedAt: isoFromText(response.updatedAt),
      context: { surveyId: response.surveyId },
    },
  };
}
