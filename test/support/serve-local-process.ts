import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import type { LocalStackState } from '../../lib/cli/local-stack-state.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/local-dynamodb.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'closeloop.js');

/** `closeloop serve-local` as its own process, as a user runs it, on a data folder of the test's. */
export interface ServeLocalProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<number | null>;
  state: LocalStackState;
  /** Resolves once the output matches (or rejects if the process exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /**
   * Signals the process and every process of its group, as Ctrl-C in a terminal does: DynamoDB Local
   * must not die with it while the queue is still being stored.
   */
  signalGroup(signal: NodeJS.Signals): void;
}

export async function startServeLocal(
  localDir: string,
  args: string[] = [],
  command: 'serve-local' | 'start' = 'serve-local',
  ready: RegExp = /ready/,
): Promise<ServeLocalProcess> {
  const child = spawn(process.execPath, [bin, command, ...args], {
    env: { ...process.env, CLOSELOOP_LOCAL_DIR: localDir },
    // A process group of its own, as a command started in a terminal has (see signalGroup).
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    let gone = false;
    void exited.then(() => {
      gone = true;
    });
    while (!pattern.test(output)) {
      if (gone) throw new Error(`${command} exited before printing ${pattern}: ${output}`);
      if (Date.now() > deadline) throw new Error(`${command} did not print ${pattern}: ${output}`);
      await sleep(50);
    }
  };
  // Start-up includes a JVM (and, for `start`, the samples): minutes on a loaded 2-core machine.
  await waitFor(ready, 240_000);
  const state = JSON.parse(readFileSync(join(localDir, 'local-stack.json'), 'utf8')) as LocalStackState;
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  };
  return { child, output: () => output, exited, state, waitFor, signalGroup };
}

/** The distinct feedback ids stored in a table: what "stored exactly once" is checked against. */
export async function storedFeedbackIds(endpoint: string, tableName: string): Promise<Set<string>> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const ids = new Set<string>();
  try {
    for await (const page of paginateScan(
      { client },
      {
        TableName: tableName,
        FilterExpression: '#type = :feedback',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':feedback': { S: 'feedback' } },
        ProjectionExpression: 'id',
      },
    )) {
      for (const item of page.Items ?? []) if (item.id?.S) ids.add(item.id.S);
    }
  } finally {
    client.destroy();
  }
  return ids;
}

/** The pid in DynamoDB Local's pid file under the data folder. */
export function dynamoDbPid(localDir: string): number {
  return Number(readFileSync(join(localDir, 'dynamodb', 'dynamodb-local.pid'), 'utf8'));
}

/** Whether a process is running (and not a zombie). */
export function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8') !== '';
  } catch {
    return false;
  }
}
