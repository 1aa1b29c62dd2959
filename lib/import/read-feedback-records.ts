import type { Readable } from 'node:stream';
import { describeJsonError } from '../feedback/json-error.js';
import { type CsvDelimiter, type CsvProblem, type CsvRecord, readCsvRecords } from './csv-records.js';
import { decodeInput, type InputEncoding } from './decode-input.js';
import { FeedbackIdDeriver } from './derive-id.js';
import { type ColumnMap, type ColumnPlan, ImportHeaderError, planColumns } from './map-columns.js';
import type { DateOrder } from './parse-date.js';
import { PRESETS, type PresetName } from './presets.js';
import { type RowProblem, rowToMessage } from './row-to-message.js';

export type InputFormat = 'jsonl' | 'csv';

/** Why a line was skipped: each is counted on its own in the summary. */
export type SkipReason = 'invalid-json' | CsvProblem | RowProblem;

export const SKIP_REASON_WORDS: Record<SkipReason, string> = {
  'invalid-json': 'invalid JSON',
  'unclosed-quote': 'unclosed quote',
  'bad-quote': 'broken quoting',
  'long-line': 'line too long',
  'extra-cells': 'extra cells',
  'bad-date': 'unreadable date',
  'bad-score': 'unreadable score',
};

/** One input line: a message to validate and send, or why the line could not become one. */
export type FeedbackRecord =
  | { line: number; message: unknown }
  | { line: number; skipped: SkipReason; detail: string };

/** What the reader found before the first record, for the user to check once. */
export interface ImportStart {
  encoding: InputEncoding;
  delimiter?: CsvDelimiter;
  plan?: ColumnPlan;
}

export interface ImportOptions {
  format: InputFormat;
  delimiter?: CsvDelimiter;
  preset?: PresetName;
  map?: ColumnMap;
  dateOrder?: DateOrder;
  /** Refuse a CSV with columns nothing reads, instead of listing them. */
  strict?: boolean;
  onStart?: (start: ImportStart) => void;
}

/** Picks the format from the file name: .csv, .tsv and .txt are CSV, anything else JSON Lines. */
export function formatFromPath(path: string | undefined): InputFormat {
  return /\.(csv|tsv|txt)$/i.test(path ?? '') ? 'csv' : 'jsonl';
}

/**
 * Refuses, on its first line, a file that is JSON but not JSON Lines (what tools export as "JSON"): an
 * array, or one object spread over lines. Read line by line it would give an error per line and no
 * message, so it is one error, saying how to make JSON Lines of it.
 */
function checkJsonLinesStart(firstLine: string, line: number): void {
  const head = firstLine.trim();
  const how = 'closeloop reads JSON Lines, one message per line';
  if (head.startsWith('[')) {
    throw new ImportHeaderError(
      line,
      `the file is a JSON array: ${how} (jq -c '.[]' FILE > FILE.jsonl makes them)`,
    );
  }
  if (head === '{') {
    throw new ImportHeaderError(
      line,
      `the file is JSON over several lines: ${how} (jq -c . FILE > FILE.jsonl makes them)`,
    );
  }
}

/** A JSON line longer than this is skipped (a message on the queue is at most 256 KB). */
const MAX_JSON_LINE_CHARS = 4_000_000;

async function* readJsonLines(
  chunks: AsyncIterable<string>,
  encoding: () => InputEncoding,
  onStart?: (start: ImportStart) => void,
): AsyncGenerator<FeedbackRecord> {
  let line = 0;
  // The current line's text so far, in pieces: joined once when it ends, so a long line costs its length.
  let pieces: string[] = [];
  let pending = 0;
  // The current line passed the limit: its rest is dropped up to its line break.
  let overlong = false;
  let announced = false;
  let started = false;
  let firstCharSeen = false;
  const parse = (raw: string): FeedbackRecord | undefined => {
    line++;
    // A byte-order mark inside the file starts a second file joined on (`cat a.jsonl b.jsonl`).
    const text = (raw.endsWith('\r') ? raw.slice(0, -1) : raw).replace(/^\uFEFF/, '');
    if (text.trim() === '') return undefined;
    if (!started) checkJsonLinesStart(text, line);
    started = true;
    try {
      return { line, message: JSON.parse(text) };
    } catch (error) {
      // V8 quotes the start of the line in some messages: a comment (and its personal data) stays out.
      return { line, skipped: 'invalid-json', detail: `invalid JSON: ${describeJsonError(error)}` };
    }
  };
  const endLine = (tail: string): FeedbackRecord | undefined => {
    const tooLong = overlong || pending + tail.length > MAX_JSON_LINE_CHARS;
    const raw = tooLong ? '' : pieces.length > 0 ? pieces.join('') + tail : tail;
    pieces = [];
    pending = 0;
    overlong = false;
    if (!tooLong) return parse(raw);
    line++;
    started = true;
    const limit = MAX_JSON_LINE_CHARS.toLocaleString('en');
    return { line, skipped: 'long-line', detail: `the line is longer than ${limit} characters` };
  };
  for await (const chunk of chunks) {
    if (!announced) {
      announced = true;
      onStart?.({ encoding: encoding() });
    }
    if (!firstCharSeen) {
      // A JSON array is one long line: refused on its first character, not after reading it all.
      const at = chunk.search(/[^\s\uFEFF]/);
      if (at >= 0) {
        firstCharSeen = true;
        const newlines = chunk.slice(0, at).split('\n').length - 1;
        if (chunk[at] === '[') checkJsonLinesStart(chunk.slice(at), line + newlines + 1);
      }
    }
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      const record = endLine(chunk.slice(start, end));
      start = end + 1;
      if (record) yield record;
    }
    if (overlong || start >= chunk.length) continue;
    const tail = chunk.slice(start);
    pieces.push(tail);
    pending += tail.length;
    if (pending > MAX_JSON_LINE_CHARS) {
      overlong = true;
      pieces = [];
    }
  }
  const record = endLine('');
  if (record) yield record;
}

async function* readCsv(
  chunks: AsyncIterable<string>,
  encoding: () => InputEncoding,
  options: ImportOptions,
): AsyncGenerator<FeedbackRecord> {
  const preset = options.preset ? PRESETS[options.preset] : undefined;
  const headerRows: string[][] = [];
  let headerLine = 0;
  let delimiter = options.delimiter;
  let plan: ColumnPlan | undefined;
  const ids = new FeedbackIdDeriver();
  const records = readCsvRecords(chunks, {
    ...(delimiter && { delimiter }),
    onDelimiter: (detected) => {
      delimiter = detected;
    },
  });
  for await (const record of records as AsyncIterable<CsvRecord>) {
    if (!plan) {
      if ('problem' in record) throw new ImportHeaderError(record.line, `header: ${record.detail}`);
      headerLine ||= record.line;
      headerRows.push(record.cells);
      if (headerRows.length < (preset?.headerRows ?? 1)) continue;
      const header = preset ? preset.header(headerRows) : { names: record.cells, questions: record.cells };
      plan = planColumns(header, {
        ...(options.map && { map: options.map }),
        ...(preset && { preset }),
        line: headerLine,
      });
      if (options.strict && plan.ignored.length > 0) {
        throw new ImportHeaderError(
          headerLine,
          `--strict: no field reads ${plan.ignored.join(', ')} (name them with --map, or leave out --strict)`,
        );
      }
      options.onStart?.({ encoding: encoding(), ...(delimiter && { delimiter }), plan });
      continue;
    }
    if ('problem' in record) {
      const where = record.lastLine > record.line ? ` (found on line ${record.lastLine})` : '';
      yield { line: record.line, skipped: record.problem, detail: `${record.detail}${where}` };
      continue;
    }
    // Two exports joined (`cat a.csv b.csv`): the second one's header is no response.
    if (headerRows.some((header) => sameCells(header, record.cells))) continue;
    const result = rowToMessage(record.cells, plan, {
      ids,
      ...((options.dateOrder ?? preset?.dateOrder) && { dateOrder: options.dateOrder ?? preset?.dateOrder }),
    });
    if ('empty' in result) continue;
    if ('problem' in result) yield { line: record.line, skipped: result.problem, detail: result.detail };
    else yield { line: record.line, message: result.message };
  }
  if (!plan && preset && headerRows.length > 0) {
    // A file cut short, or another tool's export read with this preset: it has header rows, too few.
    const name = options.preset as PresetName;
    throw new ImportHeaderError(
      headerLine,
      `the ${name} preset reads ${preset.headerRows} header rows, and the file has ${headerRows.length} and no responses: is it a ${name} export? (without --preset, the first line is the header)`,
    );
  }
  if (!plan)
    throw new ImportHeaderError(headerLine || 1, 'the file has no header row, so no columns to read');
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell.trim() === b[i]?.trim());
}

/**
 * Streams feedback records from a JSONL or CSV export in bounded memory: decodes UTF-8 or UTF-16,
 * splits CSV records with their line numbers, maps columns to message fields once from the header,
 * and turns each row into a message. A line that cannot be read is yielded with its reason and
 * reading goes on; a header that cannot be understood throws {@link ImportHeaderError}.
 */
export function readFeedbackRecords(input: Readable, options: ImportOptions): AsyncGenerator<FeedbackRecord> {
  let encoding: InputEncoding = 'utf-8';
  const chunks = decodeInput(input, (detected) => {
    encoding = detected;
  });
  return options.format === 'csv'
    ? readCsv(chunks, () => encoding, options)
    : readJsonLines(chunks, () => encoding, options.onStart);
}
