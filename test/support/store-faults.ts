import type { FeedbackStore, FeedbackToStore } from '../../lib/store/feedback-store.js';

type StoreBatch = FeedbackStore['storeFeedbackBatch'];

/**
 * The real store with its batch write wrapped: `write` gets the entries and the real write, and
 * decides what happens (fail some, fail all, write half and crash). Everything else is untouched.
 */
export function withBatchWrite(
  store: FeedbackStore,
  write: (entries: FeedbackToStore[], realWrite: StoreBatch) => ReturnType<StoreBatch>,
): FeedbackStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'storeFeedbackBatch') return Reflect.get(target, property, receiver);
      return (entries: FeedbackToStore[]) => write(entries, (batch) => target.storeFeedbackBatch(batch));
    },
  });
}
