import { type NativeAttributeValue, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StoreTable } from './store-table.js';

/** Every item a Query matches, page after page (a page holds at most 1 MB). */
export async function queryAllItems(
  table: StoreTable,
  input: QueryCommandInput,
): Promise<Record<string, NativeAttributeValue>[]> {
  const items: Record<string, NativeAttributeValue>[] = [];
  for await (const page of paginateQuery({ client: table.documents }, input))
    items.push(...(page.Items ?? []));
  return items;
}

/** How many items a Query matches (after its filter), counted by DynamoDB without returning them. */
export async function countAllItems(table: StoreTable, input: QueryCommandInput): Promise<number> {
  let count = 0;
  for await (const page of paginateQuery({ client: table.documents }, { ...input, Select: 'COUNT' })) {
    count += page.Count ?? 0;
  }
  return count;
}
