import { threadId } from 'node:worker_threads';
import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type LocalDynamoDb, startLocalDynamoDb } from './local-dynamodb.js';
import { LOCAL_REGION } from './local-names.js';

/**
 * DynamoDB Local for a stack that keeps no data. Each start runs its own JVM unless the process was
 * given a shared server (`useSharedDynamoDb`): then every in-memory stack gets a database of its own on
 * that server, told apart by its access key.
 *
 * Why share: a JVM start costs ~2.4 s of CPU and its first requests run on cold code. A test run starts
 * a dozen stacks; one server started once serves them all warm. A stack with data on disk always has
 * its own JVM (it is restarted, killed and read by other processes).
 */
let sharedEndpoint: string | undefined;
let databasesOpened = 0;

/** Later in-memory starts in this process use the DynamoDB Local at `endpoint` (started with `databasePerAccessKey`). */
export function useSharedDynamoDb(endpoint: string): void {
  sharedEndpoint = endpoint;
}

export async function startInMemoryDynamoDb(): Promise<LocalDynamoDb> {
  if (sharedEndpoint === undefined) return startLocalDynamoDb();
  databasesOpened++;
  // The access key names the database; DynamoDB Local accepts letters and digits in it.
  const credentials = {
    accessKeyId: `stack${process.pid}t${threadId}n${databasesOpened}`,
    secretAccessKey: 'local',
  };
  const client = new DynamoDBClient({ endpoint: sharedEndpoint, region: LOCAL_REGION, credentials });
  return {
    endpoint: sharedEndpoint,
    client,
    stop: async () => {
      await dropTables(client);
      client.destroy();
    },
    restart: () =>
      Promise.reject(
        new Error('a shared in-memory DynamoDB Local does not restart: give the stack a dataDir'),
      ),
  };
}

/** Frees the stack's database on the shared server, which outlives every stack. */
async function dropTables(client: DynamoDBClient): Promise<void> {
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  await Promise.all(TableNames.map((TableName) => client.send(new DeleteTableCommand({ TableName }))));
}
