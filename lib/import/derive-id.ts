import { createHash } from 'node:crypto';

/** What identifies a response when the export has no id column. */
export interface ResponseContent {
  customerId?: string;
  submittedAt?: string;
  score?: number;
  scale?: string;
  channel?: string;
  text: string;
  segment?: Record<string, string>;
}

/** Recognisable in reports and logs as an id closeloop made, not one a survey tool sent. */
export const DERIVED_ID_PREFIX = 'row-';

/**
 * A stable id from a response's content: the same response in a resent export gets the same id (the
 * pipeline ignores it as a duplicate), a response in another export gets another id. 80 bits of
 * SHA-256: a collision between different responses is not a practical concern below 10^9 rows.
 */
export function deriveFeedbackId(content: ResponseContent): string {
  const segment = content.segment ?? {};
  const canonical = JSON.stringify([
    content.customerId ?? null,
    content.submittedAt ?? null,
    content.score ?? null,
    content.scale ?? null,
    content.channel ?? null,
    content.text.trim(),
    Object.keys(segment)
      .sort()
      .map((key) => [key, segment[key]]),
  ]);
  return `${DERIVED_ID_PREFIX}${createHash('sha256').update(canonical).digest('hex').slice(0, 20)}`;
}

/**
 * Derives ids for the rows of one file. Two rows of identical content and no customer id (two
 * customers who both answered "10" with no comment on the same day) are two responses: the second
 * gets `-2`, the third `-3`, in file order, so resending the same file still gives the same ids.
 * With a customer id, identical content is the same response exported twice.
 */
export class FeedbackIdDeriver {
  // Keyed by 52 bits of the id as a number: half the memory of string keys on a 1M-row export. A
  // clash of two different ids only adds a needless suffix; the ids stay distinct.
  private readonly seen = new Map<number, number>();

  idFor(content: ResponseContent): string {
    const id = deriveFeedbackId(content);
    if (content.customerId !== undefined) return id;
    const key = Number.parseInt(id.slice(DERIVED_ID_PREFIX.length, DERIVED_ID_PREFIX.length + 13), 16);
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    return count === 1 ? id : `${id}-${count}`;
  }
}
