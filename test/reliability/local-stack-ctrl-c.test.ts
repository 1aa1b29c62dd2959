import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { pendingBodies } from '../../lib/local/queue-journal.js';
import {
  DURABILITY_DAY,
  durabilityMessages,
  sendToServeLocal,
  stopAfterEachTest,
} from '../support/durability-run.js';
import { startServeLocal, storedFeedbackIds } from '../support/serve-local-process.js';

const running = stopAfterEachTest();

describe('the local stack keeps what it accepted through two Ctrl-Cs', () => {
  it('keeps the rest for the next start when a second Ctrl-C stops it before the queue is empty', async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'closeloop-sigint-'));
    const all = durabilityMessages('Sigint', 1_000);
    const server = await startServeLocal(localDir, ['--fresh']);
    running.push(server);
    await sendToServeLocal(server, all);
    server.child.kill('SIGINT');
    await server.waitFor(/stopping/);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);

    expect(server.output()).toMatch(/stopped before the queue was empty/);
    const pending = pendingBodies(readFileSync(join(localDir, 'queue-journal.jsonl'), 'utf8'));
    expect(pending.length).toBeGreaterThan(0);

    const pipeline = await startLocalPipeline({ dataDir: localDir });
    try {
      expect(pipeline.stack.replayed).toBe(pending.length);
      await pipeline.drain();
      const ids = await storedFeedbackIds(pipeline.stack.dynamodb.endpoint, pipeline.stack.tableName);
      expect(ids.size).toBe(all.length);
      const [counts] = await pipeline.stack.store.readDailyCounts(
        { dimension: 'department', value: 'Sigint' },
        DURABILITY_DAY,
        DURABILITY_DAY,
      );
      expect(counts?.feedback).toBe(all.length);
    } finally {
      await pipeline.stop();
    }
  }, 300_000);
});
