import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/local-dynamodb.js';
import { startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { startLocalStack } from '../../lib/local/local-stack.js';
import { pendingBodies } from '../../lib/local/queue-journal.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import {
  dynamoDbPid,
  isRunning,
  type ServeLocalProcess,
  startServeLocal,
  storedFeedbackIds,
} from '../support/serve-local-process.js';

const day = '2026-04-02';
const messages = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    text: ['Waited 40 minutes and nobody called back', 'Quick and friendly, thanks', 'Billed twice again'][
      i % 3
    ] as string,
    score: i % 11,
    segment: { department: prefix },
    submittedAt: `${day}T09:00:00Z`,
  }));

/** Sends to a running serve-local the way `closeloop send` does; every message must be accepted. */
async function send(server: ServeLocalProcess, batch: unknown[]): Promise<void> {
  const client = new SQSClient({
    endpoint: server.state.sqsEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const result = await sendFeedback(client, server.state.queueUrl, batch);
    expect(result.failed).toEqual([]);
    expect(result.sent).toBe(batch.length);
  } finally {
    client.destroy();
  }
}

async function waitForStored(server: ServeLocalProcess, count: number): Promise<Set<string>> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const ids = await storedFeedbackIds(server.state.dynamodbEndpoint, server.state.tableName);
    if (ids.size >= count || Date.now() > deadline) return ids;
    await sleep(250);
  }
}

const running: ServeLocalProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }
});

describe('the local stack keeps what it accepted', () => {
  it('stores every message exactly once after a kill -9 mid-run and a restart, without resending', async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'closeloop-kill9-'));
    const all = messages('Kill9', 3_000);
    const first = await startServeLocal(localDir, ['--fresh']);
    running.push(first);
    await send(first, all);
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
        day,
        day,
      );
      expect(counts?.feedback).toBe(all.length);
    } finally {
      await stack.stop();
    }
  }, 600_000);

  it('finishes the queued messages on SIGTERM right after a send, with a progress line', async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'closeloop-sigterm-'));
    const all = messages('Sigterm', 1_000);
    const server = await startServeLocal(localDir, ['--fresh', '--progress-seconds', '0.5']);
    running.push(server);
    await send(server, all);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/stopping: handling the messages already on the queue/);
    expect(server.output()).not.toMatch(/stopped before the queue was empty/);

    const stack = await startLocalStack({ dataDir: localDir });
    try {
      expect(stack.replayed).toBe(0);
      const [counts] = await stack.store.readDailyCounts(
        { dimension: 'department', value: 'Sigterm' },
        day,
        day,
      );
      expect(counts?.feedback).toBe(all.length);
      const ids = await storedFeedbackIds(stack.dynamodb.endpoint, stack.tableName);
      expect(ids.size).toBe(all.length);
    } finally {
      await stack.stop();
    }
  }, 300_000);

  it('keeps the rest for the next start when a second Ctrl-C stops it before the queue is empty', async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'closeloop-sigint-'));
    const all = messages('Sigint', 1_000);
    const server = await startServeLocal(localDir, ['--fresh']);
    running.push(server);
    await send(server, all);
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
        day,
        day,
      );
      expect(counts?.feedback).toBe(all.length);
    } finally {
      await pipeline.stop();
    }
  }, 300_000);
});
