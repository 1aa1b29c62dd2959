import type { Writable } from 'node:stream';
import type { LocalPipeline } from '../local/local-pipeline.js';
import { sendFeedbackFile } from './commands/send.js';
import { packageFile } from './package-files.js';

/** The sample comments shipped with the package, and a few broken messages and a redelivery. */
export const BUNDLED_SAMPLES = ['feedback.jsonl', 'problem-messages.jsonl'].map((name) =>
  packageFile('samples', name),
);

/**
 * The samples are dated (2026-11): followed up at any age, so the demo and `npm start` show a follow-up
 * queue. Wide enough for the samples' dates for a century.
 */
export const SAMPLES_FOLLOW_UP_MAX_AGE_DAYS = 36_500;

export interface SamplesLoaded {
  sent: number;
  notSent: number;
}

/** Sends the bundled samples through the local queue and waits until every one is handled. */
export async function loadBundledSamples(pipeline: LocalPipeline, stderr: Writable): Promise<SamplesLoaded> {
  const { stack } = pipeline;
  let sent = 0;
  let notSent = 0;
  for (const path of BUNDLED_SAMPLES) {
    const result = await sendFeedbackFile(stack.sqs.client, stack.queueUrl, path, 'jsonl', stderr);
    sent += result.sent;
    notSent += result.failed.length + result.unreadable;
  }
  await pipeline.drain();
  return { sent, notSent };
}
