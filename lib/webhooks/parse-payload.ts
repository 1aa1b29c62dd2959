import { isUtf8 } from 'node:buffer';
import type * as z from 'zod';
import type { ZodType } from 'zod';
import { issueLines } from '../feedback/issue-lines.js';
import { WebhookPayloadError } from './webhook-errors.js';

/** The body as text: JSON is UTF-8, and a leading byte-order mark (some HTTP clients send one) is dropped. */
export function bodyText(rawBody: Buffer): string {
  // Decoding other bytes would turn every accented letter into a replacement character, silently.
  if (!isUtf8(rawBody))
    throw new WebhookPayloadError(['the body is not UTF-8 text (JSON must be sent as UTF-8)']);
  const text = rawBody.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The body as JSON; a body that is not JSON is a payload error (422), not a crash. */
export function parseJsonBody(rawBody: Buffer): unknown {
  const text = bodyText(rawBody);
  try {
    return JSON.parse(text);
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
