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
  waitForStored,
} from '../support/durability-run.js';
import {
  dynamoDbPid,
  isRunning,
  startServeLocal,
  storedFeedbackIds,
} from '../support/serve-local-process.js';

const running = stopAfterEachTest();

describe('the local stack keeps what it accepted through a kill -9', () => {
  it('stores every message exactly once after a kill -9 mid-run and a restart, without resending', async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'closeloop-kill9-'));
    const all = durabilityMessages('Kill9', 3_000);
    const first = await startServeLocal(localDir, ['--fresh']);
    running.push(first);
    await sendToServeLocal(first, all);
    first.child.kill('SIGKILL');
    await first.exited;

    // The killed process could not stop its JVM: it still serves the table, mid-way through the work.
    const orphan = dynamoDbPid(localDir);
    expect(isRunning(orphan)).toBe(true);
    const before = await storedFeedbackIds(first.state.dynamodbEndpoint, first.state.tableName);
    expect(before.size).toBeLessThan(all.length);

    const second = await startServeLocal(localDir);
    running.push(second);
    // The restart stopped the orphan before starting its own, and put the unfinished messages back.
    expect(isRunning(orphan)).toBe(false);
    expect(dynamoDbPid(localDir)).not.toBe(orphan);
    const replayed = Number(second.output().match(/replaying (\d+) messages/)?.[1]);
    expect(replayed).toBeGreaterThanOrEqual(all.length - before.size);

    const ids = await waitForStored(second, all.length);
    expect(ids.size).toBe(all.length);
    for (const message of all) expect(ids.has(message.id)).toBe(true);
    // Exactly once: the counters moved once per comment, however many were replayed.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const stack = await startLocalStack({ dataDir: localDir });
    try {
      expect(stack.replayed).toBe(0);
      const [counts] = await stack.store.readDailyCounts(
        { dimension: 'department', value: 'Kill9' },
        DURABILITY_DAY,
        DURABILITY_DAY,
      );
      expect(counts?.feedback).toBe(all.length);
    } finally {
      await stack.stop();
    }
  }, 600_000);
});
