import { EventType } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { AnalyzeOptions } from '../../lib/analysis/analyze-feedback.js';
import { type IngestOutcome, ingestFeedbackBatch } from '../../lib/ingest/ingest-feedback.js';
import type { FeedbackStore } from '../../lib/store/feedback-store.js';
import { partialBatchResponse } from '../partial-batch-response.js';

export interface IngestHandlerDependencies {
  store: FeedbackStore;
  logger: Logger;
  /** CloudWatch metrics in AWS; left out locally, where the CLI prints its own counts. */
  metrics?: Metrics;
  analyzeOptions?: AnalyzeOptions;
  /** Clock for `receivedAt`; tests pin it. */
  now?: () => Date;
  /** Told every record's outcome and queue message id: the local stack counts them for its summary. */
  onOutcome?: (outcome: IngestOutcome, messageId: string) => void;
}

const METRIC_NAMES = {
  stored: 'FeedbackStored',
  updated: 'FeedbackUpdated',
  duplicate: 'FeedbackDuplicate',
  rejected: 'FeedbackRejected',
  duplicate_reject: 'FeedbackRejectDuplicate',
} as const;

/**
 * The SQS-triggered ingest Lambda. The batch is analysed and stored in one go (few transactions for
 * many records); then Powertools' batch processor turns each record's result into the partial batch
 * response, so only records that failed for a reason worth retrying go back to the queue, and a bad
 * record never blocks or replays the others.
 */
export function createIngestHandler(dependencies: IngestHandlerDependencies) {
  const { store, logger, metrics, analyzeOptions, onOutcome, now = () => new Date() } = dependencies;

  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    const results = await ingestFeedbackBatch(
      event.Records.map((record) => ({ body: record.body, sourceMessageId: record.messageId })),
      { store, receivedAt: now().toISOString(), ...(analyzeOptions && { analyzeOptions }) },
    );
    const resultById = new Map(event.Records.map((record, i) => [record.messageId, results[i]]));

    const reportRecord = async (record: SQSRecord) => {
      const result = resultById.get(record.messageId);
      if (result === undefined || result instanceof Error) throw result ?? new Error('record not processed');
      metrics?.addMetric(METRIC_NAMES[result.outcome], MetricUnit.Count, 1);
      onOutcome?.(result, record.messageId);
      if (result.outcome === 'rejected') {
        // Reasons only: the body may hold personal data and is kept (redacted) in the table, not the logs.
        logger.warn('feedback rejected', {
          messageId: record.messageId,
          reason: result.reason,
          issues: result.issues,
        });
      }
      return result;
    };

    return partialBatchResponse(EventType.SQS, event, reportRecord, {
      context,
      logger,
      metrics,
      failureMessage: 'feedback will be retried',
      describe: (record) => ({ messageId: record.messageId }),
    });
  };
}
