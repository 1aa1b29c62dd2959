/**
 * Speed and memory of reading survey exports: generates a CSV export in a temporary directory (no id
 * column, so every id is derived; quoted comments with commas; dates without `T`) and measures, each in
 * its own process so peak RSS is that path's alone:
 *
 * - `parse`: what `send` does before sending (decode, split, map columns, convert, validate with the
 *   message schema), on a tenth of the rows and on all of them: equal peak RSS means bounded memory;
 * - `analyze`: `closeloop analyze FILE` with its output thrown away;
 * - `send`: `closeloop send FILE` to an SQS emulator (fauxqs, in this process) on `--send-rows` rows.
 *
 * Run with `npm run bench:import [-- --rows N --send-rows M --paths parse,analyze,send]`.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { main } from '../lib/cli/main.js';
import { feedbackMessageSchema } from '../lib/feedback/feedback-message.js';
import { readFeedbackRecords } from '../lib/import/read-feedback-records.js';
import { startLocalSqs } from '../lib/local/local-sqs.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: '1000000' },
    'send-rows': { type: 'string', default: '100000' },
    child: { type: 'string' },
    'queue-url': { type: 'string' },
    endpoint: { type: 'string' },
    paths: { type: 'string', default: 'parse,analyze,send' },
  },
});

interface Measure {
  rows: number;
  ms: number;
  maxRssMb: number;
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/** In the child: runs one path on the file and prints what it measured as JSON. */
async function runChild(mode: string, path: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  if (mode === 'parse') {
    for await (const record of readFeedbackRecords(createReadStream(path), { format: 'csv' })) {
      if ('message' in record) feedbackMessageSchema.safeParse(record.message);
      rows++;
    }
  } else {
    const args =
      mode === 'analyze'
        ? ['analyze', path]
        : [
            'send',
            path,
            '--queue-url',
            values['queue-url'] as string,
            '--endpoint',
            values.endpoint as string,
          ];
    // Its report goes to stderr, kept only to explain a failure.
    let report = '';
    const stderr = new Writable({
      write(chunk, _encoding, done) {
        report = (report + String(chunk)).slice(-4000);
        done();
      },
    });
    const code = await main(args, { stdin: Readable.from([]), stdout: discard(), stderr });
    if (code !== 0) throw new Error(`${mode} exited ${code}: ${report}`);
    rows = -1;
  }
  const measure: Measure = {
    rows,
    ms: performance.now() - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

function measureInChild(mode: string, path: string, extra: string[] = []): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', mode, path, ...extra],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as Measure) : reject(new Error(`${mode} child exited ${code}`)),
    );
  });
}

const COMMENTS = [
  'On hold for 45 minutes, then cut off. Third time I have called about this.',
  'Lovely agent, sorted it in minutes',
  'The engineer didn\'t turn up and nobody rang to explain, "unacceptable"',
  'Billing is wrong again, charged twice for October',
  'Fine',
  '',
  'App keeps logging me out; had to call, transferred 3 times',
  'Great value, quick delivery, would recommend',
];
const AGENTS = ['Ann', 'Bob', 'Chloé', 'Dev', 'Eun-ji'];

/** Writes a `rows`-row export with the stream's backpressure respected. */
async function writeExport(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('Date,NPS,Comment,Agent,Department\r\n');
  for (let i = 0; i < rows; i++) {
    const comment = COMMENTS[i % COMMENTS.length] as string;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const time = `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const cell = comment ? `"${comment.replace(/"/g, '""')} (#${i})"` : '';
    await write(`2026-11-${day} ${time},${i % 11},${cell},${AGENTS[i % AGENTS.length]},Support\r\n`);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return out.bytesWritten;
}

function row(label: string, rows: number, measure: Measure): string {
  const seconds = measure.ms / 1000;
  return (
    `${label.padEnd(34)}${rows.toLocaleString('en').padStart(11)}${seconds.toFixed(1).padStart(9)}` +
    `${Math.round(rows / seconds)
      .toLocaleString('en')
      .padStart(12)}${Math.round(measure.maxRssMb).toString().padStart(10)}`
  );
}

async function runBench(): Promise<void> {
  const rows = Number(values.rows);
  const sendRows = Number(values['send-rows']);
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-bench-import-'));
  try {
    const small = join(dir, 'small.csv');
    const big = join(dir, 'big.csv');
    const forSend = join(dir, 'send.csv');
    const smallBytes = await writeExport(small, Math.round(rows / 10));
    const bigBytes = await writeExport(big, rows);
    await writeExport(forSend, sendRows);
    console.log(
      `export: ${rows.toLocaleString('en')} rows, ${(bigBytes / 1e6).toFixed(0)} MB (and ${(smallBytes / 1e6).toFixed(0)} MB for a tenth)`,
    );
    console.log(
      `${'path'.padEnd(34)}${'rows'.padStart(11)}${'s'.padStart(9)}${'rows/s'.padStart(12)}${'peak MB'.padStart(10)}`,
    );
    const paths = new Set(values.paths.split(','));
    if (paths.has('parse')) {
      console.log(
        row('send: parse+map+validate (1/10)', Math.round(rows / 10), await measureInChild('parse', small)),
      );
      console.log(row('send: parse+map+validate', rows, await measureInChild('parse', big)));
    }
    if (paths.has('analyze')) console.log(row('analyze', rows, await measureInChild('analyze', big)));
    if (!paths.has('send')) return;
    const sqs = await startLocalSqs();
    try {
      const queueUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'bench-import' })))
        .QueueUrl as string;
      const measure = await measureInChild('send', forSend, [
        '--queue-url',
        queueUrl,
        '--endpoint',
        sqs.endpoint,
      ]);
      console.log(row('send to local SQS (fauxqs)', sendRows, measure));
    } finally {
      await sqs.stop();
    }
    console.log('peak MB: maximum resident set of the process doing that path alone (node + tsx included)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.child) await runChild(values.child, positionals[0] as string);
else await runBench();
