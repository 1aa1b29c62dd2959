import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../../lib/local/local-stack.js';
import {
  expectStoredOnce,
  serveLocalWithCommentsSent,
  stopServeLocalAfterEachTest,
} from '../support/durability-run.js';

stopServeLocalAfterEachTest();

describe('the local stack keeps what it accepted through a SIGTERM to its process group', () => {
  it('finishes the queued messages on SIGTERM right after a send, with a progress line', async () => {
    // To the whole process group (`kill -TERM -<pgid>`, as a shell signals a job): DynamoDB Local, in
    // a group of its own, keeps serving until serve-local has stored what the queue holds.
    const { localDir, comments, server } = await serveLocalWithCommentsSent('Sigterm', 1_000, [
      '--progress-seconds',
      '0.5',
    ]);
    server.signalGroup('SIGTERM');
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
