import { Logger } from '@aws-lambda-powertools/logger';
import { createApiHandler } from '../../functions/api/api-router.js';
import { createIngestHandler } from '../../functions/ingest/ingest-handler.js';
import { type LocalApiServer, startLocalApiServer } from '../../lib/local/local-api-server.js';
import { type LocalStack, startLocalStack } from '../../lib/local/local-stack.js';
import { FOLLOW_UP_ANY_AGE } from './any-age.js';
import { callLocalApi, type Json } from './call-local-api.js';
import { sqsEvent } from './sqs-event.js';

/**
 * A local stack (follow-ups at any age) holding `bodies`, ingested by the real ingest handler in SQS
 * batches of 10 as if received at `receivedAt`: the known data an API or report test starts from.
 * A body the schema refuses is stored as a reject, as in production; a batch failure stops the test.
 */
export async function startSeededLocalStack(
  bodies: readonly string[],
  receivedAt = '2026-06-01T08:00:00Z',
): Promise<LocalStack> {
  const stack = await startLocalStack(FOLLOW_UP_ANY_AGE);
  const ingest = createIngestHandler({
    store: stack.store,
    logger: new Logger({ logLevel: 'SILENT' }),
    now: () => new Date(receivedAt),
  });
  for (let i = 0; i < bodies.length; i += 10) {
    const { batchItemFailures } = await ingest(sqsEvent(bodies.slice(i, i + 10)));
    if (batchItemFailures.length > 0) {
      await stack.stop();
      throw new Error(`seeding the local stack failed for ${batchItemFailures.length} messages`);
    }
  }
  return stack;
}

export interface SeededApi {
  stack: LocalStack;
  api: LocalApiServer;
  /** A JSON request to the API, as `actor` (the local server's user otherwise). */
  call(method: string, path: string, body?: unknown, actor?: string): Promise<{ status: number; body: Json }>;
  stop(): Promise<void>;
}

/** A seeded local stack with the follow-up API served over HTTP in front of it, its clock at `now()`. */
export async function startSeededApi(bodies: readonly string[], now: () => Date): Promise<SeededApi> {
  const stack = await startSeededLocalStack(bodies);
  const api = await startLocalApiServer(createApiHandler({ store: stack.store, now }));
  return {
    stack,
    api,
    call: (method, path, body, actor) => callLocalApi(api.url, method, path, body, actor),
    stop: async () => {
      await api.stop();
      await stack.stop();
    },
  };
}
