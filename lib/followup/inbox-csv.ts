import type { InboxRow } from './inbox.js';

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

/**
 * One CSV field. Quoted when needed; a leading `= + - @` (or tab/CR) gets a `'` so a spreadsheet
 * never runs a customer's comment as a formula.
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows of an inbox view as CSV: redacted text only, never the raw comment. */
export function inboxToCsv(rows: readonly InboxRow[]): string {
  const lines = rows.map((row) => {
    const values: Record<(typeof COLUMNS)[number], unknown> = {
      ...row,
      department: row.segment.department,
      team: row.segment.team,
      agent: row.segment.agent,
      product: row.segment.product,
      themes: row.themes.join(' '),
    };
    return COLUMNS.map((column) => csvField(values[column])).join(',');
  });
  return `${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
