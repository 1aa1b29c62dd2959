import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

const MAX_ENTRIES = 10;
const MAX_BATCH_BYTES = 256 * 1024;
const MAX_ATTEMPTS = 5;

/**
 * Puts message bodies back on a queue exactly as they were first sent (a bad message must come back
 * bad, to be rejected again with its reason): batches of 10 within SQS's 256 KiB, failed entries retried.
 */
export async function replayMessages(
  client: SQSClient,
  queueUrl: string,
  bodies: readonly string[],
): Promise<void> {
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { Failed = [] } = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: pending.map((body, index) => ({ Id: String(index), MessageBody: body })),
        }),
      );
      if (Failed.length > 0 && attempt >= MAX_ATTEMPTS) {
        throw new Error(`could not replay ${Failed.length} journaled messages: ${Failed[0]?.Message ?? ''}`);
      }
      pending = Failed.map((failure) => pending[Number(failure.Id)] as string);
    }
    batch = [];
    bytes = 0;
  };
  for (const body of bodies) {
    const size = Buffer.byteLength(body, 'utf8');
    if (batch.length === MAX_ENTRIES || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) await flush();
    batch.push(body);
    bytes += size;
  }
  if (batch.length > 0) await flush();
}
