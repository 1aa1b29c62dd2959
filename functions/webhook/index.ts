import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import { WebhookQueueError } from '../../lib/webhooks/webhook-errors.js';
import { webhookMappingsSchema } from '../../lib/webhooks/webhook-settings.js';
import { webhookSourceSchema } from '../../lib/webhooks/webhook-source.js';
import { traced } from '../tracer.js';
import { createSecretSettings } from './secret-settings.js';
import { createWebhookHandler } from './webhook-handler.js';

/** Set by infra/constructs/webhook-ingest.ts; a wrong value fails the cold start loudly. */
const environment = z
  .object({
    QUEUE_URL: z.url(),
    /** Source -> Secrets Manager secret name, JSON. */
    WEBHOOK_SECRET_NAMES: z
      .string()
      .transform((text) => z.partialRecord(webhookSourceSchema, z.string()).parse(JSON.parse(text))),
    WEBHOOK_MAPPINGS: z
      .string()
      .default('{}')
      .transform((text) => webhookMappingsSchema.parse(JSON.parse(text))),
    /** Seconds a secret is cached, so a rotated secret is picked up without a deploy. */
    SECRET_CACHE_SECONDS: z.coerce.number().int().min(0).default(300),
  })
  .parse(process.env);

const sqs = traced(new SQSClient({}));
/** Secrets read through a traced client (the default provider's client is not traced). */
const secrets = new SecretsProvider({ awsSdkV3Client: traced(new SecretsManagerClient({})) });

/** Lambda entry point behind the webhook routes of the HTTP API. */
export const handler = createWebhookHandler({
  settingsFor: createSecretSettings({
    secretNames: environment.WEBHOOK_SECRET_NAMES,
    mappings: environment.WEBHOOK_MAPPINGS,
    getSecret: async (name) =>
      ((await secrets.get(name, { maxAge: environment.SECRET_CACHE_SECONDS })) as string | undefined) ??
      undefined,
  }),
  enqueue: async (message) => {
    const sent = await sendFeedback(sqs, environment.QUEUE_URL, [message]);
    if (sent.sent !== 1) throw new WebhookQueueError(sent.failed[0]?.reason ?? 'not sent');
  },
  logger: new Logger({ serviceName: 'closeloop-webhook' }),
  metrics: new Metrics({ namespace: 'closeloop', serviceName: 'closeloop-webhook' }),
});
