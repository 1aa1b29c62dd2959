import { SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-dynamodb.js';

export interface LocalSqs {
  endpoint: string;
  client: SQSClient;
  stop(): Promise<void>;
  /**
   * Takes the endpoint away for `downMs` (every connection dropped, new ones refused), then listens
   * again on the same port with the same queues: what a consumer sees when SQS is unreachable for a while.
   */
  restart(downMs?: number): Promise<void>;
}

/**
 * Starts the fauxqs SQS emulator inside this process on a free loopback port. `buildApp` rather than
 * `startFauxqs`, because the latter always listens on every interface.
 */
export async function startLocalSqs(): Promise<LocalSqs> {
  const app = buildApp({ logger: false, defaultRegion: LOCAL_REGION });
  const endpoint = await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(endpoint);
  const client = new SQSClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  return {
    endpoint,
    client,
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
      await new Promise((resolve) => setTimeout(resolve, downMs));
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
