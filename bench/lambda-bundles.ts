/**
 * What each deployed function costs at a cold start: the size of its bundle (built with the same esbuild
 * options as infra/constructs/closeloop-function.ts), the time a fresh Node process takes to import it
 * (Lambda's init phase, less the runtime's own start) and the time of its first invocation, against
 * DynamoDB Local on loopback. Targets: <= 1 MB per bundle, <= 300 ms init. Run with `npm run bench:lambda`.
 *
 * The AWS SDK is bundled, as the CDK app bundles it. The bundles are written under node_modules/.cache, so an
 * import the bundle left out would still resolve from the project and be counted in init.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../lib/local/local-dynamodb.js';
import { startLocalStack } from '../lib/local/local-stack.js';

const RUNS = 7;
const root = resolve(import.meta.dirname, '..');
const workDir = join(root, 'node_modules', '.cache', 'closeloop-bench-lambda');

const sqsRecord = (body: string) => ({
  messageId: 'bench-1',
  receiptHandle: 'bench-1',
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '0',
    SenderId: 'bench',
    ApproximateFirstReceiveTimestamp: '0',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:bench',
  awsRegion: 'us-east-1',
});

const httpGet = (path: string) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'localhost' },
  requestContext: {
    accountId: 'bench',
    apiId: 'bench',
    domainName: 'localhost',
    domainPrefix: 'localhost',
    http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    requestId: 'bench',
    routeKey: '$default',
    stage: '$default',
    time: new Date().toISOString(),
    timeEpoch: Date.now(),
  },
  isBase64Encoded: false,
});

/** Each function with the first event it would see; bodies vary per run so the ingest call really writes. */
const functions: Record<
  string,
  { entry: string; event: (run: number) => unknown; env?: Record<string, string> }
> = {
  ingest: {
    entry: 'functions/ingest/index.ts',
    event: (run) => ({
      Records: [
        sqsRecord(
          JSON.stringify({
            id: `bench-cold-${run}-${Date.now()}`,
            text: 'Waited 45 minutes on hold and nobody called me back, third time I have called',
            score: 2,
            scoreType: 'nps',
          }),
        ),
      ],
    }),
  },
  api: {
    entry: 'functions/api/index.ts',
    event: () => httpGet('/followups'),
    env: { CURSOR_SIGNING_KEY: randomBytes(32).toString('hex') },
  },
  alert: {
    entry: 'functions/alert/index.ts',
    event: () => ({ Records: [] }),
    env: { ALERT_TOPIC_ARNS: JSON.stringify({}), ALERT_ROUTING: JSON.stringify({ rules: [] }) },
  },
};

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

const stack = await startLocalStack({});
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
try {
  console.log(`Lambda bundles (esbuild as the CDK app builds them; medians of ${RUNS} fresh processes)`);
  for (const [name, fn] of Object.entries(functions)) {
    const outfile = join(workDir, name, 'index.mjs');
    await build({
      entryPoints: [join(root, fn.entry)],
      bundle: true,
      minify: true,
      sourcemap: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      mainFields: ['module', 'main'],
      outfile,
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'error',
    });
    const probe = join(workDir, name, 'probe.mjs');
    writeFileSync(
      probe,
      `const t0 = performance.now();
const { handler } = await import('./index.mjs');
const t1 = performance.now();
const context = { functionName: 'bench-${name}', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
await handler(JSON.parse(process.env.BENCH_EVENT), context);
const t2 = performance.now();
console.log(JSON.stringify({ initMs: t1 - t0, firstCallMs: t2 - t1 }));`,
    );
    const runs = Array.from({ length: RUNS }, (_, run) => {
      const child = spawnSync(process.execPath, [probe], {
        encoding: 'utf8',
        env: {
          ...process.env,
          AWS_ENDPOINT_URL_DYNAMODB: stack.dynamodb.endpoint,
          AWS_REGION: LOCAL_REGION,
          AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          POWERTOOLS_METRICS_DISABLED: 'true',
          TABLE_NAME: stack.tableName,
          BENCH_EVENT: JSON.stringify(fn.event(run)),
          ...fn.env,
        },
      });
      if (child.status !== 0) throw new Error(`${name} probe failed: ${child.stderr}`);
      const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
      return JSON.parse(lastLine) as { initMs: number; firstCallMs: number };
    });
    const kb = statSync(outfile).size / 1024;
    console.log(
      `  ${name.padEnd(7)} ${kb.toFixed(0).padStart(5)} KB (target <= 1024)   init ${median(
        runs.map((r) => r.initMs),
      )
        .toFixed(0)
        .padStart(
          4,
        )} ms (target <= 300)   first invocation ${median(runs.map((r) => r.firstCallMs)).toFixed(0)} ms`,
    );
  }
} finally {
  await stack.stop();
  rmSync(workDir, { recursive: true, force: true });
}
