import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { alertRoutingSchema } from '../../lib/alerts/detractor-alert.js';
import { DynamoDbFeedbackStore } from '../../lib/store/dynamodb-feedback-store.js';
import { traced } from '../tracer.js';
import { createAlertHandler } from './alert-handler.js';
import { awsAlertPublisher } from './aws-alert-publisher.js';

const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text) => JSON.parse(text))
    .pipe(schema);

/** Set by the CDK stack: topic ARNs by routing name, the bus, and the account's routing rules. */
const environmentSchema = z.object({
  TABLE_NAME: z.string().min(3),
  ALERT_TOPIC_ARNS: json(z.record(z.string(), z.string().startsWith('arn:'))),
  ALERT_ROUTING: json(alertRoutingSchema),
  EVENT_BUS_NAME: z.string().min(1).default('default'),
});

const environment = environmentSchema.parse(process.env);

/** Lambda entry point: DynamoDB stream of the feedback table, filtered to new follow-up records. */
export const handler = createAlertHandler({
  store: new DynamoDbFeedbackStore(traced(new DynamoDBClient({})), { tableName: environment.TABLE_NAME }),
  publisher: awsAlertPublisher(environment.ALERT_TOPIC_ARNS, environment.EVENT_BUS_NAME),
  routing: environment.ALERT_ROUTING,
  logger: new Logger({ serviceName: 'closeloop-alert' }),
  metrics: new Metrics({ namespace: 'closeloop', serviceName: 'closeloop-alert' }),
});
