import * as z from 'zod';
import type { RatingScale } from '../../feedback/feedback-message.js';
import { isoFromUnixSeconds, type MappingResult, quotedVendorValue } from '../mapped-feedback.js';
import { parsePayload } from '../parse-payload.js';
import { configuredScore, segmentAndCustomer, textOf, type WebhookMapping } from '../webhook-mapping.js';

/** Delighted's webhook payload (https://app.delighted.com/docs/api/webhooks). */
export const delightedPayloadSchema = z.looseObject({
  event_type: z.string(),
  event_id: z.string().min(1),
  event_data: z.unknown(),
});

/** `event_data` of the `survey_response.*` events. */
export const delightedResponseSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number().int()]),
  survey_type: z.string().nullish(),
  score: z.number().int().nullish(),
  comment: z.string().nullish(),
  created_at: z.number().nullish(),
  updated_at: z.number().nullish(),
  person_properties: z.record(z.string(), z.unknown()).nullish(),
});

/** Delighted survey types whose score fits one of our scales (eNPS is 0-10 like NPS). */
const SCALE_OF_SURVEY_TYPE: Record<string, RatingScale> = {
  nps: 'nps',
  enps: 'nps',
  csat: 'csat',
  ces: 'ces',
};

/**
 * Delighted -> feedback. `survey_response.created` carries the score, `.updated` usually adds the
 * comment; the response id (`event_data.id`) is the id, person properties named like segment dimensions
 * the segment. Scores of survey types we have no scale for (smileys, thumbs) are left out.
 */
export function mapDelighted(payload: unknown, mapping: WebhookMapping): MappingResult {
  const { event_type, event_id, event_data } = parsePayload(delightedPayloadSchema, payload);
  if (!event_type.startsWith('survey_response.')) {
    return { ignored: `event ${quotedVendorValue(event_type, 40)} carries no response` };
  }
  const data = parsePayload(delightedResponseSchema, event_data);
  const scale = mapping.scale ?? SCALE_OF_SURVEY_TYPE[data.survey_type ?? 'nps'];
  const properties = data.person_properties ?? {};
  // Person properties are text: a score there is "9".
  const score = mapping.scoreField
    ? configuredScore(properties[mapping.scoreField], mapping.scoreField)
    : data.score;
  const comment = mapping.commentField ? properties[mapping.commentField] : data.comment;
  return {
    feedback: {
      responseId: String(data.id),
      text: textOf(comment),
      score: scale && typeof score === 'number' ? score : undefined,
      scale,
      ...segmentAndCustomer(properties, mapping),
      submittedAt: isoFromUnixSeconds(data.created_at),
      // The score arrives with `created`, the comment with a later `updated`: the later time wins.
      updatedAt: isoFromUnixSeconds(data.updated_at ?? data.created_at),
      context: { eventId: event_id },
    },
  };
}
