import * as z from 'zod';
import type { MappingResult } from '../mapped-feedback.js';
import { parsePayload } from '../parse-payload.js';

/**
 * `generic`: the body is our own message format (docs/message-format.md), checked in full later; only the
 * id gets the `generic:` prefix, so it cannot collide with a survey tool's response.
 */
export function mapGeneric(payload: unknown): MappingResult {
  const message = parsePayload(z.looseObject({ id: z.string().min(1) }), payload);
  return { message: { ...message, id: `generic:${message.id}` } };
}
