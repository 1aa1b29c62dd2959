/**
 * A streaming CSV record reader that keeps going after a broken line.
 *
 * Why not csv-parse: after an unclosed quote it reads the rest of the file as one cell and reports it
 * only at the end, and after an invalid closing quote (`"x"y`) its state swallows the following
 * rows even with `skip_records_with_error` (checked with csv-parse 7.0.3). Here each record knows the
 * line it starts on, and a broken record is reported and parsing resumes on the next line, so one bad
 * line never takes the rows after it down.
 *
 * Dialect: RFC 4180 (quoted cells with `""` for a quote, new lines inside quotes, CRLF or LF), plus
 * what real exports do: spaces around a quoted cell (`id, "text"`), a quote inside an unquoted cell
 * taken literally (`5" screen`).
 */

/** The delimiters survey tools and spreadsheets write: comma, semicolon (European Excel) and tab. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export type CsvProblem = 'unclosed-quote' | 'bad-quote' | 'long-line';

export type CsvRecord =
  | { line: number; cells: string[] }
  | { line: number; lastLine: number; problem: CsvProblem; detail: string };

export interface CsvReadOptions {
  /** Fixed delimiter; detected from the first line when absent. */
  delimiter?: CsvDelimiter;
  /** Hears the delimiter in use once, before the first record. */
  onDelimiter?: (delimiter: CsvDelimiter) => void;
  /**
   * A quoted cell still open after this many characters is taken as a quote that is never closed,
   * which keeps memory bounded; real cells are far shorter (an SQS message is at most 256 KB).
   */
  maxRecordChars?: number;
}

const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

/** The delimiter that splits the header line into the most cells (comma on a tie or none at all). */
export function detectDelimiter(firstLine: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const character of firstLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of CSV_DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** The first line Excel writes (and reads) to name a CSV file's delimiter: `sep=;`. */
const SEPARATOR_HINT = /^sep=([,;\t])\r?\n?$/i;

type Parsed =
  | { kind: 'record'; cells: string[]; next: number }
  | { kind: 'incomplete'; inQuotedCell: boolean }
  | { kind: 'broken'; problem: CsvProblem; detail: string; at: number };

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Index just past the line break that ends the line holding `at`, or -1 when the text ends first. */
function endOfLine(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) return i + 1;
    if (code === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return -1;
}

/** Line breaks between two indexes (CRLF counts once, a lone CR counts). */
export function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) breaks++;
    else if (code === CR && text.charCodeAt(i + 1) !== LF) breaks++;
  }
  return breaks;
}

function isPadding(code: number, delimiter: number): boolean {
  return code === SPACE || (code === TAB && delimiter !== TAB);
}

/**
 * Parses one record starting at `start`. Returns `incomplete` when the text ends inside the record
 * and more may come (`eof` false).
 */
function parseRecord(text: string, start: number, delimiter: number, eof: boolean): Parsed {
  const cells: string[] = [];
  let i = start;
  for (;;) {
    let j = i;
    while (j < text.length && isPadding(text.charCodeAt(j), delimiter)) j++;
    if (text.charCodeAt(j) === QUOTE) {
      let value = '';
      let from = j + 1;
      let closedAt = -1;
      while (closedAt < 0) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          if (!eof) return { kind: 'incomplete', inQuotedCell: true };
          return {
            kind: 'broken',
            problem: 'unclosed-quote',
            detail: 'a quote opened on this line is never closed (it runs to the end of the file)',
            at: j,
          };
        }
        if (quote + 1 >= text.length && !eof) return { kind: 'incomplete', inQuotedCell: true };
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
        } else closedAt = quote;
      }
      let k = closedAt + 1;
      while (k < text.length && isPadding(text.charCodeAt(k), delimiter)) k++;
      if (k >= text.length && !eof) return { kind: 'incomplete', inQuotedCell: false };
      cells.push(value);
      const code = text.charCodeAt(k);
      if (k >= text.length) return { kind: 'record', cells, next: k };
      if (code === delimiter) {
        i = k + 1;
        continue;
      }
      if (code === LF || code === CR) {
        if (code === CR && k + 1 >= text.length && !eof) return { kind: 'incomplete', inQuotedCell: false };
        return { kind: 'record', cells, next: endOfLine(text, k) };
      }
      return {
        kind: 'broken',
        problem: 'bad-quote',
        detail: `${JSON.stringify(text[k])} follows the closing quote of cell ${cells.length}: a quote inside a quoted cell must be doubled (""), or a closing quote is missing`,
        at: k,
      };
    }
    let k = i;
    while (k < text.length) {
      const code = text.charCodeAt(k);
      if (code === delimiter || code === LF || code === CR) break;
      k++;
    }
    if (k >= text.length) {
      if (!eof) return { kind: 'incomplete', inQuotedCell: false };
      cells.push(text.slice(i, k));
      return { kind: 'record', cells, next: k };
    }
    cells.push(text.slice(i, k));
    const code = text.charCodeAt(k);
    if (code === delimiter) {
      i = k + 1;
      continue;
    }
    if (code === CR && k + 1 >= text.length && !eof) return { kind: 'incomplete', inQuotedCell: false };
    return { kind: 'record', cells, next: endOfLine(text, k) };
  }
}

/**
 * Reads CSV records from decoded text chunks, in bounded memory (one record at a time). Blank lines
 * are skipped. A broken record is yielded with its problem and the lines it covered, and reading
 * resumes on the line after the problem.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let delimiter = options.delimiter;
  let text = '';
  let line = 1;
  let sawFirstLine = false;
  // The rest of a line already reported as too long: dropped as it arrives, up to its line break, so
  // the line is reported once and the lines after it keep their numbers.
  let skippingLine = false;

  function* drain(eof: boolean): Generator<CsvRecord> {
    let position = 0;
    if (skippingLine) {
      const end = endOfLine(text, 0);
      // A CR at the very end may be the first half of a CRLF: wait for the next character.
      if (end < 0 || (end === text.length && text.endsWith('\r') && !eof)) {
        text = eof ? '' : text.slice(end < 0 ? text.length : end - 1);
        if (eof) skippingLine = false;
        return;
      }
      skippingLine = false;
      position = end;
    }
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code === LF || code === CR) {
        // A blank line.
        if (code === CR && position + 1 >= text.length && !eof) break;
        const next = endOfLine(text, position);
        line++;
        position = next;
        continue;
      }
      if (!sawFirstLine) {
        const end = endOfLine(text, position);
        // A CR at the very end may be the first half of a CRLF: wait for the next character.
        const cut = end < 0 || (end === text.length && text.endsWith('\r'));
        if (cut && !eof && text.length - position < maxRecordChars) break;
        sawFirstLine = true;
        const hint = SEPARATOR_HINT.exec(text.slice(position, end < 0 ? text.length : end));
        if (hint) {
          // Excel's "sep=;" line names the delimiter (a given --delimiter still wins) and is no header.
          if (delimiter === undefined) {
            delimiter = hint[1] as CsvDelimiter;
            options.onDelimiter?.(delimiter);
          }
          line++;
          position = end < 0 ? text.length : end;
          continue;
        }
      }
      if (delimiter === undefined) {
        const end = endOfLine(text, position);
        if (end < 0 && !eof && text.length - position < maxRecordChars) break;
        delimiter = detectDelimiter(text.slice(position, end < 0 ? text.length : end));
        options.onDelimiter?.(delimiter);
      }
      let parsed = parseRecord(text, position, delimiter.charCodeAt(0), eof);
      if (parsed.kind === 'incomplete') {
        if (text.length - position <= maxRecordChars) break;
        const limit = maxRecordChars.toLocaleString('en');
        parsed = parsed.inQuotedCell
          ? {
              kind: 'broken',
              problem: 'unclosed-quote',
              detail: `a quoted cell is still open after ${limit} characters: its closing quote is probably missing`,
              at: text.length,
            }
          : {
              kind: 'broken',
              problem: 'long-line',
              detail: `the line is longer than ${limit} characters`,
              at: position,
            };
      }
      if (parsed.kind === 'record') {
        yield { line, cells: parsed.cells };
        line += countLineBreaks(text, position, parsed.next);
        position = parsed.next;
        continue;
      }
      // Resume on the line after the one the broken record starts on: a broken quote on that line is
      // the likely cause, and the lines after it are most likely whole rows of their own.
      let next = endOfLine(text, position);
      if (next < 0) {
        if (!eof && text.length - position <= maxRecordChars) break;
        next = text.length;
        // The line goes on in the chunks still to come: they are part of this broken line.
        if (!eof) skippingLine = true;
      }
      const problemLine = line + countLineBreaks(text, position, Math.min(parsed.at, text.length));
      if (parsed.problem === 'bad-quote' && problemLine > line) {
        // A quoted cell that "closes" on a later line with junk after it: the quote on the first line
        // was never closed, and the next line's quotes were read as its end.
        yield {
          line,
          lastLine: problemLine,
          problem: 'unclosed-quote',
          detail: `a quote opened on this line is not closed on it (read on to line ${problemLine}, where it cannot end)`,
        };
      } else yield { line, lastLine: problemLine, problem: parsed.problem, detail: parsed.detail };
      line++;
      position = next;
    }
    text = text.slice(position);
  }

  for await (const chunk of chunks) {
    text += chunk;
    yield* drain(false);
  }
  yield* drain(true);
}
