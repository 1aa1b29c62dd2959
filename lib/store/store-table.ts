import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EXPIRES_AT_ATTRIBUTE, KEY_ATTRIBUTE_NAMES } from './feedback-table.js';
import { PENDING_COUNTS_ATTRIBUTE } from './table-keys.js';

/** What every part of the DynamoDB store shares: the document client, the table and the retention. */
export interface StoreTable {
  readonly documents: DynamoDBDocumentClient;
  readonly name: string;
  /** Epoch seconds at which an item received at `receivedAt` expires (TTL); undefined without a retention. */
  expiresAt(receivedAt: string): number | undefined;
}

/** Attributes the table adds for keys, indexes, item type and TTL: not part of what a caller reads. */
const TABLE_ATTRIBUTES = new Set([
  ...KEY_ATTRIBUTE_NAMES,
  'type',
  EXPIRES_AT_ATTRIBUTE,
  PENDING_COUNTS_ATTRIBUTE,
]);

/** An item as the domain type it stores, without the table's own attributes. */
export function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !TABLE_ATTRIBUTES.has(key))) as T;
}
