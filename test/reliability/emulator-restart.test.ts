import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import { FOLLOW_UP_ANY_AGE } from '../support/any-age.js';
import { expectCompleteRun } from '../support/expect-complete-run.js';

let pipeline: LocalPipeline;
const day = '2026-02-12';
const messages = Array.from({ length: 200 }, (_, i) => ({
  id: `restart-${i}`,
  text: ['Waited an hour and nobody called back', 'Quick and friendly', 'Bill was wrong again'][
    i % 3
  ] as string,
  score: i % 11,
  segment: { department: 'Restart' },
  submittedAt: `${day}T09:00:00Z`,
}));

beforeAll(async () => {
  pipeline = await startLocalPipeline({
    ...FOLLOW_UP_ANY_AGE,
    dataDir: mkdtempSync(join(tmpdir(), 'closeloop-restart-')),
    visibilityTimeoutSeconds: 2,
    // The retry budget (receives x visibility, ~5 min) must outlast a JVM restart on a loaded 2-core
    // machine (20-40 s seen at load 16, longer at 20+): a message dead-lettered here would be the
    // machine, not the code.
    maxReceiveCount: 150,
    batchSize: 10,
  });
});

afterAll(async () => {
  await pipeline?.stop();
});

describe('DynamoDB Local restarting mid-run', () => {
  it('ends with every message stored once, exact counters and one alert per follow-up', async () => {
    expect((await sendFeedback(pipeline.stack.sqs.client, pipeline.stack.queueUrl, messages)).failed).toEqual(
      [],
    );
    // Let part of the run through, then take the table away and bring it back on the same data.
    while (pipeline.outcomes.stored < 30) await sleep(20);
    await pipeline.stack.dynamodb.restart();
    await pipeline.drain(300_000);

    // The outage was felt: some batches failed and came back.
    const { failedRecords, handlerErrors } = pipeline.poller.stats;
    expect(failedRecords + handlerErrors).toBeGreaterThan(0);
    // A write committed just before the server went away comes back as a duplicate: both count.
    expect(pipeline.outcomes.stored + pipeline.outcomes.duplicate).toBeGreaterThanOrEqual(messages.length);
    await expectCompleteRun(pipeline, messages, { department: 'Restart', day });
  }, 420_000);
});
