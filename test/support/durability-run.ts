import { setTimeout as sleep } from 'node:timers/promises';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, expect } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/local-dynamodb.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import { type ServeLocalProcess, storedFeedbackIds } from './serve-local-process.js';

/**
 * What the local-stack durability tests share: comments for one day and department, a send as
 * `closeloop send` does it, and a wait for the stored ids. Each stop (kill -9, SIGTERM, Ctrl-C) has
 * its own test file, so the three runs can go on beside each other.
 */
export const DURABILITY_DAY = '2026-04-02';

export const durabilityMessages = (department: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${department}-${i}`,
    text: ['Waited 40 minutes and nobody called back', 'Quick and friendly, thanks', 'Billed twice again'][
      i % 3
    ] as string,
    score: i % 11,
    segment: { department },
    submittedAt: `${DURABILITY_DAY}T09:00:00Z`,
  }));

/** Sends to a running serve-local the way `closeloop send` does; every message must be accepted. */
export async function sendToServeLocal(server: ServeLocalProcess, batch: unknown[]): Promise<void> {
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

/** The stored ids once `count` are there, or whatever is stored after 4 minutes. */
export async function waitForStored(server: ServeLocalProcess, count: number): Promise<Set<string>> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const ids = await storedFeedbackIds(server.state.dynamodbEndpoint, server.state.tableName);
    if (ids.size >= count || Date.now() > deadline) return ids;
    await sleep(250);
  }
}

/** The serve-local processes a test started; each is stopped after the test if it still runs. */
export function stopAfterEachTest(): ServeLocalProcess[] {
  const running: ServeLocalProcess[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
  });
  return running;
}
