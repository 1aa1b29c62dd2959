import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  EXPIRES_AT_ATTRIBUTE,
  FOLLOW_UP_DEPARTMENT_INDEX,
  FOLLOW_UP_INDEX,
} from '../../lib/store/feedback-table.js';

/**
 * The single feedback table (docs/table-design.md): on-demand, point-in-time recovery, a stream for
 * alerts, TTL for retention, and in production deletion protection and RETAIN.
 */
export class FeedbackTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: { production: boolean }) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      dynamoStream: StreamViewType.NEW_IMAGE,
      timeToLiveAttribute: EXPIRES_AT_ATTRIBUTE,
      deletionProtection: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        {
          indexName: FOLLOW_UP_INDEX,
          partitionKey: { name: 'FU_PK', type: AttributeType.STRING },
          sortKey: { name: 'FU_SK', type: AttributeType.STRING },
        },
        {
          indexName: FOLLOW_UP_DEPARTMENT_INDEX,
          partitionKey: { name: 'FU_DEPT_PK', type: AttributeType.STRING },
          sortKey: { name: 'FU_SK', type: AttributeType.STRING },
        },
      ],
    });
  }
}
