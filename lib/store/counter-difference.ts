import type { FeedbackRecord } from '../model/feedback-record.js';
import { counterIncrements, counterScopes, type Increments } from './counter-writes.js';
import { counterKey } from './table-keys.js';

/** The net change of one counter item when one version of a record replaces another. */
export interface CounterDifference {
  key: ReturnType<typeof counterKey>;
  increments: Increments;
}

/**
 * What the counters must move by when `next` replaces `stored`: the stored record's increments
 * subtracted and the new ones added, summed per counter item (an item both touch gets the net change;
 * an item whose net change is zero is left out). Segment-value sets are only ever united: a value once
 * seen that day stays listed, which costs a report an empty row at worst.
 *
 * Follow-up counters count follow-ups opened, so both sides are counted as they were at insert: a
 * follow-up since claimed, contacted or resolved still counts as the one opened.
 */
export function counterDifference(stored: FeedbackRecord, next: FeedbackRecord): CounterDifference[] {
  const items = new Map<string, CounterDifference & { listed: Set<string> }>();
  const add = (record: FeedbackRecord, sign: 1 | -1) => {
    const asInserted = insertedView(record);
    for (const scope of counterScopes(asInserted)) {
      const key = counterKey(scope, asInserted.day);
      const id = JSON.stringify(key);
      const item = items.get(id) ?? { key, increments: new Map(), listed: new Set<string>() };
      for (const [attribute, value] of counterIncrements(scope, asInserted)) {
        const current = item.increments.get(attribute);
        if (typeof value === 'number') {
          item.increments.set(attribute, ((current as number | undefined) ?? 0) + sign * value);
          continue;
        }
        const members = [...value].map((member) => JSON.stringify([attribute, member]));
        if (sign < 0) {
          // Listed on this item by the stored version already: not written again.
          for (const member of members) item.listed.add(member);
          continue;
        }
        const added = [...value].filter((_, i) => !item.listed.has(members[i] as string));
        if (added.length > 0) {
          item.increments.set(
            attribute,
            new Set([...((current as Set<string> | undefined) ?? []), ...added]),
          );
        }
      }
      items.set(id, item);
    }
  };
  add(stored, -1);
  add(next, 1);
  const differences: CounterDifference[] = [];
  for (const { key, increments } of items.values()) {
    for (const [attribute, value] of increments) {
      if (value === 0) increments.delete(attribute);
    }
    if (increments.size > 0) differences.push({ key, increments });
  }
  return differences;
}

/** The record as its insert counted it: any follow-up it has was opened then. */
function insertedView(record: FeedbackRecord): FeedbackRecord {
  const status = record.followUp.status === 'none' ? 'none' : 'open';
  return { ...record, followUp: { ...record.followUp, status } };
}
