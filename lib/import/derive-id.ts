import { createHash } from 'node:crypto';
import { findPii } from '../analysis/privacy/redact-pii.js';

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
  return idOfDigest(contentDigest(content), '');
}

/** The first 80 bits of the SHA-256 of the response's content, in hex. */
function contentDigest(content: ResponseContent): string {
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
  return createHash('sha256').update(canonical).digest('hex').slice(0, 20);
}

/**
 * The id of a digest. A hex digest now and then holds a run of digits that reads as a phone or card
 * number, and no id may hold one (it would reach keys and logs): such a digest is spelt in letters
 * (`0`-`f` as `g`-`v`). Every other id stays hex, so ids that were ever accepted do not change.
 */
function idOfDigest(digest: string, suffix: string): string {
  const id = `${DERIVED_ID_PREFIX}${digest}${suffix}`;
  if (findPii(id).length === 0) return id;
  const letters = Array.from(digest, (hex) => String.fromCharCode(0x67 + Number.parseInt(hex, 16)));
  return `${DERIVED_ID_PREFIX}${letters.join('')}${suffix}`;
}

/**
 * A set of 52-bit numbers in one typed array (open addressing): 16 bytes a row at most, where a `Map`
 * costs about 60, so the ids of a 1M-row export fit in 16 MB.
 */
class CompactNumberSet {
  private slots = new Float64Array(1 << 16);
  private size = 0;

  /** Adds `key` (a positive integer below 2^52); false when it was there already. */
  add(key: number): boolean {
    if (this.size * 2 >= this.slots.length) this.grow();
    const found = this.probe(this.slots, key);
    if (this.slots[found] === key) return false;
    this.slots[found] = key;
    this.size++;
    return true;
  }

  private probe(slots: Float64Array, key: number): number {
    const mask = slots.length - 1;
    // The key is already a hash: its low bits spread well.
    let index = (key % slots.length) & mask;
    while (slots[index] !== 0 && slots[index] !== key) index = (index + 1) & mask;
    return index;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const key of old) if (key !== 0) this.slots[this.probe(this.slots, key)] = key;
  }
}

/**
 * Derives ids for the rows of one file. Two rows of identical content and no customer id (two
 * customers who both answered "10" with no comment on the same day) are two responses: the second
 * gets `-2`, the third `-3`, in file order, so resending the same file still gives the same ids.
 * With a customer id, identical content is the same response exported twice.
 */
export class FeedbackIdDeriver {
  // 52 bits of each id seen. A clash of two different ids only adds a needless suffix: ids stay distinct.
  private readonly seen = new CompactNumberSet();
  /** Occurrences of the ids seen more than once (few). */
  private readonly repeats = new Map<number, number>();

  idFor(content: ResponseContent): string {
    const digest = contentDigest(content);
    if (content.customerId !== undefined) return idOfDigest(digest, '');
    // +1 keeps 0 free as the empty slot.
    const key = Number.parseInt(digest.slice(0, 13), 16) + 1;
    if (this.seen.add(key)) return idOfDigest(digest, '');
    const count = (this.repeats.get(key) ?? 1) + 1;
    this.repeats.set(key, count);
    return idOfDigest(digest, `-${count}`);
  }
}
