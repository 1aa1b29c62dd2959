import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FeedbackRecord } from '../import/read-feedback-records.js';
import type { AnalyzedBatch } from './analyze-batch.js';

/** What each worker is started with: the settings of the command, the taxonomy as its JSON definition. */
export interface AnalyzeWorkerData {
  explain: boolean;
  taxonomyDefinition?: unknown;
}

export interface BatchRequest {
  batch: number;
  records: FeedbackRecord[];
}

export type BatchResponse = { batch: number; result: AnalyzedBatch } | { batch: number; error: unknown };

interface Pending {
  resolve(result: AnalyzedBatch): void;
  reject(error: unknown): void;
}

interface PoolWorker {
  thread: Worker;
  pending: Map<number, Pending>;
}

/**
 * The worker's entry: dist/cli/analyze-worker.js beside the compiled chunk this code is in (esbuild
 * builds it as its own entry point); when running from source (tests, tsx), a bootstrap beside this
 * file that compiles the TypeScript worker on the fly.
 */
function workerEntry(): URL {
  const built = new URL('./analyze-worker.js', import.meta.url);
  return existsSync(fileURLToPath(built))
    ? built
    : new URL('./analyze-worker-from-source.mjs', import.meta.url);
}

/**
 * A fixed set of worker threads that analyse batches of records. Each batch goes to the worker with
 * the fewest batches in hand, so a thread slowed by other work on the machine gets less; results
 * come back as promises the caller awaits in input order.
 */
export class AnalysisWorkerPool {
  private readonly workers: PoolWorker[];
  private nextBatch = 0;

  constructor(size: number, data: AnalyzeWorkerData) {
    const entry = workerEntry();
    this.workers = Array.from({ length: size }, () => {
      const worker: PoolWorker = {
        thread: new Worker(entry, { workerData: data }),
        pending: new Map(),
      };
      worker.thread.on('message', (response: BatchResponse) => {
        const pending = worker.pending.get(response.batch);
        worker.pending.delete(response.batch);
        if ('error' in response) pending?.reject(response.error);
        else pending?.resolve(response.result);
      });
      const failAll = (error: unknown) => {
        for (const pending of worker.pending.values()) pending.reject(error);
        worker.pending.clear();
      };
      worker.thread.on('error', failAll);
      worker.thread.on('exit', (code) =>
        failAll(new Error(`an analysis worker stopped (exit code ${code})`)),
      );
      return worker;
    });
  }

  /** Analyses `records` on the least busy worker. */
  run(records: FeedbackRecord[]): Promise<AnalyzedBatch> {
    const worker = this.workers.reduce((least, candidate) =>
      candidate.pending.size < least.pending.size ? candidate : least,
    );
    const batch = this.nextBatch++;
    return new Promise((resolve, reject) => {
      worker.pending.set(batch, { resolve, reject });
      worker.thread.postMessage({ batch, records } satisfies BatchRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }
}
