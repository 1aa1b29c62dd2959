import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { pendingBodies } from '../../lib/local/queue-journal.js';
import {
  expectStoredOnce,
  serveLocalWithCommentsSent,
  stopServeLocalAfterEachTest,
} from '../support/durability-run.js';

stopServeLocalAfterEachTest();

// Ctrl-C as a terminal sends it: SIGINT to every process of the foreground group.
describe('the local stack keeps what it accepted through two Ctrl-Cs', () => {
  it('keeps the rest for the next start when a second Ctrl-C stops it before the queue is empty', async () => {
    const { localDir, comments, server } = await serveLocalWithCommentsSent('Sigint', 1_000);
    server.signalGroup('SIGINT');
    await server.waitFor(/stopping/);
    server.signalGroup('SIGINT');
    expect(await server.exited).toBe(0);

    expect(server.output()).toMatch(/stopped before the queue was empty/);
    const pending = pendingBodies(readFileSync(join(localDir, 'queue-journal.jsonl'), 'utf8'));
    expect(pending.length).toBeGreaterThan(0);

    const pipeline = await startLocalPipeline({ dataDir: localDir });
    try {
      expect(pipeline.stack.replayed).toBe(pending.length);
      await pipeline.drain();
      await expectStoredOnce(pipeline.stack, 'Sigint', comments);
    } finally {
      await pipeline.stop();
    }
  }, 300_000);
});
