import { EventType } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { deliverAlertOnce } from '../../lib/alerts/deliver-alert.js';
import {
  type AlertPublisher,
  type AlertRouting,
  type DetractorAlert,
  detractorAlertFor,
  routeAlert,
} from '../../lib/alerts/detractor-alert.js';
import type { FeedbackRecord, FeedbackStore } from '../../lib/store/feedback-store.js';
import { partialBatchResponse } from '../partial-batch-response.js';

export interface AlertHandlerDependencies {
  store: FeedbackStore;
  publisher: AlertPublisher;
  routing: AlertRouting;
  logger: Logger;
  metrics?: Metrics;
  now?: () => Date;
  /** Told of every alert sent (the local stack counts them). */
  onAlert?: (alert: DetractorAlert, topics: string[]) => void;
}

/**
 * The stream-triggered alert Lambda: for each newly stored feedback record that needs a follow-up,
 * publish one alert to its routed SNS topics and to EventBridge (a record replaced by a newer version of
 * the response counts as new). The event source filter in AWS passes only such INSERTs and MODIFYs; the handler checks again, so a wider filter cannot cause wrong alerts. Each id is
 * alerted once however often the stream delivers it; a failed publish is reported back and retried.
 */
export function createAlertHandler(dependencies: AlertHandlerDependencies) {
  const { store, publisher, routing, logger, metrics, onAlert, now = () => new Date() } = dependencies;

  const handleRecord = async (record: DynamoDBRecord) => {
    if (!record.dynamodb?.NewImage) return 'ignored';
    const item = unmarshall(record.dynamodb.NewImage as never) as FeedbackRecord & { type?: string };
    if (item.type !== 'feedback') return 'ignored';
    // A newer version of a response (revisedAt set) may newly need a follow-up: alerted like an insert,
    // once per id (the ledger), so a version that only changes the text of an alerted one sends nothing.
    const revised = record.eventName === 'MODIFY' && item.revisedAt !== undefined;
    if (record.eventName !== 'INSERT' && !revised) return 'ignored';
    const alert = detractorAlertFor(item);
    if (!alert) return 'ignored';
    const topics = routeAlert(alert, routing);
    if ((await deliverAlertOnce(alert, topics, { store, publisher, now })) === 'duplicate') {
      metrics?.addMetric('AlertDuplicateSkipped', MetricUnit.Count, 1);
      return 'duplicate';
    }
    metrics?.addMetric('AlertSent', MetricUnit.Count, 1);
    onAlert?.(alert, topics);
    logger.info('detractor alert sent', { id: alert.id, priority: alert.priority, topics });
    return 'sent';
  };

  return async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    return partialBatchResponse(EventType.DynamoDBStreams, event, handleRecord, {
      context,
      logger,
      metrics,
      failureMessage: 'alert will be retried',
    });
  };
}
