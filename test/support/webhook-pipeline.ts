import { createApiHandler } from '../../functions/api/api-router.js';
import { type LocalApiServer, startLocalApiServer } from '../../lib/local/local-api-server.js';
import { type LocalPipeline, startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { createLocalWebhookRoute } from '../../lib/local/local-webhook-route.js';
import type { WebhookSourceSettings } from '../../lib/webhooks/webhook-settings.js';
import type { WebhookSource } from '../../lib/webhooks/webhook-source.js';

export interface WebhookPipeline {
  pipeline: LocalPipeline;
  /** The local API server: `/ingest/{source}` for the webhooks, the follow-up API beside it. */
  api: LocalApiServer;
  stop(): Promise<void>;
}

/**
 * The local pipeline with the webhook route in front of its queue, as `serve-local` runs them: a
 * vendor's delivery goes through signature check, mapping and SQS to the ingest handler and the table.
 */
export async function startWebhookPipeline(
  settings: Partial<Record<WebhookSource, WebhookSourceSettings>>,
): Promise<WebhookPipeline> {
  const pipeline = await startLocalPipeline();
  const route = createLocalWebhookRoute({
    settings,
    sqs: pipeline.stack.sqs.client,
    queueUrl: pipeline.stack.queueUrl,
  });
  const api = await startLocalApiServer(createApiHandler({ store: pipeline.stack.store }), 0, {
    routes: [route],
  });
  return {
    pipeline,
    api,
    stop: async () => {
      await api.stop();
      await pipeline.stop();
    },
  };
}
