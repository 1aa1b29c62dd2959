import * as z from 'zod';
import { isoFromText, type MappingResult } from '../mapped-feedback.js';
import { parsePayload } from '../parse-payload.js';
import {
  configuredScore,
  scoreOf,
  segmentAndCustomer,
  textOf,
  type WebhookMapping,
} from '../webhook-mapping.js';

/**
 * The JSON body of a Zendesk trigger webhook. Zendesk sends whatever body the trigger defines, so this is
 * the body docs/integrations.md tells you to paste (placeholders such as `{{ticket.id}}` and
 * `{{satisfaction.current_rating}}`); `fields` holds what should become the segment and customer id.
 */
export const zendeskPayloadSchema = z.looseObject({
  ticket_id: z.union([z.string().min(1), z.number().int()]),
  rating: z.union([z.string(), z.number()]).nullish(),
  comment: z.string().nullish(),
  updated_at: z.string().nullish(),
  fields: z.record(z.string(), z.unknown()).nullish(),
});

/**
 * Zendesk's satisfaction rating: "good"/"bad" (the classic thumbs survey) or a number (the 1-5 CSAT
 * survey). Good is the top of the CSAT scale, bad the bottom, so a bad rating becomes a follow-up.
 */
function ratingScore(rating: string | number | null | undefined): number | undefined {
  const text = textOf(rating)?.toLowerCase();
  if (text === undefined) return undefined;
  if (text.startsWith('good')) return 5;
  if (text.startsWith('bad')) return 1;
  return scoreOf(text);
}

/** Zendesk -> feedback: the ticket's satisfaction rating and comment, id `zendesk:<ticket id>`. */
export function mapZendesk(payload: unknown, mapping: WebhookMapping): MappingResult {
  const body = parsePayload(zendeskPayloadSchema, payload);
  const fields = body.fields ?? {};
  const rating = mapping.scoreField ? fields[mapping.scoreField] : body.rating;
  const score =
    ratingScore(rating as string | number | undefined) ??
    (mapping.scoreField ? configuredScore(rating, mapping.scoreField) : undefined);
  const comment = mapping.commentField ? fields[mapping.commentField] : body.comment;
  if (score === undefined && textOf(comment) === undefined) {
    return { ignored: 'the ticket has no satisfaction rating or comment yet' };
  }
  return {
    feedback: {
      responseId: String(body.ticket_id),
      text: textOf(comment),
      score,
      scale: score === undefined ? undefined : (mapping.scale ?? 'csat'),
      ...segmentAndCustomer(fields, mapping),
      updatedAt: isoFromText(body.updated_at),
      context: { ticketId: String(body.ticket_id) },
    },
  };
}
