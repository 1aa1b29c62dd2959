import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export type InputFormat = 'jsonl' | 'csv';

/** One input record: its 1-based line number and either the parsed value or why it could not be read. */
export type FeedbackLine = { line: number; value: unknown } | { line: number; error: string };

const SEGMENT_COLUMNS = ['department', 'team', 'agent', 'product', 'region'] as const;
const TEXT_COLUMNS = ['id', 'text', 'scale', 'channel', 'customerId', 'submittedAt', 'locale'] as const;

/** Picks the format from the file name: .csv is CSV, anything else JSON Lines. */
export function formatFromPath(path: string | undefined): InputFormat {
  return path?.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl';
}

/** Reads JSON Lines one line at a time; blank lines are skipped, bad JSON is reported, not thrown. */
async function* readJsonLines(input: Readable): AsyncGenerator<FeedbackLine> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (raw.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(raw) };
    } catch (error) {
      yield { line, error: `invalid JSON: ${(error as Error).message}` };
    }
  }
}

/**
 * Turns a CSV row into a feedback message: empty cells are left out, `score` becomes a number (a
 * non-numeric score stays a string so validation names it), segment columns go under `segment`,
 * and a row with no id gets `line-<n>`.
 */
export function csvRowToMessage(row: Record<string, string>, line: number): Record<string, unknown> {
  const message: Record<string, unknown> = { id: `line-${line}` };
  for (const column of TEXT_COLUMNS) {
    const cell = row[column];
    if (cell !== undefined && cell !== '') message[column] = cell;
  }
  message.text ??= '';
  const score = row.score?.trim();
  if (score) message.score = /^-?\d+(?:\.\d+)?$/.test(score) ? Number(score) : score;
  const segment = Object.fromEntries(
    SEGMENT_COLUMNS.flatMap((column) => (row[column] ? [[column, row[column]]] : [])),
  );
  if (Object.keys(segment).length > 0) message.segment = segment;
  return message;
}

async function* readCsv(input: Readable): AsyncGenerator<FeedbackLine> {
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (!('text' in record)) {
        yield { line: info.lines, error: 'CSV has no "text" column' };
        return;
      }
      yield { line: info.lines, value: csvRowToMessage(record, info.lines) };
    }
  } catch (error) {
    yield {
      line: (error as { lines?: number }).lines ?? 0,
      error: `invalid CSV: ${(error as Error).message}`,
    };
  }
}

/** Streams feedback records from JSONL or CSV without loading the whole input. */
export function readFeedbackLines(input: Readable, format: InputFormat): AsyncGenerator<FeedbackLine> {
  return format === 'csv' ? readCsv(input) : readJsonLines(input);
}
