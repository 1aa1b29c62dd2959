import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** Index names, shared by the store, the local stack and the CDK table construct. */
export const FOLLOW_UP_INDEX = 'FollowUpQueue';
export const FOLLOW_UP_DEPARTMENT_INDEX = 'FollowUpQueueByDepartment';
/** Epoch seconds after which DynamoDB's TTL deletes an item (set from the account's retention). */
export const EXPIRES_AT_ATTRIBUTE = 'expiresAt';

/** One secondary index: its name and key attributes (all strings). */
export interface FeedbackTableIndex {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/**
 * The keys of the table and its indexes, the one definition the store, the local emulator's table and
 * the CDK construct (infra/constructs/feedback-table.ts) are built from. Every key attribute is a string.
 */
export const FEEDBACK_TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Sparse: only records with a follow-up carry these keys (docs/table-design.md, "Indexes"). */
  indexes: [
    { indexName: FOLLOW_UP_INDEX, partitionKey: 'FU_PK', sortKey: 'FU_SK' },
    { indexName: FOLLOW_UP_DEPARTMENT_INDEX, partitionKey: 'FU_DEPT_PK', sortKey: 'FU_SK' },
  ],
} as const satisfies {
  partitionKey: string;
  sortKey: string;
  indexes: readonly FeedbackTableIndex[];
};

/** Every attribute that is part of a key of the table or of an index. */
export const KEY_ATTRIBUTE_NAMES: readonly string[] = [
  ...new Set([
    FEEDBACK_TABLE_KEYS.partitionKey,
    FEEDBACK_TABLE_KEYS.sortKey,
    ...FEEDBACK_TABLE_KEYS.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]),
];

/**
 * The table definition for the local emulator. In AWS the CDK construct declares the same keys and
 * indexes from {@link FEEDBACK_TABLE_KEYS}, so tests exercise the production layout.
 */
export function feedbackTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: KEY_ATTRIBUTE_NAMES.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: FEEDBACK_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: FEEDBACK_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: FEEDBACK_TABLE_KEYS.indexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  };
}
