import { BadRequestError } from '@aws-lambda-powertools/event-handler/http';
import type { Middleware } from '@aws-lambda-powertools/event-handler/types';
import { ApiRequestError } from './api-errors.js';

/** Largest request body accepted (bytes): follow-up commands are a few KB at most. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

/**
 * Runs before body validation: a body over the limit is 413, one that is not JSON is 400 (whatever
 * its content type), an empty one is `{}`. The request is handed on as JSON, so the event-handler's
 * validation reads it as such.
 */
export const jsonBody: Middleware = async ({ reqCtx, next }) => {
  const text = await reqCtx.req.text();
  if (Buffer.byteLength(text) > MAX_REQUEST_BODY_BYTES) {
    throw new ApiRequestError(413, 'payload_too_large', `the body is over ${MAX_REQUEST_BODY_BYTES} bytes`);
  }
  const body = text.trim() === '' ? '{}' : text;
  try {
    JSON.parse(body);
  } catch {
    throw new BadRequestError('the body is not valid JSON');
  }
  const headers = new Headers(reqCtx.req.headers);
  headers.set('content-type', 'application/json');
  reqCtx.req = new Request(reqCtx.req.url, { method: reqCtx.req.method, headers, body });
  await next();
};
