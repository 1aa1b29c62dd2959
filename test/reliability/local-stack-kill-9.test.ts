import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../../lib/local/local-stack.js';
import {
  expectStoredOnce,
  serveLocal,
  serveLocalWithCommentsSent,
  stopServeLocalAfterEachTest,
  waitForStored,
} from '../support/durability-run.js';
import { dynamoDbPid, isRunning, storedFeedbackIds } from '../support/serve-local-process.js';

stopServeLocalAfterEachTest();

describe('the local stack keeps what it accepted through a kill -9', () => {
  it('stores every message exactly once after a kill -9 mid-run and a restart, without resending', async () => {
    const { localDir, comments, server: first } = await serveLocalWithCommentsSent('Kill9', 1_500);
    first.child.kill('SIGKILL');
    await first.exited;

    // The killed process could not stop its JVM: it still serves the table, mid-way through the work.
    const orphan = dynamoDbPid(localDir);
    expect(isRunning(orphan)).toBe(true);
    const before = await storedFeedbackIds(first.state.dynamodbEndpoint, first.state.tableName);
    expect(before.size).toBeLessThan(comments.length);

    const second = await serveLocal(localDir);
    // The restart stopped the orphan before starting its own, and put the unfinished messages back.
    expect(isRunning(orphan)).toBe(false);
    expect(dynamoDbPid(localDir)).not.toBe(orphan);
    const replayed = Number(second.output().match(/replaying (\d+) messages/)?.[1]);
    expect(replayed).toBeGreaterThanOrEqual(comments.length - before.size);

    expect((await waitForStored(second, 'Kill9', comments.length)).size).toBe(comments.length);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // Exactly once: the counters moved once per comment, however many were replayed.
    const stack = await startLocalStack({ dataDir: localDir });
    try {
      expect(stack.replayed).toBe(0);
      await expectStoredOnce(stack, 'Kill9', comments);
    } finally {
      await stack.stop();
    }
  }, 600_000);
});
