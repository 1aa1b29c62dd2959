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

/** One answer of a Typeform response: the value sits in the key named by `type` (`number`, `text`, ...). */
const typeformAnswerSchema = z.looseObject({
  type: z.string(),
  field: z.looseObject({ id: z.string(), type: z.string(), ref: z.string().optional() }),
  number: z.number().optional(),
  text: z.string().optional(),
});

/** Typeform's webhook payload (https://www.typeform.com/developers/webhooks/example-payload/). */
export const typeformPayloadSchema = z.looseObject({
  event_id: z.string().min(1),
  event_type: z.string(),
  form_response: z.looseObject({
    form_id: z.string().min(1),
    token: z.string().min(1),
    submitted_at: z.string().optional(),
    landed_at: z.string().optional(),
    hidden: z.record(z.string(), z.unknown()).nullish(),
    answers: z.array(typeformAnswerSchema).default([]),
  }),
});

type TypeformAnswer = z.infer<typeof typeformAnswerSchema>;

const SCORE_FIELD_TYPES = ['nps', 'opinion_scale'];

const answerFor = (answers: TypeformAnswer[], field: string) =>
  answers.find((answer) => answer.field.ref === field || answer.field.id === field);

/**
 * Typeform -> feedback. Default: the first `nps` or `opinion_scale` answer is the NPS score, the longest
 * `long_text` answer the comment (the longest `short_text` when the form has no long text), hidden fields named like segment dimensions the segment,
 * `form_response.token` the id.
 */
export function mapTypeform(payload: unknown, mapping: WebhookMapping): MappingResult {
  const { event_type, event_id, form_response: response } = parsePayload(typeformPayloadSchema, payload);
  if (event_type !== 'form_response')
    return { ignored: `event ${quotedVendorValue(event_type, 40)} carries no response` };
  const { answers } = response;
  const scoreAnswer = mapping.scoreField
    ? answerFor(answers, mapping.scoreField)
    : answers.find((answer) => SCORE_FIELD_TYPES.includes(answer.field.type));
  // A long text is the comment; a short text only when there is none, since a form's short texts
  // are as often "Your name" (personal data the redaction gate cannot recognise) as the comment.
  const ofType = (type: string) => answers.filter((answer) => answer.field.type === type);
  const commentAnswer = mapping.commentField
    ? answerFor(answers, mapping.commentField)
    : (longestAnswer(ofType('long_text'), (answer) => textOf(answer.text)) ??
      longestAnswer(ofType('short_text'), (answer) => textOf(answer.text)));
  return {
    feedback: {
      responseId: response.token,
      text: textOf(commentAnswer?.text),
      score: mapping.scoreField
        ? configuredScore(scoreAnswer?.number ?? scoreAnswer?.text, mapping.scoreField)
        : scoreOf(scoreAnswer?.number),
      scale: mapping.scale,
      ...segmentAndCustomer(response.hidden, mapping),
      submittedAt: isoFromText(response.submitted_at),
      // A partial response has only `landed_at`; the complete one's `submitted_at` is later and replaces it.
      updatedAt: isoFromText(response.submitted_at ?? response.landed_at),
      context: { formId: response.form_id, eventId: event_id },
    },
  };
}
