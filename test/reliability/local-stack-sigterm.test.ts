import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../../lib/local/local-stack.js';
import {
  expectStoredOnce,
  serveLocalWithCommentsSent,
  stopServeLocalAfterEachTest,
} from '../support/durability-run.js';

stopServeLocalAfterEachTest();

describe('the local stack keeps what it accepted through a SIGTERM', () => {
  it('finishes the queued messages on SIGTERM right after a send, with a progress line', async () => {
    const { localDir, comments, server } = await serveLocalWithCommentsSent('Sigterm', 1_000, [
      '--progress-seconds',
      '0.5',
    ]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/stopping: handling the messages already on the queue/);
    expect(server.output()).not.toMatch(/stopped before the queue was empty/);

    const stack = await startLocalStack({ dataDir: localDir });
    try {
      expect(stack.replayed).toBe(0);
      await expectStoredOnce(stack, 'Sigterm', comments);
    } finally {
      await stack.stop();
    }
  }, 300_000);
});
