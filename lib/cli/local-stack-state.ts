import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { makePrivateFolder } from '../local/private-folder.js';

/** Where the local stack keeps its data and its address file: `.closeloop/` in the working folder. */
export function localDataDir(): string {
  return resolve(process.env.CLOSELOOP_LOCAL_DIR ?? '.closeloop');
}

const localStackStateSchema = z.object({
  pid: z.number().int(),
  sqsEndpoint: z.url(),
  queueUrl: z.url(),
  dlqUrl: z.url(),
  dynamodbEndpoint: z.url(),
  tableName: z.string(),
  apiUrl: z.url(),
});

/** How `send` and `report` find a running `closeloop serve-local`. */
export type LocalStackState = z.infer<typeof localStackStateSchema>;

const statePath = (dataDir: string) => join(dataDir, 'local-stack.json');

export function writeLocalStackState(dataDir: string, state: LocalStackState): void {
  makePrivateFolder(dataDir);
  writeFileSync(statePath(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeLocalStackState(dataDir: string): void {
  rmSync(statePath(dataDir), { force: true });
}

/** The running local stack, or undefined when none is (a file left by a killed one is ignored). */
export function readLocalStackState(dataDir: string): LocalStackState | undefined {
  const path = statePath(dataDir);
  if (!existsSync(path)) return undefined;
  const parsed = localStackStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success || !isRunning(parsed.data.pid)) return undefined;
  return parsed.data;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
