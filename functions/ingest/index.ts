import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { DynamoDbFeedbackStore } from '../../lib/store/dynamodb-feedback-store.js';
import { createIngestHandler } from './ingest-handler.js';

/** The function's configuration, set by the CDK stack; a wrong value fails the cold start loudly. */
const environmentSchema = z.object({
  TABLE_NAME: z.string().min(3),
  RETENTION_DAYS: z.coerce.number().int().positive().optional(),
});

const environment = environmentSchema.parse(process.env);

/** Lambda entry point: SQS event source mapping with ReportBatchItemFailures. */
export const handler = createIngestHandler({
  store: new DynamoDbFeedbackStore(new DynamoDBClient({}), {
    tableName: environment.TABLE_NAME,
    ...(environment.RETENTION_DAYS && { retentionDays: environment.RETENTION_DAYS }),
  }),
  logger: new Logger({ serviceName: 'closeloop-ingest' }),
  metrics: new Metrics({ namespace: 'closeloop', serviceName: 'closeloop-ingest' }),
});
