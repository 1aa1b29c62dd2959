import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../../lib/local/local-stack.js';
import {
  DURABILITY_DAY,
  durabilityMessages,
  sendToServeLocal,
  stopAfterEachTest,
} from '../support/durability-run.js';
import { startServeLocal, storedFeedbackIds } from '../support/serve-local-process.js';

const running = stopAfterEachTest();

describe('the local stack keeps what it accepted through a SIGTERM', () => {
  it('finishes the queued messages on SIGTERM right after a send, with a progress line', async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'closeloop-sigterm-'));
    const all = durabilityMessages('Sigterm', 1_000);
    const server = await startServeLocal(localDir, ['--fresh', '--progress-seconds', '0.5']);
    running.push(server);
    await sendToServeLocal(server, all);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/stopping: handling the messages already on the queue/);
    expect(server.output()).not.toMatch(/stopped before the queue was empty/);

    const stack = await startLocalStack({ dataDir: localDir });
    try {
      expect(stack.replayed).toBe(0);
      const [counts] = await stack.store.readDailyCounts(
        { dimension: 'department', value: 'Sigterm' },
        DURABILITY_DAY,
        DURABILITY_DAY,
      );
      expect(counts?.feedback).toBe(all.length);
      const ids = await storedFeedbackIds(stack.dynamodb.endpoint, stack.tableName);
      expect(ids.size).toBe(all.length);
    } finally {
      await stack.stop();
    }
  }, 300_000);
});
