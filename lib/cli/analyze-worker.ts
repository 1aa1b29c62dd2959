/**
 * Entry of a `closeloop analyze --jobs N` worker thread (built to dist/cli/analyze-worker.js beside
 * main.js): analyses the batches the main thread sends and posts back what to print, batch by batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTaxonomy } from '../analysis/themes/theme-taxonomy.js';
import type { AnalyzeWorkerData, BatchRequest, BatchResponse } from './analysis-worker-pool.js';
import { analyzeBatch } from './analyze-batch.js';

const port = parentPort;
if (!port) throw new Error('analyze-worker.js runs as a worker thread of "closeloop analyze"');

const data = workerData as AnalyzeWorkerData;
// The main thread has already validated the file; it is loaded again here because a compiled
// taxonomy holds matchers that cannot be copied between threads.
const settings = {
  explain: data.explain,
  ...(data.taxonomyDefinition !== undefined && { taxonomy: loadTaxonomy(data.taxonomyDefinition) }),
};

port.on('message', ({ batch, records }: BatchRequest) => {
  try {
    const result = analyzeBatch(records, settings);
    port.postMessage({ batch, result } satisfies BatchResponse, [result.output.buffer]);
  } catch (error) {
    port.postMessage({ batch, error } satisfies BatchResponse);
  }
});
