import * as z from 'zod';
import { fetchVendorJson, pathSegment, type VendorApiAccess } from '../fetch-vendor-json.js';
import { isoFromText, type MappingResult, quotedVendorValue } from '../mapped-feedback.js';
import { parsePayload } from '../parse-payload.js';
import { longestAnswer, segmentAndCustomer, textOf, type WebhookMapping } from '../webhook-mapping.js';

/** SurveyMonkey's webhook callback: ids only (https://api.surveymonkey.com/v3/docs#webhooks). */
export const surveyMonkeyEventSchema = z.looseObject({
  event_type: z.string(),
  event_id: z.string().min(1),
  object_type: z.string(),
  object_id: z.union([z.string().min(1), z.number().int()]),
  resources: z.looseObject({ survey_id: z.union([z.string().min(1), z.number().int()]) }),
});

const surveyMonkeyAnswerSchema = z.looseObject({
  choice_id: z.string().optional(),
  row_id: z.string().optional(),
  text: z.string().optional(),
  simple_text: z.string().optional(),
});

/** `GET /v3/surveys/{survey_id}/responses/{response_id}/details?simple=true`. */
export const surveyMonkeyResponseSchema = z.looseObject({
  id: z.string().min(1),
  date_created: z.string().optional(),
  date_modified: z.string().optional(),
  custom_variables: z.record(z.string(), z.unknown()).nullish(),
  pages: z
    .array(
      z.looseObject({
        questions: z
          .array(z.looseObject({ id: z.string(), answers: z.array(surveyMonkeyAnswerSchema) }))
          .default([]),
      }),
    )
    .default([]),
});

/** The events that mean a response is there to read. */
const RESPONSE_EVENTS = ['response_completed', 'response_updated'];

/** The ids a SurveyMonkey callback names, or why it names no response. */
export function readSurveyMonkeyEvent(
  payload: unknown,
): { surveyId: string; responseId: string } | { ignored: string } {
  const event = parsePayload(surveyMonkeyEventSchema, payload);
  if (!RESPONSE_EVENTS.includes(event.event_type) || event.object_type !== 'response') {
    return { ignored: `event ${quotedVendorValue(event.event_type, 40)} carries no response` };
  }
  return {
    surveyId: pathSegment(String(event.resources.survey_id), 'resources.survey_id'),
    responseId: pathSegment(String(event.object_id), 'object_id'),
  };
}

/** Reads the full response with the account's API token (the callback carries only ids). */
export function fetchSurveyMonkeyResponse(
  access: VendorApiAccess,
  ids: { surveyId: string; responseId: string },
  fetchImpl?: typeof fetch,
): Promise<unknown> {
  const url = new URL(`/v3/surveys/${ids.surveyId}/responses/${ids.responseId}/details`, access.apiBaseUrl);
  url.searchParams.set('simple', 'true');
  return fetchVendorJson('SurveyMonkey', url, { authorization: `Bearer ${access.apiToken}` }, fetchImpl);
}

/** The number at the start of a choice's text ("9", "9 - Very likely"), when it is 0-10. */
function leadingScore(answer: z.infer<typeof surveyMonkeyAnswerSchema> | undefined): number | undefined {
  const match = /^\s*(\d{1,2})\b/.exec(answer?.simple_text ?? answer?.text ?? '');
  const score = match ? Number(match[1]) : Number.NaN;
  return score >= 0 && score <= 10 ? score : undefined;
}

/**
 * SurveyMonkey response details -> feedback. Default: the first question answered with a choice whose
 * text starts with a number 0-10 is the NPS score, the longest open-ended answer the comment (see `longestAnswer`), custom
 * variables named like segment dimensions the segment. `scoreField`/`commentField` are question ids.
 */
export function mapSurveyMonkeyResponse(details: unknown, mapping: WebhookMapping): MappingResult {
  const response = parsePayload(surveyMonkeyResponseSchema, details);
  const questions = response.pages.flatMap((page) => page.questions);
  const question = (id: string) => questions.find((q) => q.id === id);
  const scoreAnswer = mapping.scoreField
    ? question(mapping.scoreField)?.answers[0]
    : questions
        .map((q) => q.answers[0])
        .find((a) => a?.choice_id !== undefined && leadingScore(a) !== undefined);
  const commentAnswer = mapping.commentField
    ? question(mapping.commentField)?.answers.find((a) => a.text !== undefined)
    : longestAnswer(
        questions.flatMap((q) => q.answers).filter((a) => a.choice_id === undefined),
        (a) => textOf(a.text),
      );
  return {
    feedback: {
      responseId: response.id,
      text: textOf(commentAnswer?.text),
      score: leadingScore(scoreAnswer),
      scale: mapping.scale,
      ...segmentAndCustomer(response.custom_variables, mapping),
      submittedAt: isoFromText(response.date_created),
      updatedAt: isoFromText(response.date_modified),
    },
  };
}
