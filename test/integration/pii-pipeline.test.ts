import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalNotification } from '../../lib/local/local-alert-sink.js';
import { type LocalPipeline, startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { FOLLOW_UP_ANY_AGE } from '../support/any-age.js';
import { leakedForms, PII_CORPUS } from '../support/pii-corpus.js';

/**
 * The whole local pipeline fed the PII corpus in every place a message can carry it; then every table
 * item (keys included), alert event, SNS message and log line is searched for the raw values.
 */
const CUSTOMER_ID = 'CUST-SECRET-7781';
const submittedAt = '2026-07-01T10:00:00Z';

/** Every digit and at sign of a JSON string literal as a `\u` escape (the corpus has no control characters). */
const escapeDigits = (text: string) =>
  [...text]
    .map((c) => (/[0-9@]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');

function bodies(): string[] {
  const out: string[] = [];
  PII_CORPUS.forEach(({ form }, i) => {
    // In the text of a detractor (stored, counted, alerted).
    out.push(
      JSON.stringify({
        id: `pii-text-${i}`,
        text: `Furious. Call me on ${form} today`,
        score: 0,
        submittedAt,
        customerId: CUSTOMER_ID,
      }),
    );
    // In every segment value and the channel (counter keys, segment lists, alert subject and text).
    out.push(
      JSON.stringify({
        id: `pii-seg-${i}`,
        text: 'Terrible service',
        score: 1,
        submittedAt,
        channel: form,
        segment: { department: `Dept ${form}`, team: form, agent: form, product: `card ${form}` },
      }),
    );
    // In metadata (never stored) and behind real JSON escapes.
    const text = escapeDigits(JSON.stringify(`Awful, ring ${form}`));
    out.push(
      `{"id":"pii-esc-${i}","text":${text},"score":2,"submittedAt":"${submittedAt}","metadata":{"contact":${JSON.stringify(form)}}}`,
    );
    // Rejected: in the body, as an unknown key (quoted by the issue list), and in a broken JSON body.
    out.push(JSON.stringify({ id: `pii-rej-${i}`, text: `write to ${form}`, score: 99 }));
    out.push(JSON.stringify({ id: `pii-key-${i}`, text: 'x', [form]: true }));
    out.push(`{"id": "pii-json-${i}", "text": ${JSON.stringify(form)}, oops`);
  });
  return out;
}

let pipeline: LocalPipeline;
let dataDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'closeloop-pii-'));
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logLines.push(String(chunk));
      return write(chunk as string, ...(rest as []));
    });
  }
  // The table in memory (the run's shared DynamoDB Local); the alert events file on disk, as serve-local writes it.
  pipeline = await startLocalPipeline({
    alertEventsFile: join(dataDir, 'alert-events.jsonl'),
    logLevel: 'DEBUG',
    batchSize: 50,
    ...FOLLOW_UP_ANY_AGE,
  });
  const all = bodies();
  for (let i = 0; i < all.length; i += 10) {
    await pipeline.stack.sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: pipeline.stack.queueUrl,
        Entries: all.slice(i, i + 10).map((body, k) => ({ Id: String(k), MessageBody: body })),
      }),
    );
  }
  await pipeline.drain(240_000);
}, 300_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await pipeline?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function scanTable(): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await pipeline.stack.dynamodb.client.send(
      new ScanCommand({ TableName: pipeline.stack.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('personal data through the whole local pipeline', () => {
  let items: Array<Record<string, unknown>>;
  let notifications: LocalNotification[];

  beforeAll(async () => {
    items = await scanTable();
    notifications = await pipeline.alertSink.receiveNotifications();
  }, 120_000);

  it('handled every message: stored, rejected, alerted and logged, so the scan below is not vacuous', () => {
    const n = PII_CORPUS.length;
    expect(pipeline.outcomes.stored).toBe(3 * n);
    expect(pipeline.outcomes.rejected).toBe(3 * n);
    expect(items.filter((item) => (item.type as { S?: string })?.S === 'rejected')).toHaveLength(3 * n);
    expect(new Set(pipeline.alerts.map((a) => a.alert.id)).size).toBe(3 * n);
    expect(new Set(notifications.map((m) => m.feedbackId)).size).toBe(3 * n);
    expect(logLines.filter((line) => line.includes('feedback rejected'))).toHaveLength(3 * n);
  });

  it('finds none of the raw values in any table item or key', () => {
    expect(leakedForms(JSON.stringify(items)).map((f) => f.name)).toEqual([]);
  });

  it('finds none of them in alert events (memory and file), SNS messages or log lines', () => {
    const events =
      JSON.stringify(pipeline.alertSink.events) + readFileSync(pipeline.alertEventsFile as string, 'utf8');
    expect(leakedForms(events).map((f) => f.name)).toEqual([]);
    expect(leakedForms(JSON.stringify(notifications)).map((f) => f.name)).toEqual([]);
    expect(leakedForms(logLines.join('\n')).map((f) => f.name)).toEqual([]);
  });

  it('keeps customerId on the record only: not in keys, counters, alerts or logs', () => {
    const holders = items.filter((item) => JSON.stringify(item).includes(CUSTOMER_ID));
    expect(holders.length).toBe(PII_CORPUS.length);
    for (const item of holders) expect((item.PK as { S: string }).S).toMatch(/^FEEDBACK#pii-text-/);
    const keys = items.map((item) =>
      JSON.stringify([item.PK, item.SK, item.FU_PK, item.FU_SK, item.FU_DEPT_PK]),
    );
    expect(keys.join('\n')).not.toContain(CUSTOMER_ID);
    expect(JSON.stringify(pipeline.alertSink.events)).not.toContain(CUSTOMER_ID);
    expect(JSON.stringify(notifications)).not.toContain(CUSTOMER_ID);
    expect(logLines.join('\n')).not.toContain(CUSTOMER_ID);
  });

  it('gives every SNS message and EventBridge event the feedback id as its dedupe key', () => {
    expect(notifications.every((m) => m.feedbackId !== undefined && m.message.includes(m.feedbackId))).toBe(
      true,
    );
    expect(pipeline.alertSink.events.every((e) => typeof e.detail.id === 'string')).toBe(true);
  });
});
