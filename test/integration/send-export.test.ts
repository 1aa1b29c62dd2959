import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFeedbackFile } from '../../lib/cli/commands/send.js';
import { type LocalSqs, startLocalSqs } from '../../lib/local/local-sqs.js';
import { textSink } from '../support/run-cli-in-process.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'closeloop.js');
const dir = mkdtempSync(join(tmpdir(), 'closeloop-send-export-'));
let sqs: LocalSqs;

beforeAll(async () => {
  sqs = await startLocalSqs();
});

afterAll(async () => {
  await sqs?.stop();
});

async function newQueue(name: string): Promise<string> {
  return (await sqs.client.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl as string;
}

/** Every message body on the queue (all were sent before: nothing is still in flight). */
async function receiveAll(queueUrl: string): Promise<Array<Record<string, unknown>>> {
  const bodies: Array<Record<string, unknown>> = [];
  for (;;) {
    const { Messages = [] } = await sqs.client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 300 }),
    );
    if (Messages.length === 0) return bodies;
    bodies.push(...Messages.map((m) => JSON.parse(m.Body ?? '')));
  }
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A weekly export without an id column, as finding 1 had it. */
function weeklyExport(week: number): string {
  const lines = ['Date,NPS,Comment,Agent'];
  for (let i = 0; i < 200; i++) {
    const day = String(1 + week * 7 + (i % 7)).padStart(2, '0');
    const comment = i % 3 === 0 ? '' : i % 3 === 1 ? '"Cancelling, nobody called back"' : `Comment ${i}`;
    lines.push(`2026-11-${day} 10:${String(i % 60).padStart(2, '0')},${i % 11},${comment},agent-${i % 4}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('closeloop send of survey exports, on the SQS emulator', () => {
  it('finding 1: two weekly exports without ids put 400 distinct ids on the queue; a resend repeats them', async () => {
    const queueUrl = await newQueue('weekly-exports');
    const stderr = textSink();
    const week1 = file('week1.csv', weeklyExport(0));
    const first = await sendFeedbackFile(sqs.client, queueUrl, week1, 'csv', stderr.stream);
    const second = await sendFeedbackFile(
      sqs.client,
      queueUrl,
      file('week2.csv', weeklyExport(1)),
      'csv',
      stderr.stream,
    );
    expect([first.sent, second.sent]).toEqual([200, 200]);
    const ids = (await receiveAll(queueUrl)).map((body) => body.id);
    expect(ids).toHaveLength(400);
    expect(new Set(ids).size).toBe(400);

    await sendFeedbackFile(sqs.client, queueUrl, week1, 'csv', stderr.stream);
    const resent = (await receiveAll(queueUrl)).map((body) => body.id);
    expect(new Set(resent)).toEqual(new Set(ids.slice(0, 200)));
  }, 60_000);

  it('finding 3: a broken line 918 of 1,000 is skipped with its number; the 998 others are sent', async () => {
    const queueUrl = await newQueue('broken-line');
    const lines = ['id,text,score'];
    for (let i = 2; i <= 1000; i++)
      lines.push(i === 918 ? `r${i},"no closing quote,3` : `r${i},"ok ${i}",${i % 11}`);
    const stderr = textSink();
    const result = await sendFeedbackFile(
      sqs.client,
      queueUrl,
      file('broken.csv', `${lines.join('\n')}\n`),
      'csv',
      stderr.stream,
    );
    expect(result).toMatchObject({ sent: 998, failed: [], skipped: { 'unclosed-quote': 1 }, unreadable: 1 });
    expect(stderr.text()).toMatch(/^line 918: a quote opened on this line .*\(skipped\)$/m);
    expect(new Set((await receiveAll(queueUrl)).map((body) => body.id)).size).toBe(998);
  }, 60_000);

  it('prints sent / failed / skipped by reason and exits 1 when a line was skipped', async () => {
    const queueUrl = await newQueue('cli-summary');
    const path = file(
      'export.csv',
      'Response ID;NPS;Comment;Date\r\nr1;9;Great;04/11/2026 05:30\r\nr2;7.5;Meh;04/11/2026 05:31\r\nr3;3;Slow;2026-11-04\r\nr4;2;"a;b;c";extra;cells\r\n',
    );
    const env = {
      ...process.env,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    };
    const args = [
      bin,
      'send',
      path,
      '--queue-url',
      queueUrl,
      '--endpoint',
      sqs.endpoint,
      '--date-format',
      'dmy',
    ];
    const failure = await promisify(execFile)(process.execPath, args, { env, timeout: 60_000 }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    const { stdout, stderr } = failure as { stdout: string; stderr: string };
    expect(stdout).toBe(
      'sent 2 (0 of them invalid), failed 0, skipped 2 (1 unreadable score, 1 extra cells)\n',
    );
    expect(stderr).toMatch(
      /^reading CSV \(utf-8, semicolon-separated\): id <- "Response ID", score <- "NPS"/m,
    );
    expect(stderr).toMatch(/^line 3: score "7.5" is not a whole number: the nps scale .* \(skipped\)$/m);
    expect(stderr).toMatch(/^line 5: 5 cells but the header has 4 columns/m);
    expect((await receiveAll(queueUrl)).map((body) => [body.id, body.submittedAt])).toEqual([
      ['r1', '2026-11-04T05:30:00Z'],
      ['r3', '2026-11-04'],
    ]);
  }, 60_000);
});
