import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { AnalyzeOptions } from '../../lib/analysis/analyze-feedback.js';
import { type IngestOutcome, ingestFeedback } from '../../lib/ingest/ingest-feedback.js';
import type { FeedbackStore } from '../../lib/store/feedback-store.js';

export interface IngestHandlerDependencies {
  store: FeedbackStore;
  logger: Logger;
  /** CloudWatch metrics in AWS; left out locally, where the CLI prints its own counts. */
  metrics?: Metrics;
  analyzeOptions?: AnalyzeOptions;
  /** Clock for `receivedAt`; tests pin it. */
  now?: () => Date;
  /** Told every record's outcome: the local stack counts them for its summary. */
  onOutcome?: (outcome: IngestOutcome) => void;
}

const METRIC_NAMES = {
  stored: 'FeedbackStored',
  duplicate: 'FeedbackDuplicate',
  rejected: 'FeedbackRejected',
  duplicate_reject: 'FeedbackRejectDuplicate',
} as const;

/**
 * The SQS-triggered ingest Lambda: each record is ingested on its own and only records that failed for
 * a reason worth retrying are reported back (partial batch response), so one bad record never blocks
 * or replays the others. Records run one after another: they share counter items, and concurrent
 * transactions on one item conflict.
 */
export function createIngestHandler(dependencies: IngestHandlerDependencies) {
  const { store, logger, metrics, analyzeOptions, onOutcome, now = () => new Date() } = dependencies;

  const handleRecord = async (record: SQSRecord) => {
    const outcome = await ingestFeedback(record.body, {
      store,
      receivedAt: now().toISOString(),
      sourceMessageId: record.messageId,
      ...(analyzeOptions && { analyzeOptions }),
    });
    metrics?.addMetric(METRIC_NAMES[outcome.outcome], MetricUnit.Count, 1);
    onOutcome?.(outcome);
    if (outcome.outcome === 'rejected') {
      // Reasons only: the body may hold personal data and is kept (redacted) in the table, not the logs.
      logger.warn('feedback rejected', {
        messageId: record.messageId,
        reason: outcome.reason,
        issues: outcome.issues,
      });
    }
    return outcome;
  };

  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    const processor = new BatchProcessor(EventType.SQS);
    try {
      const response = await processPartialResponse(event, handleRecord, processor, {
        ...(context && { context }),
        // Report a wholly failed batch item by item too: the queue retries each, same as a throw.
        throwOnFullBatchFailure: false,
      });
      processor.errors.forEach((error, i) => {
        const record = processor.failureMessages[i] as SQSRecord | undefined;
        logger.error('feedback will be retried', { messageId: record?.messageId, error: error.message });
      });
      return { batchItemFailures: response.batchItemFailures };
    } finally {
      metrics?.publishStoredMetrics();
    }
  };
}
