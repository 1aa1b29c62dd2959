import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { EXPIRES_AT_ATTRIBUTE, FEEDBACK_TABLE_KEYS } from '../../lib/store/feedback-table.js';

/**
 * The single feedback table (docs/table-design.md): on-demand, point-in-time recovery, a stream for
 * alerts, TTL for retention, and in production deletion protection and RETAIN.
 */
export class FeedbackTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: { production: boolean }) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      // The same keys as the store and the local table: one definition in lib/store/feedback-table.ts.
      partitionKey: { name: FEEDBACK_TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: FEEDBACK_TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      dynamoStream: StreamViewType.NEW_IMAGE,
      timeToLiveAttribute: EXPIRES_AT_ATTRIBUTE,
      deletionProtection: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: FEEDBACK_TABLE_KEYS.indexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
    });
  }
}
