import { once } from 'node:events';
import { createReadStream, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { loadTaxonomy, type ThemeTaxonomy } from '../../analysis/themes/theme-taxonomy.js';
import { ImportHeaderError } from '../../import/map-columns.js';
import { type FeedbackRecord, readFeedbackRecords } from '../../import/read-feedback-records.js';
import { AnalysisSummaryBuilder } from '../../reports/summarize-analyses.js';
import { AnalysisWorkerPool } from '../analysis-worker-pool.js';
import { type AnalyzeBatchSettings, type AnalyzedBatch, analyzeBatch } from '../analyze-batch.js';
import { formatSummary } from '../format-summary.js';
import { describeImportStart, importArgOptions, importUsage, toImportOptions } from '../import-options.js';
import { checkReadableFile } from '../readable-file.js';
import { UsageError } from '../usage-error.js';

/** Lines per batch: one write to standard output and one message to a worker each. */
const BATCH_SIZE = 500;
const MAX_JOBS = 64;

const jobsError = `--jobs must be a whole number from 1 to ${MAX_JOBS}`;
// Digits only: Number() would also take "0x10", "1e1" and " 2 ".
const jobsSchema = z
  .string()
  .regex(/^[0-9]{1,3}$/, jobsError)
  .transform(Number)
  .pipe(z.number().min(1, jobsError).max(MAX_JOBS, jobsError));

export const analyzeUsage = `Usage: closeloop analyze [--taxonomy FILE] [--explain] [--jobs N] [input options] [FILE|-]

Analyses feedback comments from FILE (or standard input, read as JSONL unless --format csv) and
writes one JSON analysis per line to standard output, in input order, then a summary to standard
error. The input is read as a stream and analysed in batches on worker threads. Every line that
cannot be read or fails the message schema is reported with its line number and the rest are
analysed; the exit code is 1 when any line failed.

  --taxonomy FILE   theme taxonomy JSON to use instead of (mode "replace") or on top of (mode "extend")
                    the built-in CX taxonomy
  --explain         after each comment's analysis, print to standard error the features that
                    pushed its sentiment most towards its label
  --jobs N          worker threads analysing at once, 1-${MAX_JOBS} (default: the number of CPU cores,
                    here ${availableParallelism()}); 1 analyses in this thread. Input under ${BATCH_SIZE} lines
                    is always analysed in this thread (starting a thread would take longer)

${importUsage}`;

export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** A taxonomy file, checked and loaded, with its JSON definition (what a worker thread is given). */
export function readTaxonomyDefinition(path: string): { definition: unknown; taxonomy: ThemeTaxonomy } {
  checkReadableFile(path, 'taxonomy file');
  const text = readFileSync(path, 'utf8');
  let definition: unknown;
  try {
    // Windows Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    definition = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`taxonomy file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return { definition, taxonomy: loadTaxonomy(definition) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function readTaxonomyFile(path: string): ThemeTaxonomy {
  return readTaxonomyDefinition(path).taxonomy;
}

/** `closeloop analyze`: returns the exit code. */
export async function runAnalyze(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      taxonomy: { type: 'string' },
      explain: { type: 'boolean' },
      jobs: { type: 'string' },
      help: { type: 'boolean' },
      ...importArgOptions,
    },
  });
  if (values.help) {
    io.stdout.write(analyzeUsage);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('analyze takes one input file');
  const jobs = jobsSchema.safeParse(values.jobs ?? String(Math.min(availableParallelism(), MAX_JOBS)));
  if (!jobs.success) throw new UsageError(jobs.error.issues[0]?.message ?? '--jobs is not valid');
  const path = positionals[0];
  const fromStdin = path === undefined || path === '-';
  if (!fromStdin) checkReadableFile(path, 'input file');
  const importOptions = toImportOptions(values, fromStdin ? undefined : path);
  const taxonomy = values.taxonomy ? readTaxonomyDefinition(values.taxonomy) : undefined;
  const settings: AnalyzeBatchSettings = {
    explain: values.explain === true,
    ...(taxonomy && { taxonomy: taxonomy.taxonomy }),
  };

  const summary = new AnalysisSummaryBuilder();
  let read = 0;
  let failed = 0;
  let pool: AnalysisWorkerPool | undefined;
  // Batches being analysed, oldest first: printed in this order, so the output keeps the input's.
  const inFlight: Array<Promise<AnalyzedBatch>> = [];
  const dispatch = (records: FeedbackRecord[], last: boolean) => {
    if (jobs.data > 1 && !(last && pool === undefined)) {
      pool ??= new AnalysisWorkerPool(jobs.data, {
        explain: settings.explain,
        ...(taxonomy && { taxonomyDefinition: taxonomy.definition }),
      });
    }
    const analysed = pool ? pool.run(records) : (async () => analyzeBatch(records, settings))();
    analysed.catch(() => undefined); // awaited in order below; a failure is thrown from there
    inFlight.push(analysed);
  };
  const printOldest = async () => {
    const batch = await (inFlight.shift() as Promise<AnalyzedBatch>);
    summary.merge(batch.summary);
    failed += batch.failed;
    if (batch.messages) io.stderr.write(batch.messages);
    if (batch.output.length > 0 && !io.stdout.write(batch.output)) await once(io.stdout, 'drain');
  };

  const input = fromStdin ? io.stdin : createReadStream(path);
  const records = readFeedbackRecords(input, {
    ...importOptions,
    onStart: (start) => describeImportStart(start, io.stderr),
  });
  try {
    let batch: FeedbackRecord[] = [];
    for await (const record of records) {
      read++;
      batch.push(record);
      if (batch.length < BATCH_SIZE) continue;
      dispatch(batch, false);
      batch = [];
      // Two batches per worker keep every worker busy while the oldest is printed; more only costs memory.
      while (inFlight.length >= Math.max(2, jobs.data * 2)) await printOldest();
    }
    if (batch.length > 0) dispatch(batch, true);
    while (inFlight.length > 0) await printOldest();
  } catch (error) {
    if (error instanceof ImportHeaderError) throw new UsageError(error.message);
    throw error;
  } finally {
    await pool?.close();
  }
  io.stderr.write(`\n${formatSummary(summary.build(), { read, failed })}`);
  return failed > 0 ? 1 : 0;
}
