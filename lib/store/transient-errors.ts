import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransientStoreError } from './feedback-store.js';

const RETRYABLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
]);

/** Throttling, conflicts, timeouts: worth a retry, whether the call failed or its transaction was cancelled. */
export function isTransient(error: unknown): boolean {
  const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
  return (
    RETRYABLE_ERRORS.has((error as Error).name) || reasons.some((r) => r.Code && RETRYABLE_ERRORS.has(r.Code))
  );
}

/** The error a caller sees for a failed write: a {@link TransientStoreError} when a retry may succeed. */
export function storeWriteError(error: unknown): Error {
  return isTransient(error)
    ? new TransientStoreError(`DynamoDB write failed, will retry: ${(error as Error).name}`, { cause: error })
    : (error as Error);
}
