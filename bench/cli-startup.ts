/**
 * How long a person waits for the `closeloop` command itself: wall-clock time of fresh processes of
 * the compiled CLI in dist/ (run `npm run build` first; `npm run bench:cli` does):
 *
 * - `closeloop --help`, `--version` and `analyze --help` (target: `--help` in 300 ms or less);
 * - `closeloop serve-local` until its "ready" line, fresh and on existing data (target 5 s), with the
 *   phases of a start timed one by one in this process: the DynamoDB Local JVM, the table, the SQS
 *   emulator and its queues;
 * - `closeloop report` on that running stack after the sample comments are stored (target 1 s).
 *
 * Run with `npm run bench:cli [-- --runs N]`. Prints the load average, which these figures follow.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalDynamoDb } from '../lib/local/local-dynamodb.js';
import { LOCAL_TABLE_NAME } from '../lib/local/local-names.js';
import { startLocalSqs } from '../lib/local/local-sqs.js';
import { createQueues, ensureTable } from '../lib/local/local-stack.js';
import { startServeLocal } from '../test/support/serve-local-process.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '11' } } });
const RUNS = Number(values.runs);
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'closeloop.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const load = () => (loadavg()[0] as number).toFixed(1);

function timeCommand(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  if (result.status !== 0)
    throw new Error(`closeloop ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return performance.now() - started;
}

function printTimes(label: string, times: number[]): void {
  console.log(
    `${label.padEnd(34)} median ${ms(median(times))}, slowest ${ms(Math.max(...times))} (${times.length} runs)`,
  );
}

console.log(`Load average at start: ${load()} (2 cores)`);
for (const args of [['--help'], ['--version'], ['analyze', '--help']]) {
  printTimes(
    `closeloop ${args.join(' ')}`,
    Array.from({ length: RUNS }, () => timeCommand(args)),
  );
}

// The phases of a local stack start, one by one (serve-local runs the JVM and the SQS emulator at
// once, then creates the table and the queues at once).
const phaseDir = mkdtempSync(join(tmpdir(), 'closeloop-bench-phases-'));
try {
  let started = performance.now();
  const dynamodb = await startLocalDynamoDb({ dataDir: join(phaseDir, 'dynamodb') });
  const jvm = performance.now() - started;
  started = performance.now();
  await ensureTable(dynamodb, LOCAL_TABLE_NAME);
  const table = performance.now() - started;
  started = performance.now();
  const sqs = await startLocalSqs();
  const emulator = performance.now() - started;
  started = performance.now();
  await createQueues(sqs.client, 3);
  const queues = performance.now() - started;
  await Promise.all([sqs.stop(), dynamodb.stop()]);
  console.log(
    `\nLocal stack phases: DynamoDB Local JVM answering ${ms(jvm)}, table + TTL ${ms(table)}, ` +
      `SQS emulator ${ms(emulator)}, queues ${ms(queues)} (load ${load()})`,
  );
} finally {
  rmSync(phaseDir, { recursive: true, force: true });
}

const localDir = mkdtempSync(join(tmpdir(), 'closeloop-bench-stack-'));
const env = { ...process.env, CLOSELOOP_LOCAL_DIR: localDir };
try {
  for (const [label, args] of [
    ['serve-local --fresh', ['--fresh']],
    ['serve-local (existing data)', []],
  ] as const) {
    const started = performance.now();
    const stack = await startServeLocal(localDir, [...args, '--progress-seconds', '0.2']);
    const ready = performance.now() - started;
    console.log(`closeloop ${label.padEnd(28)} ready after ${ms(ready)} (target 5000 ms; load ${load()})`);
    if (label === 'serve-local --fresh') {
      stack.child.kill('SIGTERM');
      await stack.exited;
      continue;
    }
    // The sample comments stored, then the report read from the running stack.
    const send = spawn(process.execPath, [bin, 'send', join(root, 'samples', 'feedback.jsonl')], { env });
    await new Promise((resolve) => send.once('exit', resolve));
    await stack.waitFor(
      /received (\d+), stored \d+, rejected \d+, duplicates \d+, queue depth 0\n(?![\s\S]*received)/,
    );
    printTimes(
      'closeloop report (running stack)',
      Array.from({ length: RUNS }, () => timeCommand(['report'], env)),
    );
    stack.child.kill('SIGTERM');
    await stack.exited;
  }
} finally {
  rmSync(localDir, { recursive: true, force: true });
}
console.log(`Load average at end: ${load()}`);
