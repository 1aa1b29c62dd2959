import type { FeedbackRecord } from '../model/feedback-record.js';

/** What a received version of a stored response is to the stored one. */
export type VersionVerdict = 'redelivery' | 'older' | 'same-version-other-content' | 'newer';

/**
 * Compares a received record with the stored one of the same id. The version is `updatedAt`; a record
 * without one is older than any dated version, so a first undated message can be replaced by a dated one.
 * Same content is a redelivery whatever the version says.
 */
export function compareVersions(
  stored: Pick<FeedbackRecord, 'contentHash' | 'updatedAt'>,
  received: Pick<FeedbackRecord, 'contentHash' | 'updatedAt'>,
): VersionVerdict {
  if (stored.contentHash !== undefined && stored.contentHash === received.contentHash) return 'redelivery';
  const storedAt = versionTime(stored.updatedAt);
  const receivedAt = versionTime(received.updatedAt);
  if (receivedAt > storedAt) return 'newer';
  if (receivedAt < storedAt) return 'older';
  return 'same-version-other-content';
}

/** Milliseconds of a version; an undated record is the oldest. */
function versionTime(updatedAt: string | undefined): number {
  if (updatedAt === undefined) return Number.NEGATIVE_INFINITY;
  const ms = Date.parse(updatedAt);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}
