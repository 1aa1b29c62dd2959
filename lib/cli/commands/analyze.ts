import { createReadStream, existsSync, readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { analyzeFeedback } from '../../analysis/analyze-feedback.js';
import { loadTaxonomy, type ThemeTaxonomy } from '../../analysis/theme-taxonomy.js';
import { InvalidFeedbackError, parseFeedbackMessage } from '../../feedback/feedback-message.js';
import { AnalysisSummaryBuilder } from '../../reports/summarize-analyses.js';
import { formatSummary } from '../format-summary.js';
import { formatFromPath, type InputFormat, readFeedbackLines } from '../read-feedback-lines.js';
import { UsageError } from '../usage-error.js';

export const analyzeUsage = `Usage: closeloop analyze [--taxonomy FILE] [--format jsonl|csv] [FILE|-]

Analyses feedback comments from FILE (or standard input) and writes one JSON analysis per line to
standard output, then a summary to standard error. Exit code 1 when any line failed.

  --taxonomy FILE   theme taxonomy JSON to use instead of (mode "replace") or on top of (mode "extend")
                    the built-in CX taxonomy
  --format FORMAT   jsonl or csv; by default taken from the file extension, else jsonl
`;

export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export function readTaxonomyFile(path: string): ThemeTaxonomy {
  if (!existsSync(path)) throw new UsageError(`taxonomy file not found: ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`taxonomy file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return loadTaxonomy(json);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `closeloop analyze`: returns the exit code. */
export async function runAnalyze(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { taxonomy: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout.write(analyzeUsage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('analyze takes one input file');
  if (values.format !== undefined && values.format !== 'jsonl' && values.format !== 'csv') {
    throw new UsageError(`unknown format "${values.format}": use jsonl or csv`);
  }
  const path = positionals[0];
  const fromStdin = path === undefined || path === '-';
  if (!fromStdin && !existsSync(path)) throw new UsageError(`input file not found: ${path}`);
  const format: InputFormat =
    (values.format as InputFormat | undefined) ?? formatFromPath(fromStdin ? undefined : path);
  const taxonomy = values.taxonomy ? readTaxonomyFile(values.taxonomy) : undefined;

  const input = fromStdin ? io.stdin : createReadStream(path);
  const summary = new AnalysisSummaryBuilder();
  let read = 0;
  let failed = 0;
  for await (const record of readFeedbackLines(input, format)) {
    read++;
    if ('error' in record) {
      failed++;
      io.stderr.write(`line ${record.line}: ${record.error}\n`);
      continue;
    }
    try {
      const analysis = analyzeFeedback(parseFeedbackMessage(record.value), taxonomy ? { taxonomy } : {});
      summary.add(analysis);
      if (!io.stdout.write(`${JSON.stringify(analysis)}\n`)) {
        await new Promise((resolve) => io.stdout.once('drain', resolve));
      }
    } catch (error) {
      if (!(error instanceof InvalidFeedbackError)) throw error;
      failed++;
      io.stderr.write(`line ${record.line}: ${error.issues.join('; ')}\n`);
    }
  }
  io.stderr.write(`\n${formatSummary(summary.build(), { read, failed })}`);
  return failed > 0 ? 1 : 0;
}
