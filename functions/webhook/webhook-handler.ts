import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handleWebhook, type IngestWebhookDependencies } from '../../lib/webhooks/ingest-webhook.js';
import { quotedVendorValue } from '../../lib/webhooks/mapped-feedback.js';
import { WebhookError } from '../../lib/webhooks/webhook-errors.js';
import type { WebhookRequest } from '../../lib/webhooks/webhook-source.js';

export interface WebhookHandlerDependencies extends IngestWebhookDependencies {
  logger: Logger;
  metrics?: Metrics;
}

/** The delivery as API Gateway (HTTP API, payload 2.0) hands it over: header names are already lower case. */
export function toWebhookRequest(event: APIGatewayProxyEventV2): WebhookRequest {
  return {
    source: event.pathParameters?.source ?? '',
    headers: event.headers ?? {},
    rawBody: Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8'),
    query: event.queryStringParameters ?? {},
  };
}

/**
 * `POST /ingest/{source}` behind API Gateway: translates the event, calls {@link handleWebhook}, and logs
 * and counts the outcome (never the body: it holds customers' words and personal data).
 */
export function createWebhookHandler(dependencies: WebhookHandlerDependencies) {
  const { logger, metrics } = dependencies;
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const answer = await handleWebhook(toWebhookRequest(event), dependencies);
    const { result } = answer;
    if (result instanceof WebhookError) {
      logger.warn('webhook refused', {
        source: quotedVendorValue(event.pathParameters?.source ?? '', 40),
        status: answer.status,
        reason: result.name,
        detail: result.status === 422 ? undefined : result.message,
      });
      if (answer.status === 401) metrics?.addMetric('WebhookUnauthorized', MetricUnit.Count, 1);
      else metrics?.addMetric('WebhookRefused', MetricUnit.Count, 1);
    } else {
      logger.info(`webhook ${result.outcome}`, {
        source: result.source,
        ...(result.outcome === 'queued' ? { id: result.id } : { reason: result.reason }),
      });
      metrics?.addMetric(
        result.outcome === 'queued' ? 'WebhookQueued' : 'WebhookIgnored',
        MetricUnit.Count,
        1,
      );
    }
    metrics?.publishStoredMetrics();
    return {
      statusCode: answer.status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answer.body),
    };
  };
}
