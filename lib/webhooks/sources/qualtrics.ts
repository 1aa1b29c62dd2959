import * as z from 'zod';
import { fetchVendorJson, pathSegment, type VendorApiAccess } from '../fetch-vendor-json.js';
import { isoFromText, type MappingResult, quotedVendorValue } from '../mapped-feedback.js';
import { bodyText, parsePayload } from '../parse-payload.js';
import { WebhookPayloadError } from '../webhook-errors.js';
import {
  configuredScore,
  longestAnswer,
  scoreOf,
  segmentAndCustomer,
  textOf,
  type WebhookMapping,
} from '../webhook-mapping.js';

/**
 * What Qualtrics posts: an event subscription (`surveyengine.completedResponse.<SurveyID>`) sends
 * x-www-form-urlencoded `Topic`, `Status`, `SurveyID`, `ResponseID`, `CompletedDate`, `BrandID`
 * (https://api.qualtrics.com/ -> Event subscriptions); a Workflows web-service task can send the same keys as JSON.
 */
export const qualtricsEventSchema = z.looseObject({
  Topic: z.string().optional(),
  Status: z.string().optional(),
  SurveyID: z.string().min(1),
  ResponseID: z.string().min(1),
});

/** `GET /API/v3/surveys/{surveyId}/responses/{responseId}`: `values` holds answers and embedded data. */
export const qualtricsResponseSchema = z.looseObject({
  result: z.looseObject({
    responseId: z.string().min(1),
    values: z.record(z.string(), z.unknown()),
  }),
});

/** The event's fields, whichever way they were encoded. */
export function parseQualtricsBody(rawBody: Buffer): unknown {
  const text = bodyText(rawBody).trim();
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new WebhookPayloadError(['the body is not valid JSON']);
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** The ids a Qualtrics event names, or why it names no response to read. */
export function readQualtricsEvent(
  payload: unknown,
): { surveyId: string; responseId: string } | { ignored: string } {
  const event = parsePayload(qualtricsEventSchema, payload);
  if (event.Topic !== undefined && !event.Topic.startsWith('surveyengine.completedResponse')) {
    return { ignored: `topic ${quotedVendorValue(event.Topic, 60)} carries no response` };
  }
  return {
    surveyId: pathSegment(event.SurveyID, 'SurveyID'),
    responseId: pathSegment(event.ResponseID, 'ResponseID'),
  };
}

/** Reads the full response with the account's API token (`X-API-TOKEN`). */
export function fetchQualtricsResponse(
  access: VendorApiAccess,
  ids: { surveyId: string; responseId: string },
  fetchImpl?: typeof fetch,
): Promise<unknown> {
  const url = new URL(`/API/v3/surveys/${ids.surveyId}/responses/${ids.responseId}`, access.apiBaseUrl);
  return fetchVendorJson('Qualtrics', url, { 'x-api-token': access.apiToken }, fetchImpl);
}

/**
 * Qualtrics response -> feedback. Default: the NPS question (the `QIDn` that has a `QIDn_NPS_GROUP`) is
 * the score, the longest `..._TEXT` value the comment (see `longestAnswer`), embedded data named like segment
 * dimensions the segment. `scoreField`/`commentField` are value keys such as `QID3` or `QID4_TEXT`.
 */
export function mapQualtricsResponse(fetched: unknown, mapping: WebhookMapping): MappingResult {
  const { result } = parsePayload(qualtricsResponseSchema, fetched);
  const { values } = result;
  const keys = Object.keys(values);
  const scoreKey = mapping.scoreField ?? keys.find((key) => `${key}_NPS_GROUP` in values);
  const commentKey =
    mapping.commentField ??
    longestAnswer(
      keys.filter((key) => /^QID\d+.*_TEXT$/.test(key)),
      (key) => textOf(values[key]),
    );
  return {
    feedback: {
      responseId: result.responseId,
      text: textOf(commentKey === undefined ? undefined : values[commentKey]),
      score: mapping.scoreField
        ? configuredScore(values[mapping.scoreField], mapping.scoreField)
        : scoreKey === undefined
          ? undefined
          : scoreOf(values[scoreKey]),
      scale: mapping.scale,
      ...segmentAndCustomer(values, mapping),
      submittedAt: isoFromText(textOf(values.recordedDate) ?? textOf(values.endDate)),
      updatedAt: isoFromText(textOf(values.recordedDate)),
    },
  };
}
