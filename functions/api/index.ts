import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { DynamoDbFeedbackStore } from '../../lib/store/dynamodb-feedback-store.js';
import { createApiRouter } from './api-router.js';

const environmentSchema = z.object({ TABLE_NAME: z.string().min(3) });
const environment = environmentSchema.parse(process.env);

const router = createApiRouter({
  store: new DynamoDbFeedbackStore(new DynamoDBClient({}), { tableName: environment.TABLE_NAME }),
  logger: new Logger({ serviceName: 'closeloop-api' }),
});

/** Lambda entry point behind the HTTP API (IAM auth). */
export const handler = (event: unknown, context: Context) => router.resolve(event, context);
