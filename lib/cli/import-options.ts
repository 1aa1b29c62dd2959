import type { Writable } from 'node:stream';
import * as z from 'zod';
import { redactPii } from '../analysis/privacy/redact-pii.js';
import type { CsvDelimiter } from '../import/csv-records.js';
import { listColumns, parseColumnMap } from '../import/map-columns.js';
import { PRESET_NAMES } from '../import/presets.js';
import { formatFromPath, type ImportOptions, type ImportStart } from '../import/read-feedback-records.js';
import { UsageError } from './usage-error.js';

/** The `parseArgs` options `send` and `analyze` share for reading an export. */
export const importArgOptions = {
  format: { type: 'string' },
  delimiter: { type: 'string' },
  preset: { type: 'string' },
  map: { type: 'string', multiple: true },
  'date-format': { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/** The help text of those options. */
export const importUsage = `Input (see docs/importing.md):
  --format FORMAT     jsonl or csv (also for .tsv); by default .csv/.tsv/.txt are CSV, else JSONL.
                      UTF-8 with or without BOM, UTF-16 LE/BE with BOM; CRLF or LF.
  --delimiter D       comma, semicolon or tab (detected from the header line by default)
  --preset TOOL       qualtrics, surveymonkey, typeform or medallia: that tool's CSV export layout
  --map F=COL,...     which column fills a field, e.g. --map text="Q2 Why?",score="Q1 NPS",department=Dept
  --date-format ORDER dmy or mdy, for dates written 04/11/2026 05:30 (ISO 8601 needs none)
  --strict            refuse a CSV that has columns no field reads (they are listed otherwise)

CSV columns are matched ignoring case, spaces and punctuation:
  id           id, response id, respondent id, feedback id (none: an id derived from the content)
  text         text, comment(s), verbatim, feedback, response, reason
  score        score, nps, rating, likelihood to recommend, ltr ("10 - Extremely likely" reads as 10)
  submittedAt  submitted at, submitted, date, recorded date, response date, timestamp
  customerId   customer id, customer, account id    channel  channel, source
  scale        scale (nps, csat or ces)              locale   locale, language
  segment      department, team, agent, product, region
`;

const DELIMITERS: Record<string, CsvDelimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
};

const importArgsSchema = z.object({
  format: z.enum(['jsonl', 'csv'], { error: 'unknown format: use jsonl or csv' }).optional(),
  delimiter: z
    .string()
    .transform((value, ctx) => {
      const delimiter = DELIMITERS[value.toLowerCase()];
      if (!delimiter) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown delimiter "${value}": use comma, semicolon or tab`,
        });
        return z.NEVER;
      }
      return delimiter;
    })
    .optional(),
  preset: z.enum(PRESET_NAMES, { error: `unknown preset: use ${PRESET_NAMES.join(', ')}` }).optional(),
  map: z.array(z.string()).optional(),
  'date-format': z.enum(['dmy', 'mdy'], { error: 'unknown --date-format: use dmy or mdy' }).optional(),
  strict: z.boolean().optional(),
});

/** Turns the parsed command-line values into reader options; a mistake is a {@link UsageError}. */
export function toImportOptions(values: Record<string, unknown>, path: string | undefined): ImportOptions {
  const parsed = importArgsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const args = parsed.data;
  const format = args.format ?? (args.preset || args.map || args.delimiter ? 'csv' : formatFromPath(path));
  if (format === 'jsonl' && (args.preset || args.map || args.delimiter || args.strict)) {
    throw new UsageError('--preset, --map, --delimiter and --strict are for CSV input');
  }
  let map: ImportOptions['map'];
  try {
    map = args.map ? parseColumnMap(args.map) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    format,
    ...(args.delimiter && { delimiter: args.delimiter }),
    ...(args.preset && { preset: args.preset }),
    ...(map && { map }),
    ...(args['date-format'] && { dateOrder: args['date-format'] }),
    ...(args.strict && { strict: true }),
  };
}

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The one line `send` and `analyze` print before the first record: what was read and how. */
export function describeImportStart(start: ImportStart, stderr: Writable): void {
  if (!start.plan) return;
  const columns = start.plan.columns.map((c) => `${c.field} <- "${redactPii(c.header)}"`).join(', ');
  const delimiter = start.delimiter ? `, ${DELIMITER_NAMES[start.delimiter]}-separated` : '';
  stderr.write(`reading CSV (${start.encoding}${delimiter}): ${columns}\n`);
  if (start.plan.ignored.length > 0) stderr.write(`ignored: ${listColumns(start.plan.ignored)}\n`);
}
