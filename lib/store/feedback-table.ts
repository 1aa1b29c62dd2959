import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** Index names, shared by the store, the local stack and the CDK table construct. */
export const FOLLOW_UP_INDEX = 'FollowUpQueue';
export const FOLLOW_UP_DEPARTMENT_INDEX = 'FollowUpQueueByDepartment';
/** Epoch seconds after which DynamoDB's TTL deletes an item (set from the account's retention). */
export const EXPIRES_AT_ATTRIBUTE = 'expiresAt';

/**
 * The table definition. In AWS the CDK construct declares the same keys and indexes; locally the
 * emulator gets exactly this, so tests exercise the production layout.
 */
export function feedbackTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'PK', AttributeType: 'S' },
      { AttributeName: 'SK', AttributeType: 'S' },
      { AttributeName: 'FU_PK', AttributeType: 'S' },
      { AttributeName: 'FU_SK', AttributeType: 'S' },
      { AttributeName: 'FU_DEPT_PK', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: FOLLOW_UP_INDEX,
        KeySchema: [
          { AttributeName: 'FU_PK', KeyType: 'HASH' },
          { AttributeName: 'FU_SK', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: FOLLOW_UP_DEPARTMENT_INDEX,
        KeySchema: [
          { AttributeName: 'FU_DEPT_PK', KeyType: 'HASH' },
          { AttributeName: 'FU_SK', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  };
}
