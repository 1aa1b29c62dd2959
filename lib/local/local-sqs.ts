import { setTimeout as sleep } from 'node:timers/promises';
import { SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';
import * as z from 'zod';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-dynamodb.js';
import type { QueueJournal } from './queue-journal.js';

export interface LocalSqs {
  endpoint: string;
  client: SQSClient;
  /** Messages the feedback queue accepted since start (SendMessage and SendMessageBatch entries). */
  readonly accepted: number;
  stop(): Promise<void>;
  /**
   * Takes the endpoint away for `downMs` (every connection dropped, new ones refused), then listens
   * again on the same port with the same queues: what a consumer sees when SQS is unreachable for a while.
   */
  restart(downMs?: number): Promise<void>;
}

export interface LocalSqsOptions {
  /** The queue whose accepted messages are counted (and journaled, with `journal`). */
  feedbackQueueName?: string;
  /** Journal every message that queue accepts before the sender hears it was sent (see QueueJournal). */
  journal?: QueueJournal;
}

/**
 * Starts the fauxqs SQS emulator inside this process on a free loopback port. `buildApp` rather than
 * `startFauxqs`, because the latter always listens on every interface.
 */
export async function startLocalSqs(options: LocalSqsOptions = {}): Promise<LocalSqs> {
  const app = buildApp({ logger: false, defaultRegion: LOCAL_REGION });
  const counter = { accepted: 0 };
  if (options.feedbackQueueName) {
    recordSends(app, options.feedbackQueueName, (messages) => {
      options.journal?.accepted(messages);
      counter.accepted += messages.length;
    });
  }
  const endpoint = await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(endpoint);
  const client = new SQSClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  return {
    endpoint,
    client,
    get accepted() {
      return counter.accepted;
    },
    stop: async () => {
      client.destroy();
      await app.close();
    },
    // The emulator keeps its queues in this process's memory, so a restart of the process would lose
    // them, which SQS never does. Closing the listener instead keeps the queues, as a durable service would.
    restart: async (downMs = 1_000) => {
      const closed = new Promise((resolve) => app.server.close(resolve));
      app.server.closeAllConnections();
      await closed;
      await sleep(downMs);
      await new Promise<void>((resolve, reject) => {
        app.server.once('error', reject);
        app.server.listen(Number(port), '127.0.0.1', () => {
          app.server.off('error', reject);
          resolve();
        });
      });
    },
  };
}

const sendRequestSchema = z.object({
  QueueUrl: z.string(),
  MessageBody: z.string().optional(),
  Entries: z.array(z.object({ Id: z.string(), MessageBody: z.string() })).optional(),
});
const sendResponseSchema = z.object({
  MessageId: z.string().optional(),
  Successful: z.array(z.object({ Id: z.string(), MessageId: z.string() })).optional(),
});

type Accepted = Array<{ messageId: string; body: string }>;

/**
 * Hands what the queue accepted to `record` in the moment between the emulator accepting a
 * SendMessage(Batch) and the response leaving: with a journal, once a sender is told "sent", the
 * message is on disk. A journal write that fails makes the send fail, so the sender knows.
 */
function recordSends(
  app: ReturnType<typeof buildApp>,
  queueName: string,
  record: (messages: Accepted) => void,
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (reply.statusCode !== 200 || !/\.SendMessage(Batch)?$/.test(target)) return payload;
    const sent = sendRequestSchema.safeParse(request.body);
    if (!sent.success || sent.data.QueueUrl.split('/').at(-1) !== queueName) return payload;
    const accepted = sendResponseSchema.parse(JSON.parse(String(payload)));
    if (accepted.MessageId !== undefined && sent.data.MessageBody !== undefined) {
      record([{ messageId: accepted.MessageId, body: sent.data.MessageBody }]);
    } else if (accepted.Successful && sent.data.Entries) {
      const bodies = new Map(sent.data.Entries.map((entry) => [entry.Id, entry.MessageBody]));
      record(
        accepted.Successful.map(({ Id, MessageId }) => ({
          messageId: MessageId,
          body: bodies.get(Id) ?? '',
        })),
      );
    }
    return payload;
  });
}
