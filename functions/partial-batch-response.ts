import { BatchProcessor, type EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { redactPii } from '../lib/analysis/privacy/redact-pii.js';

/**
 * Runs `handleRecord` on every record of an SQS or DynamoDB-stream event with Powertools' batch
 * processor and answers with the records to retry. A wholly failed batch is reported record by
 * record too (the source retries each, the same as a throw); each failure is logged; metrics are
 * flushed whatever happens.
 */
export async function partialBatchResponse<TRecord>(
  eventType: (typeof EventType)[keyof typeof EventType],
  event: { Records: TRecord[] },
  handleRecord: (record: TRecord) => Promise<unknown>,
  options: {
    context: Context | undefined;
    logger: Logger;
    metrics: Metrics | undefined;
    failureMessage: string;
    /** What to log of a failed record besides the error (never its body). */
    describe?: (record: TRecord) => Record<string, unknown>;
  },
): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }> {
  const processor = new BatchProcessor(eventType);
  try {
    const response = await processPartialResponse(event as never, handleRecord, processor, {
      ...(options.context && { context: options.context }),
      throwOnFullBatchFailure: false,
    });
    processor.errors.forEach((error, i) => {
      const record = processor.failureMessages[i] as TRecord | undefined;
      options.logger.error(options.failureMessage, {
        ...(record && options.describe?.(record)),
        // Error messages can quote what a record held (a value DynamoDB refused): through the gate.
        error: `${error.name}: ${redactPii(error.message)}`,
      });
    });
    return { batchItemFailures: response.batchItemFailures };
  } finally {
    options.metrics?.publishStoredMetrics();
  }
}
