import type { FeedbackRecord } from '../model/feedback-record.js';
import { counterIncrements, counterScopes, type Increments, mergeIncrements } from './counter-writes.js';
import { counterKey } from './table-keys.js';

type CounterKey = ReturnType<typeof counterKey>;

/** What a set of records adds to each counter item they move: one entry per item, summed. */
export class CounterSums {
  private readonly items = new Map<string, { key: CounterKey; increments: Increments }>();

  get size(): number {
    return this.items.size;
  }

  /** How many counter items there would be with this record's added. */
  sizeWith(record: FeedbackRecord): number {
    return (
      this.items.size +
      counterScopes(record).filter((scope) => !this.items.has(idOf(counterKey(scope, record.day)))).length
    );
  }

  add(record: FeedbackRecord): void {
    for (const scope of counterScopes(record)) {
      const key = counterKey(scope, record.day);
      const id = idOf(key);
      const item = this.items.get(id) ?? { key, increments: new Map() };
      mergeIncrements(item.increments, counterIncrements(scope, record));
      this.items.set(id, item);
    }
  }

  /** How many counter items there would be with `other`'s added. */
  sizeWithSums(other: CounterSums): number {
    let size = this.items.size;
    for (const id of other.items.keys()) if (!this.items.has(id)) size++;
    return size;
  }

  addSums(other: CounterSums): void {
    for (const [id, { key, increments }] of other.items) {
      const item = this.items.get(id) ?? { key, increments: new Map() };
      mergeIncrements(item.increments, increments);
      this.items.set(id, item);
    }
  }

  entries(): Array<{ key: CounterKey; increments: Increments }> {
    return [...this.items.values()];
  }
}

function idOf(key: CounterKey): string {
  return `${key.PK}\u0000${key.SK}`;
}
