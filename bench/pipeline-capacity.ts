import { type AttributeValue, BatchGetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Write units of the run, by operation. */
export interface WriteUnits {
  total: number;
  byOperation: Map<string, { calls: number; units: number }>;
}

const SINGLE_WRITES = new Set([
  'BatchWriteItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
]);

type Item = Record<string, AttributeValue>;
type TransactItem = {
  Put?: { Item?: Item };
  Update?: { Key?: Item; TableName?: string };
  Delete?: { Key?: Item };
  ConditionCheck?: { Key?: Item };
};

/**
 * The write units of every write, as on-demand DynamoDB bills them. Single writes (PutItem, UpdateItem,
 * DeleteItem, BatchWriteItem) are asked with ReturnConsumedCapacity: TOTAL and DynamoDB Local's answer
 * is summed. Its answer for TransactWriteItems is wrong (10 Puts of 500 B report 2 units, not 20: it
 * appears to add each distinct per-item figure once), so a transaction is summed item by item by the
 * documented rule, 2 units per started KB of each item: a Put at the size it writes, an Update at its
 * item's size after the write (read back, consistent, after the transaction), a Delete or
 * ConditionCheck at the size of the item it names when this run wrote it (else 1 KB). A write cancelled
 * by its condition is billed by AWS but reported by neither; none happen in a run without duplicates.
 */
export function measureWriteUnits(client: DynamoDBClient): WriteUnits {
  const units: WriteUnits = { total: 0, byOperation: new Map() };
  const knownSizes = new Map<string, number>();
  const add = (operation: string, amount: number) => {
    const entry = units.byOperation.get(operation) ?? { calls: 0, units: 0 };
    entry.calls++;
    entry.units += amount;
    units.byOperation.set(operation, entry);
    units.total += amount;
  };
  // Asked for before the document client marshals the input; read after, in the build step.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (SINGLE_WRITES.has(String(context.commandName))) {
        (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      }
      return next(args);
    },
    { step: 'initialize', name: 'askWriteUnits' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? '');
      const input = args.input as { TransactItems?: TransactItem[] };
      if (SINGLE_WRITES.has(name)) {
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Array<{
          CapacityUnits?: number;
        }>;
        add(
          name.replace(/Command$/, ''),
          list.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0),
        );
        return result;
      }
      if (name !== 'TransactWriteItemsCommand') return next(args);
      const result = await next(args);
      let transactionUnits = 0;
      const updated: Array<{ table: string; key: Item }> = [];
      for (const item of input.TransactItems ?? []) {
        if (item.Put?.Item) {
          const size = itemSize(item.Put.Item);
          knownSizes.set(keyOf(item.Put.Item), size);
          transactionUnits += 2 * Math.ceil(size / 1024);
        } else if (item.Update?.Key) {
          updated.push({ table: item.Update.TableName ?? '', key: item.Update.Key });
        } else {
          const key = item.Delete?.Key ?? item.ConditionCheck?.Key;
          transactionUnits += 2 * Math.ceil((knownSizes.get(key ? keyOf(key) : '') ?? 1024) / 1024);
        }
      }
      for (let i = 0; i < updated.length; i += 100) {
        const chunk = updated.slice(i, i + 100);
        const table = chunk[0]?.table ?? '';
        const { Responses = {} } = await client.send(
          new BatchGetItemCommand({
            RequestItems: { [table]: { Keys: chunk.map(({ key }) => key), ConsistentRead: true } },
          }),
        );
        for (const found of Responses[table] ?? []) {
          const size = itemSize(found);
          knownSizes.set(keyOf(found), size);
          transactionUnits += 2 * Math.ceil(size / 1024);
        }
      }
      add('TransactWriteItems', transactionUnits);
      return result;
    },
    { step: 'build', name: 'measureWriteUnits' },
  );
  return units;
}

function keyOf(item: Item): string {
  return `${item.PK?.S}\u0000${item.SK?.S}`;
}

/**
 * An item's size as DynamoDB counts it: per attribute its name's UTF-8 bytes plus its value's size
 * (strings and binaries their bytes, numbers about one byte per two digits plus one, a list or map
 * 3 bytes plus 1 per element plus its elements, a set its members).
 */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined) size += Buffer.byteLength(name) + valueSize(value);
  }
  return size;
}

function valueSize(value: AttributeValue | undefined): number {
  if (value === undefined) return 0;
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((sum, member) => sum + Buffer.byteLength(member), 0);
  if (value.NS) return value.NS.reduce((sum, member) => sum + numberSize(member), 0);
  if (value.BS) return value.BS.reduce((sum, member) => sum + member.length, 0);
  if (value.L) return 3 + value.L.reduce((sum, element) => sum + 1 + valueSize(element), 0);
  if (value.M) {
    return (
      3 +
      Object.entries(value.M).reduce(
        (sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueSize(element),
        0,
      )
    );
  }
  return 0;
}

function numberSize(number: string): number {
  const digits = number.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}
