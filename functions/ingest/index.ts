import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { loadTaxonomy } from '../../lib/analysis/themes/theme-taxonomy.js';
import { DynamoDbFeedbackStore } from '../../lib/store/dynamodb-feedback-store.js';
import { DEFAULT_FOLLOW_UP_MAX_AGE_DAYS } from '../../lib/store/follow-up-window.js';
import { traced } from '../tracer.js';
import { createIngestHandler } from './ingest-handler.js';

/** The function's configuration, set by the CDK stack; a wrong value fails the cold start loudly. */
const environmentSchema = z.object({
  TABLE_NAME: z.string().min(3),
  RETENTION_DAYS: z.coerce.number().int().positive().optional(),
  FOLLOW_UP_SLA_HOURS: z.coerce.number().int().positive().default(48),
  FOLLOW_UP_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(DEFAULT_FOLLOW_UP_MAX_AGE_DAYS),
  /** An account's own taxonomy file, shipped next to the bundle. */
  TAXONOMY_FILE: z.string().min(1).optional(),
});

const environment = environmentSchema.parse(process.env);
const taxonomy = environment.TAXONOMY_FILE
  ? loadTaxonomy(JSON.parse(readFileSync(new URL(environment.TAXONOMY_FILE, import.meta.url), 'utf8')))
  : undefined;

/** Lambda entry point: SQS event source mapping with ReportBatchItemFailures. */
export const handler = createIngestHandler({
  store: new DynamoDbFeedbackStore(traced(new DynamoDBClient({})), {
    tableName: environment.TABLE_NAME,
    ...(environment.RETENTION_DAYS && { retentionDays: environment.RETENTION_DAYS }),
    followUpSlaHours: environment.FOLLOW_UP_SLA_HOURS,
    followUpMaxAgeDays: environment.FOLLOW_UP_MAX_AGE_DAYS,
  }),
  ...(taxonomy && { analyzeOptions: { taxonomy } }),
  logger: new Logger({ serviceName: 'closeloop-ingest' }),
  metrics: new Metrics({ namespace: 'closeloop', serviceName: 'closeloop-ingest' }),
});
