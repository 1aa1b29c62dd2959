import * as z from 'zod';
import { feedbackIdSchema } from '../feedback/feedback-message.js';
import type { FollowUpCommand } from './follow-up-state.js';
import { personNameSchema } from './person-name.js';

/**
 * What the follow-up API accepts, validated at the edge. Ids use the feedback id rule, so a path can
 * never address another kind of item in the table.
 */
export const followUpIdSchema = feedbackIdSchema;

/** Most characters of a note: 20 on the record stay far below DynamoDB's item limit. */
export const NOTE_MAX_LENGTH = 2_000;
/**
 * Free text a person types (notes, root cause, action), as for a comment: half an emoji (a lone
 * surrogate) becomes U+FFFD, as it could not be written as UTF-8 to the table, an export or an alert.
 */
const typed = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((text) => text.toWellFormed());
const requiredNote = typed(NOTE_MAX_LENGTH);
const note = requiredNote.optional();
const person = personNameSchema;

export const followUpCommandSchemas = {
  claim: z.strictObject({ owner: person, note }),
  unclaim: z.strictObject({ note }),
  assign: z.strictObject({ owner: person, note }),
  note: z.strictObject({ note: requiredNote }),
  contacted: z.strictObject({ note }),
  resolve: z.strictObject({
    rootCause: typed(200),
    action: typed(2_000),
    note,
  }),
  reopen: z.strictObject({ note }),
} as const;

export type FollowUpActionName = keyof typeof followUpCommandSchemas;

/** Parses a request body for `action` into a workflow command (throws a ZodError). */
export function parseFollowUpCommand(action: FollowUpActionName, body: unknown): FollowUpCommand {
  const parsed = followUpCommandSchemas[action].parse(body ?? {});
  if (action === 'resolve') {
    const {
      rootCause,
      action: resolution,
      note: text,
    } = parsed as z.infer<typeof followUpCommandSchemas.resolve>;
    return { action, rootCause, resolution, ...(text && { note: text }) };
  }
  return { action, ...parsed } as FollowUpCommand;
}

export const followUpListQuerySchema = z.strictObject({
  status: z.enum(['open', 'claimed', 'contacted', 'resolved']).default('open'),
  department: z.string().trim().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2_000).optional(),
});
