import type * as z from 'zod';
import type { ZodType } from 'zod';
import { issueLines } from '../feedback/issue-lines.js';
import { WebhookPayloadError } from './webhook-errors.js';

/** The body as JSON; a body that is not JSON is a payload error (422), not a crash. */
export function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookPayloadError(['the body is not valid JSON']);
  }
}

/** Validates a payload against a vendor's documented shape, listing every mismatch. */
export function parsePayload<T extends ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new WebhookPayloadError(issueLines(result.error.issues));
  }
  return result.data;
}
