import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The pid of the DynamoDB Local JVM that serves a data folder, kept in that folder. A `kill -9` of
 * the node process cannot take its child JVM down with it; the next start reads this file and stops
 * the orphan, so two JVMs never run on the same database files.
 */
const pidFile = (dataDir: string) => join(dataDir, 'dynamodb-local.pid');

export function writeJvmPidFile(dataDir: string, pid: number): void {
  writeFileSync(pidFile(dataDir), `${pid}\n`);
}

/** Removes the file if it still names `pid` (a newer JVM may have written its own since). */
export function removeJvmPidFile(dataDir: string, pid: number): void {
  if (readPid(dataDir) === pid) rmSync(pidFile(dataDir), { force: true });
}

function readPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(pidFile(dataDir), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The command line of a live process, or undefined when there is none (Linux /proc; elsewhere unknown). */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/**
 * Stops the JVM named by the pid file when it is still a DynamoDB Local on this folder (a pid can be
 * reused by an unrelated process, which is left alone), then removes the file. Resolves once it is gone.
 */
export async function stopStaleJvm(dataDir: string, timeoutMs = 10_000): Promise<number | undefined> {
  const pid = readPid(dataDir);
  if (pid === undefined) return undefined;
  const command = commandLine(pid);
  if (!command?.includes('DynamoDBLocal') || !command.includes(dataDir)) {
    rmSync(pidFile(dataDir), { force: true });
    return undefined;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  let killed = false;
  // An exited process has no command line (a zombie's is empty).
  while (commandLine(pid)) {
    if (Date.now() > deadline && !killed) {
      process.kill(pid, 'SIGKILL');
      killed = true;
    }
    if (Date.now() > deadline + timeoutMs) throw new Error(`could not stop DynamoDB Local (pid ${pid})`);
    await sleep(50);
  }
  rmSync(pidFile(dataDir), { force: true });
  return pid;
}
