import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalPipeline } from './local-pipeline.js';

export interface PipelineProgress {
  received: number;
  stored: number;
  rejected: number;
  duplicates: number;
  queueDepth: number;
}

/** One progress line, the same while running and while draining. */
export function formatProgress(progress: PipelineProgress): string {
  return (
    `received ${progress.received}, stored ${progress.stored}, rejected ${progress.rejected}, ` +
    `duplicates ${progress.duplicates}, queue depth ${progress.queueDepth}`
  );
}

/** What the pipeline has done since start; the queue depth is NaN when SQS cannot be asked. */
export async function readProgress(pipeline: LocalPipeline): Promise<PipelineProgress> {
  const { stored, rejected, duplicate, duplicate_reject } = pipeline.outcomes;
  return {
    received: pipeline.stack.sqs.accepted,
    stored,
    rejected,
    duplicates: duplicate + duplicate_reject,
    queueDepth: await pipeline.queueDepth().catch(() => Number.NaN),
  };
}

/**
 * Writes a progress line every `intervalMs` while messages flow (something changed since the last
 * line, or messages are waiting), and nothing while the stack is idle. Returns a function that stops it.
 */
export function reportProgress(
  pipeline: LocalPipeline,
  write: (line: string) => void,
  intervalMs: number,
): () => void {
  let last = formatProgress({ received: 0, stored: 0, rejected: 0, duplicates: 0, queueDepth: 0 });
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const line = formatProgress(await readProgress(pipeline));
      if (line !== last) write(line);
      last = line;
    } finally {
      busy = false;
    }
  }, intervalMs);
  return () => clearInterval(timer);
}

/**
 * The stop of a local stack: lets the ingest function finish every message already on the queue,
 * writing a progress line every `intervalMs`, until the queue is empty or `interrupted` resolves
 * (a second Ctrl-C). True when it drained. What is left is in the queue journal for the next start.
 */
export async function drainOnStop(
  pipeline: LocalPipeline,
  write: (line: string) => void,
  interrupted: Promise<void>,
  intervalMs: number,
): Promise<boolean> {
  let stop = false;
  void interrupted.then(() => {
    stop = true;
  });
  let lastLine = Date.now();
  for (;;) {
    const progress = await readProgress(pipeline);
    if (progress.queueDepth === 0 && pipeline.poller.idle) return true;
    if (stop) return false;
    if (Date.now() - lastLine >= intervalMs) {
      write(`draining: ${formatProgress(progress)}`);
      lastLine = Date.now();
    }
    await sleep(100);
  }
}
