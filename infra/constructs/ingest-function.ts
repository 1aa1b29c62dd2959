import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.js';
import { CloseloopFunction } from './closeloop-function.js';

export const INGEST_TIMEOUT = Duration.seconds(60);

export interface IngestFunctionProps {
  config: StageConfig;
  queue: Queue;
  table: TableV2;
}

/** The SQS-triggered ingest function: partial batch responses, bounded concurrency, write-only grants. */
export class IngestFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, { config, queue, table }: IngestFunctionProps) {
    super(scope, id);
    this.function = new CloseloopFunction(this, 'Ingest', {
      entry: 'ingest/index.ts',
      description: 'closeloop: validate, analyse and store feedback messages from SQS',
      timeout: INGEST_TIMEOUT,
      production: config.production,
      environment: {
        TABLE_NAME: table.tableName,
        FOLLOW_UP_SLA_HOURS: String(config.followUpSlaHours),
        FOLLOW_UP_MAX_AGE_DAYS: String(config.followUpMaxAgeDays),
        ...(config.retentionDays > 0 && { RETENTION_DAYS: String(config.retentionDays) }),
        ...(config.taxonomyFile && { TAXONOMY_FILE: './taxonomy.json' }),
        POWERTOOLS_SERVICE_NAME: 'closeloop-ingest',
      },
      ...(config.taxonomyFile && { extraFiles: { 'taxonomy.json': config.taxonomyFile } }),
    }).function;
    // Conditional puts, counter updates and their transactions (with a ConditionCheck on pending
    // counts); and consistent reads by key: a stored record for the update path, a pending-counts item
    // and its records when a crash left counts pending.
    table.grantWriteData(this.function);
    table.grant(this.function, 'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem');
    this.function.addEventSource(
      new SqsEventSource(queue, {
        batchSize: config.ingest.batchSize,
        maxBatchingWindow: Duration.seconds(config.ingest.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
        maxConcurrency: config.ingest.maxConcurrency,
      }),
    );
  }
}
