import { redactPii } from '../analysis/privacy/redact-pii.js';

/**
 * CSV as spreadsheets open it (RFC 4180 with CRLF), for exports that leave the system: a byte-order
 * mark so Excel reads UTF-8, and no cell a spreadsheet would run as a formula.
 */

/** Excel reads a CSV file as the machine's code page unless it starts with the UTF-8 byte-order mark. */
export const CSV_BOM = '\uFEFF';

/**
 * The most bytes one page of an export holds: far below the 6 MB a Lambda response behind API Gateway
 * may carry, and small enough to build in memory however long the comments.
 */
export const CSV_PAGE_BYTES = 1_000_000;

/**
 * One CSV field. A leading `= + - @`, tab or CR gets a `'` so a spreadsheet never runs a customer's
 * comment as a formula (OWASP "CSV injection"); quoted when it holds a quote, comma or line break.
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of fields, ending in CRLF. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** An export's page: its CSV text and, when more rows follow, the cursor that continues it. */
export interface CsvPage {
  csv: string;
  cursor?: string;
}

/**
 * Lines of CSV up to a byte budget: the first page starts with the BOM and the header; each line is
 * taken whole, at least one per page so an export always moves on. `taken` says how many rows fit.
 */
export function fillCsvPage(
  header: readonly string[] | undefined,
  lines: Iterable<string>,
  budgetBytes = CSV_PAGE_BYTES,
): { csv: string; taken: number } {
  let csv = header ? CSV_BOM + csvLine(header) : '';
  let bytes = Buffer.byteLength(csv);
  let taken = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line);
    if (taken > 0 && bytes + size > budgetBytes) break;
    csv += line;
    bytes += size;
    taken += 1;
  }
  return { csv, taken };
}

/**
 * A file name for an export, with its filters: `closeloop-inbox-open-department-Care.csv`. A filter
 * value passes the redaction gate first (a search for a phone number names `PHONE`, not the number);
 * then only letters, digits, `.`, `_` and `-` survive (a header cannot be split, a path cannot be
 * named); anything else becomes `_`, and the name is cut to 150 characters.
 */
export function exportFileName(parts: ReadonlyArray<string | undefined>): string {
  const slug = ['closeloop', ...parts]
    .filter((part): part is string => !!part)
    .map((part) =>
      redactPii(part)
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/^[._]+|[._]+$/g, ''),
    )
    .filter(Boolean)
    .join('-')
    .slice(0, 150);
  return `${slug}.csv`;
}
