import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { sendFeedback } from '../queue/send-feedback.js';
import { handleWebhook, type WebhookHttpResult } from '../webhooks/ingest-webhook.js';
import { WebhookQueueError, WebhookTooLargeError } from '../webhooks/webhook-errors.js';
import type { WebhookSourceSettings } from '../webhooks/webhook-settings.js';
import { MAX_WEBHOOK_BYTES, type WebhookRequest, type WebhookSource } from '../webhooks/webhook-source.js';
import { readRequestBody } from './read-request-body.js';

/** Bodies above this are not even read to the end: the connection is closed after the 413. */
const DISCARD_LIMIT_BYTES = 16 * MAX_WEBHOOK_BYTES;

export interface LocalWebhookRouteOptions {
  settings: Partial<Record<WebhookSource, WebhookSourceSettings>>;
  sqs: SQSClient;
  queueUrl: string;
  now?: () => Date;
  /** Told about every delivery (for the serve-local summary and tests). */
  onResult?: (result: WebhookHttpResult['result'] | WebhookTooLargeError) => void;
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(',') : (value ?? ''),
    ]),
  );
}

/** The source name from the path; broken percent encoding is no source (404), not a server error. */
function decodedSource(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * `POST /ingest/{source}` for `closeloop serve-local`: the same verification and mapping as the deployed
 * verifier function, putting our message on the local feedback queue. Returns false for any other
 * request, which the API server then routes as usual.
 */
export function createLocalWebhookRoute(options: LocalWebhookRouteOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/ingest\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) return false;
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST') {
      reply(405, { error: 'use POST' });
      return true;
    }
    const rawBody = await readRequestBody(request, {
      limit: MAX_WEBHOOK_BYTES,
      discardLimit: DISCARD_LIMIT_BYTES,
    });
    if (!rawBody) {
      const error = new WebhookTooLargeError(MAX_WEBHOOK_BYTES);
      options.onResult?.(error);
      reply(error.status, { error: error.message });
      return true;
    }
    const webhookRequest: WebhookRequest = {
      source: decodedSource(match[1] ?? ''),
      headers: lowerCaseHeaders(request),
      rawBody,
      query: Object.fromEntries(url.searchParams),
    };
    const answer = await handleWebhook(webhookRequest, {
      settingsFor: async (source) => options.settings[source],
      enqueue: async (message) => {
        const sent = await sendFeedback(options.sqs, options.queueUrl, [message]);
        if (sent.sent !== 1) throw new WebhookQueueError(sent.failed[0]?.reason ?? 'not sent');
      },
      ...(options.now && { now: options.now }),
    });
    options.onResult?.(answer.result);
    reply(answer.status, answer.body);
    return true;
  };
}
