import * as z from 'zod';
import type { RejectedMessage } from '../model/rejected-message.js';

/** `GET /rejects` query: the latest rejects, optionally one reason only (e.g. `id conflict`). */
export const rejectsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  reason: z.enum(['invalid JSON', 'schema violation', 'id conflict']).optional(),
});

/**
 * A reject as listed to the team: why, when, and for an id conflict both content fingerprints. The
 * body (redacted, but a customer's words) stays in the table for an operator with table access.
 */
export function rejectSummary(reject: RejectedMessage) {
  return {
    rejectId: reject.rejectId,
    receivedAt: reject.receivedAt,
    reason: reject.reason,
    issues: reject.issues,
    ...(reject.sourceMessageId && { sourceMessageId: reject.sourceMessageId }),
    ...(reject.storedContentHash && { storedContentHash: reject.storedContentHash }),
    ...(reject.receivedContentHash && { receivedContentHash: reject.receivedContentHash }),
  };
}

/** The latest rejects, newest first, of one reason when given. */
export async function listRejects(
  store: { listRejected(options?: { limit?: number }): Promise<RejectedMessage[]> },
  query: { limit: number; reason?: string | undefined },
): Promise<RejectedMessage[]> {
  // Rejects are few; reading a few hundred to filter by reason is cheaper than an index for it.
  const rejects = await store.listRejected({ limit: query.reason ? 500 : query.limit });
  return rejects.filter((reject) => !query.reason || reject.reason === query.reason).slice(0, query.limit);
}
