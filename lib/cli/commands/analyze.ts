import { createReadStream, existsSync, readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { analyzeFeedback } from '../../analysis/analyze-feedback.js';
import { explainSentiment } from '../../analysis/sentiment/explain-sentiment.js';
import { loadTaxonomy, type ThemeTaxonomy } from '../../analysis/themes/theme-taxonomy.js';
import { InvalidFeedbackError, parseFeedbackMessage } from '../../feedback/feedback-message.js';
import { ImportHeaderError } from '../../import/map-columns.js';
import { readFeedbackRecords } from '../../import/read-feedback-records.js';
import { AnalysisSummaryBuilder } from '../../reports/summarize-analyses.js';
import { formatSummary } from '../format-summary.js';
import { describeImportStart, importArgOptions, importUsage, toImportOptions } from '../import-options.js';
import { UsageError } from '../usage-error.js';

export const analyzeUsage = `Usage: closeloop analyze [--taxonomy FILE] [--explain] [input options] [FILE|-]

Analyses feedback comments from FILE (or standard input, read as JSONL unless --format csv) and
writes one JSON analysis per line to standard output, then a summary to standard error. The input is
read as a stream. Every line that cannot be read or fails the message schema is reported with its line
number and the rest are analysed; the exit code is 1 when any line failed.

  --taxonomy FILE   theme taxonomy JSON to use instead of (mode "replace") or on top of (mode "extend")
                    the built-in CX taxonomy
  --explain         after each comment's analysis, print to standard error the features that
                    pushed its sentiment most towards its label

${importUsage}`;

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
    options: {
      taxonomy: { type: 'string' },
      explain: { type: 'boolean' },
      help: { type: 'boolean' },
      ...importArgOptions,
    },
  });
  if (values.help) {
    io.stdout.write(analyzeUsage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('analyze takes one input file');
  const path = positionals[0];
  const fromStdin = path === undefined || path === '-';
  if (!fromStdin && !existsSync(path)) throw new UsageError(`input file not found: ${path}`);
  const importOptions = toImportOptions(values, fromStdin ? undefined : path);
  const taxonomy = values.taxonomy ? readTaxonomyFile(values.taxonomy) : undefined;

  const input = fromStdin ? io.stdin : createReadStream(path);
  const summary = new AnalysisSummaryBuilder();
  let read = 0;
  let failed = 0;
  const records = readFeedbackRecords(input, {
    ...importOptions,
    onStart: (start) => describeImportStart(start, io.stderr),
  });
  try {
    for await (const record of records) {
      read++;
      if ('skipped' in record) {
        failed++;
        io.stderr.write(`line ${record.line}: ${record.detail}\n`);
        continue;
      }
      try {
        const message = parseFeedbackMessage(record.message);
        const analysis = analyzeFeedback(message, taxonomy ? { taxonomy } : {});
        summary.add(analysis);
        if (values.explain && analysis.textAnalysed) {
          const { features } = explainSentiment(message, taxonomy ? { taxonomy } : {});
          const listed = features.map((f) => `${f.feature} ${f.weight}`).join(', ');
          io.stderr.write(
            `${analysis.id}: ${analysis.sentiment.label} because ${listed || 'nothing stood out'}\n`,
          );
        }
        if (!io.stdout.write(`${JSON.stringify(analysis)}\n`)) {
          await new Promise((resolve) => io.stdout.once('drain', resolve));
        }
      } catch (error) {
        if (!(error instanceof InvalidFeedbackError)) throw error;
        failed++;
        io.stderr.write(`line ${record.line}: ${error.issues.join('; ')}\n`);
      }
    }
  } catch (error) {
    if (error instanceof ImportHeaderError) throw new UsageError(error.message);
    throw error;
  }
  io.stderr.write(`\n${formatSummary(summary.build(), { read, failed })}`);
  return failed > 0 ? 1 : 0;
}
