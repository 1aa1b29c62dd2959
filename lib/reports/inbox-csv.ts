import * as z from 'zod';
import { compareInboxRows, type InboxQuery, type InboxRow, inboxQuerySchema } from '../followup/inbox.js';
import { InvalidCursorError } from '../store/page-cursor.js';
import { type CsvPage, csvLine, exportFileName, fillCsvPage } from './csv-writer.js';

const COLUMNS = [
  'id',
  'status',
  'priority',
  'score',
  'band',
  'owner',
  'dueAt',
  'overdue',
  'department',
  'team',
  'agent',
  'product',
  'channel',
  'themes',
  'submittedAt',
  'redactedText',
] as const;

/** An inbox view to export: the inbox's view, sort and filters, and where the last page ended. */
export const inboxExportQuerySchema = inboxQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ cursor: z.string().max(400).optional() });

export type InboxExportQuery = z.infer<typeof inboxExportQuerySchema>;

/**
 * Where a page ended: the last row's place in the view's order (not an offset, so a follow-up that
 * leaves or joins the view between two pages neither repeats a row nor skips one that stayed).
 */
const positionSchema = z.strictObject({
  priority: z.number().int().min(0).max(100),
  submittedAt: z.string().max(40),
  id: z.string().min(1).max(200),
});
type Position = z.infer<typeof positionSchema>;

function encodePosition({ priority, submittedAt, id }: Position): string {
  return Buffer.from(JSON.stringify({ priority, submittedAt, id })).toString('base64url');
}

function decodePosition(cursor: string): Position {
  try {
    return positionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidCursorError();
  }
}

/** One inbox row as CSV: redacted text only, never the raw comment. */
export function inboxCsvLine(row: InboxRow): string {
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    ...row,
    department: row.segment.department,
    team: row.segment.team,
    agent: row.segment.agent,
    product: row.segment.product,
    themes: row.themes.join(' '),
  };
  return csvLine(COLUMNS.map((column) => values[column]));
}

/**
 * One page of an inbox view's export, `rows` being the whole view in its order: the first page has
 * the BOM and the header; each page holds whole rows up to the byte budget, and a cursor when more follow.
 */
export function inboxCsvPage(
  rows: readonly InboxRow[],
  query: Pick<InboxExportQuery, 'sort' | 'cursor'>,
  budgetBytes?: number,
): CsvPage {
  const compare = compareInboxRows(query.sort);
  const after = query.cursor ? decodePosition(query.cursor) : undefined;
  const rest = after ? rows.filter((row) => compare(row, after) > 0) : rows;
  const { csv, taken } = fillCsvPage(
    after ? undefined : COLUMNS,
    rest.map((row) => inboxCsvLine(row)),
    budgetBytes,
  );
  const last = rest[taken - 1];
  return { csv, ...(taken < rest.length && last && { cursor: encodePosition(last) }) };
}

/** The export's file name with the view and its filters: `closeloop-inbox-open-department-Care.csv`. */
export function inboxExportFileName(query: Omit<InboxQuery, 'page' | 'pageSize'>): string {
  const filters = (['department', 'team', 'agent', 'product', 'theme', 'channel', 'band', 'owner'] as const)
    .filter((key) => query[key])
    .flatMap((key) => [key, query[key]]);
  return exportFileName([
    'inbox',
    query.view,
    ...filters,
    ...(query.overdue ? ['overdue', query.overdue] : []),
    ...(query.q ? ['search', query.q] : []),
  ]);
}
