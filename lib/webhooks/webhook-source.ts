import * as z from 'zod';

/** The tools that can post to `POST {api}/ingest/{source}`; the name is also the prefix of every id. */
export const webhookSourceSchema = z.enum([
  'typeform',
  'surveymonkey',
  'qualtrics',
  'delighted',
  'zendesk',
  'formbricks',
  'generic',
]);
export type WebhookSource = z.infer<typeof webhookSourceSchema>;
export const WEBHOOK_SOURCES = webhookSourceSchema.options;

/** Largest webhook body accepted (1 MiB): survey responses are a few KB; more is abuse. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** How far a signed timestamp may be from our clock, either way, before the request counts as stale. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** One webhook delivery as it reached us, whatever the transport (API Gateway event, local HTTP server). */
export interface WebhookRequest {
  source: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body exactly as received: signatures are over these bytes. */
  rawBody: Buffer;
  query: Readonly<Record<string, string | undefined>>;
}
