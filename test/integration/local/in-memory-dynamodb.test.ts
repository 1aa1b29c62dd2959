import { ListTablesCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startInMemoryDynamoDb } from '../../../lib/local/in-memory-dynamodb.js';
import type { LocalDynamoDb } from '../../../lib/local/local-dynamodb.js';
import { ensureTable, LOCAL_TABLE_NAME } from '../../../lib/local/local-stack.js';
import { FEEDBACK_TABLE_KEYS } from '../../../lib/store/feedback-table.js';

// The emulator tests run with a shared DynamoDB Local (test/support/use-shared-dynamodb-local.ts): stacks
// started here share one server, as every in-memory stack of the run does.
const started: LocalDynamoDb[] = [];
async function start(): Promise<LocalDynamoDb> {
  const dynamodb = await startInMemoryDynamoDb();
  started.push(dynamodb);
  return dynamodb;
}

afterAll(async () => {
  await Promise.all(started.map((dynamodb) => dynamodb.stop().catch(() => undefined)));
});

const { partitionKey, sortKey } = FEEDBACK_TABLE_KEYS;
const item = (id: string) => ({ [partitionKey]: { S: id }, [sortKey]: { S: 'feedback' } });

describe('in-memory stacks on a shared DynamoDB Local', () => {
  it('each sees only its own table of the same name', async () => {
    const [first, second] = [await start(), await start()];
    expect(first.endpoint).toBe(second.endpoint);
    await Promise.all([ensureTable(first, LOCAL_TABLE_NAME), ensureTable(second, LOCAL_TABLE_NAME)]);
    await first.client.send(new PutItemCommand({ TableName: LOCAL_TABLE_NAME, Item: item('only-in-first') }));

    const scan = (dynamodb: LocalDynamoDb) =>
      dynamodb.client.send(new ScanCommand({ TableName: LOCAL_TABLE_NAME }));
    expect((await scan(first)).Items?.map((stored) => stored[partitionKey]?.S)).toEqual(['only-in-first']);
    expect((await scan(second)).Items).toEqual([]);
  });

  it('stopping a stack leaves the server and the other stacks tables up', async () => {
    const [leaving, staying] = [await start(), await start()];
    await Promise.all([ensureTable(leaving, LOCAL_TABLE_NAME), ensureTable(staying, LOCAL_TABLE_NAME)]);
    await staying.client.send(new PutItemCommand({ TableName: LOCAL_TABLE_NAME, Item: item('kept') }));
    await leaving.stop();
    const { TableNames } = await staying.client.send(new ListTablesCommand({}));
    expect(TableNames).toEqual([LOCAL_TABLE_NAME]);
    const { Items } = await staying.client.send(new ScanCommand({ TableName: LOCAL_TABLE_NAME }));
    expect(Items?.map((stored) => stored[partitionKey]?.S)).toEqual(['kept']);
  });

  it('refuses to restart a shared server, which would take every other stack down', async () => {
    const dynamodb = await start();
    await expect(dynamodb.restart()).rejects.toThrow(/does not restart/);
  });
});
