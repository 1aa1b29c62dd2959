import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, expect } from 'vitest';
import { stopStaleJvm } from '../../lib/local/jvm-pid-file.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/local-dynamodb.js';
import type { LocalStack } from '../../lib/local/local-stack.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import { DynamoDbFeedbackStore } from '../../lib/store/dynamodb-feedback-store.js';
import { type ServeLocalProcess, startServeLocal, storedFeedbackIds } from './serve-local-process.js';

/**
 * What the local-stack durability tests share: a serve-local process with comments sent to it, and
 * the check that each comment was stored and counted once. Each way of stopping (kill -9, SIGTERM,
 * Ctrl-C) has its own test file, so the three runs go on beside each other.
 */
const DAY = '2026-04-02';

const commentsOf = (department: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${department}-${i}`,
    text: ['Waited 40 minutes and nobody called back', 'Quick and friendly, thanks', 'Billed twice again'][
      i % 3
    ] as string,
    score: i % 11,
    segment: { department },
    submittedAt: `${DAY}T09:00:00Z`,
  }));

const running: ServeLocalProcess[] = [];
// The folders those processes served: a DynamoDB Local still serving one after the test (its own group,
// left by a serve-local stopped at once, or by a pipeline the test started and a timeout cut short) is
// stopped by the pid file it keeps there, so a failed run leaves no JVM behind.
const served: string[] = [];

/** Stops, after each test, the serve-local processes it started that still run. */
export function stopServeLocalAfterEachTest(): void {
  afterEach(async () => {
    for (const server of running.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
    for (const localDir of served.splice(0)) await stopStaleJvm(localDir);
  });
}

/** `closeloop serve-local` on `localDir`, stopped after the test if it still runs. */
export async function serveLocal(localDir: string, args: string[] = []): Promise<ServeLocalProcess> {
  served.push(localDir);
  const server = await startServeLocal(localDir, args);
  running.push(server);
  return server;
}

/**
 * A fresh serve-local on a new folder, and `count` comments of one department sent to it the way
 * `closeloop send` does; every one must be accepted.
 */
export async function serveLocalWithCommentsSent(department: string, count: number, args: string[] = []) {
  const localDir = mkdtempSync(join(tmpdir(), `closeloop-${department.toLowerCase()}-`));
  const comments = commentsOf(department, count);
  const server = await serveLocal(localDir, ['--fresh', ...args]);
  const client = new SQSClient({
    endpoint: server.state.sqsEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const result = await sendFeedback(client, server.state.queueUrl, comments);
    expect(result.failed).toEqual([]);
    expect(result.sent).toBe(comments.length);
  } finally {
    client.destroy();
  }
  return { localDir, comments, server };
}

/**
 * The stored ids once the department's counter says `count` are in, or whatever is stored after 4
 * minutes. The counter is one item to read; a scan of the table on every poll kept DynamoDB Local busy
 * (0.3-1.7 s a scan at 3,000 comments) while it should be storing. A counter that ran ahead of the
 * records (counted twice) fails the caller's check of the ids.
 */
export async function waitForStored(
  server: ServeLocalProcess,
  department: string,
  count: number,
): Promise<Set<string>> {
  const client = new DynamoDBClient({
    endpoint: server.state.dynamodbEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const store = new DynamoDbFeedbackStore(client, { tableName: server.state.tableName });
  try {
    const deadline = Date.now() + 240_000;
    for (;;) {
      const [counts] = await store.readDailyCounts({ dimension: 'department', value: department }, DAY, DAY);
      if ((counts?.feedback ?? 0) >= count || Date.now() > deadline) break;
      await sleep(250);
    }
  } finally {
    client.destroy();
  }
  return storedFeedbackIds(server.state.dynamodbEndpoint, server.state.tableName);
}

/** Exactly once: every comment's id is stored, and the department's counter moved once per comment. */
export async function expectStoredOnce(
  stack: LocalStack,
  department: string,
  comments: ReadonlyArray<{ id: string }>,
): Promise<void> {
  const ids = await storedFeedbackIds(stack.dynamodb.endpoint, stack.tableName);
  expect(ids.size).toBe(comments.length);
  for (const comment of comments) expect(ids.has(comment.id)).toBe(true);
  const [counts] = await stack.store.readDailyCounts(
    { dimension: 'department', value: department },
    DAY,
    DAY,
  );
  expect(counts?.feedback).toBe(comments.length);
}
