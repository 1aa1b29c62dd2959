import {
  type FeedbackMessage,
  InvalidFeedbackError,
  parseFeedbackMessage,
} from '../feedback/feedback-message.js';
import { oversizeReason } from '../queue/message-size.js';
import { toMessageBody } from '../queue/send-feedback.js';
import type { VendorApiAccess } from './fetch-vendor-json.js';
import { type MappingResult, toFeedbackMessage } from './mapped-feedback.js';
import { parseJsonBody } from './parse-payload.js';
import { mapDelighted } from './sources/delighted.js';
import { mapFormbricks } from './sources/formbricks.js';
import { mapGeneric } from './sources/generic.js';
import {
  fetchQualtricsResponse,
  mapQualtricsResponse,
  parseQualtricsBody,
  readQualtricsEvent,
} from './sources/qualtrics.js';
import {
  fetchSurveyMonkeyResponse,
  mapSurveyMonkeyResponse,
  readSurveyMonkeyEvent,
} from './sources/surveymonkey.js';
import { mapTypeform } from './sources/typeform.js';
import { mapZendesk } from './sources/zendesk.js';
import { verifyWebhookSignature } from './verify-webhook-signature.js';
import {
  UnknownWebhookSourceError,
  VendorApiError,
  WebhookError,
  WebhookNotConfiguredError,
  WebhookPayloadError,
  WebhookTooLargeError,
} from './webhook-errors.js';
import type { WebhookSourceSettings } from './webhook-settings.js';
import {
  MAX_WEBHOOK_BYTES,
  type WebhookRequest,
  type WebhookSource,
  webhookSourceSchema,
} from './webhook-source.js';

export interface IngestWebhookDependencies {
  /** The source's secret, mapping and API access; undefined when the source is not configured. */
  settingsFor(source: WebhookSource): Promise<WebhookSourceSettings | undefined>;
  /** Puts our message on the feedback queue; throws when it could not. */
  enqueue(message: FeedbackMessage): Promise<void>;
  now?: () => Date;
  /** For the vendor APIs of sources that send only ids. */
  fetchImpl?: typeof fetch;
}

export type WebhookOutcome =
  | { outcome: 'queued'; source: WebhookSource; id: string }
  | { outcome: 'ignored'; source: WebhookSource; reason: string };

type Mapper = (
  request: WebhookRequest,
  settings: WebhookSourceSettings,
  fetchImpl?: typeof fetch,
) => Promise<MappingResult>;

function apiOf(source: string, settings: WebhookSourceSettings): VendorApiAccess {
  if (!settings.api) throw new VendorApiError(source, 'no API token is configured');
  return settings.api;
}

const mappers: Record<WebhookSource, Mapper> = {
  typeform: async (request, { mapping }) => mapTypeform(parseJsonBody(request.rawBody), mapping),
  delighted: async (request, { mapping }) => mapDelighted(parseJsonBody(request.rawBody), mapping),
  zendesk: async (request, { mapping }) => mapZendesk(parseJsonBody(request.rawBody), mapping),
  formbricks: async (request, { mapping }) => mapFormbricks(parseJsonBody(request.rawBody), mapping),
  generic: async (request) => mapGeneric(parseJsonBody(request.rawBody)),
  surveymonkey: async (request, settings, fetchImpl) => {
    const event = readSurveyMonkeyEvent(parseJsonBody(request.rawBody));
    if ('ignored' in event) return event;
    const details = await fetchSurveyMonkeyResponse(apiOf('SurveyMonkey', settings), event, fetchImpl);
    return mapSurveyMonkeyResponse(details, settings.mapping);
  },
  qualtrics: async (request, settings, fetchImpl) => {
    const event = readQualtricsEvent(parseQualtricsBody(request.rawBody));
    if ('ignored' in event) return event;
    const response = await fetchQualtricsResponse(apiOf('Qualtrics', settings), event, fetchImpl);
    return mapQualtricsResponse(response, settings.mapping);
  },
};

/**
 * One webhook delivery, end to end: checks the size, verifies the sender with the source's scheme before
 * reading anything, maps the payload (fetching the response from the vendor where the webhook carries
 * only ids) to our message, validates it and queues it. Errors are {@link WebhookError}s carrying the
 * HTTP status; nothing is queued unless every check passed.
 */
export async function ingestWebhook(
  request: WebhookRequest,
  dependencies: IngestWebhookDependencies,
): Promise<WebhookOutcome> {
  const parsedSource = webhookSourceSchema.safeParse(request.source);
  if (!parsedSource.success) throw new UnknownWebhookSourceError(request.source);
  const source = parsedSource.data;
  if (request.rawBody.length > MAX_WEBHOOK_BYTES) throw new WebhookTooLargeError(MAX_WEBHOOK_BYTES);
  const settings = await dependencies.settingsFor(source);
  if (!settings) throw new WebhookNotConfiguredError(source);
  verifyWebhookSignature(source, request, settings.secret, dependencies.now?.() ?? new Date());

  const mapped = await mappers[source](request, settings, dependencies.fetchImpl);
  if ('ignored' in mapped) return { outcome: 'ignored', source, reason: mapped.ignored };
  const candidate = 'message' in mapped ? mapped.message : toFeedbackMessage(source, mapped.feedback);
  let message: FeedbackMessage;
  try {
    message = parseFeedbackMessage(candidate);
  } catch (error) {
    if (error instanceof InvalidFeedbackError) throw new WebhookPayloadError(error.issues);
    throw error;
  }
  // Refused here, not by the queue: a queue failure is a 503 the tool retries, and this never fits.
  const oversize = oversizeReason(toMessageBody(message), message.text.length);
  if (oversize) throw new WebhookPayloadError([`text: ${oversize}`]);
  await dependencies.enqueue(message);
  return { outcome: 'queued', source, id: message.id };
}

export interface WebhookHttpResult {
  status: number;
  body: Record<string, unknown>;
  /** The outcome, or the error that refused the delivery (for logs and metrics; never sent as is). */
  result: WebhookOutcome | WebhookError;
}

/** {@link ingestWebhook} as an HTTP answer: the one place errors become status codes. */
export async function handleWebhook(
  request: WebhookRequest,
  dependencies: IngestWebhookDependencies,
): Promise<WebhookHttpResult> {
  try {
    const outcome = await ingestWebhook(request, dependencies);
    return outcome.outcome === 'queued'
      ? { status: 202, body: { queued: outcome.id }, result: outcome }
      : { status: 200, body: { ignored: outcome.reason }, result: outcome };
  } catch (error) {
    if (!(error instanceof WebhookError)) throw error;
    const body: Record<string, unknown> = { error: error.message };
    if (error instanceof WebhookPayloadError) body.issues = error.issues;
    return { status: error.status, body, result: error };
  }
}
