import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSqs, startLocalSqs } from '../../lib/local/local-sqs.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';

let sqs: LocalSqs;
let queueUrl: string;

beforeAll(async () => {
  sqs = await startLocalSqs();
  queueUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'send-test' }))).QueueUrl as string;
});

afterAll(async () => {
  await sqs?.stop();
});

async function receiveAll(): Promise<unknown[]> {
  const bodies: unknown[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }),
    );
    if (Messages.length === 0) return bodies;
    bodies.push(...Messages.map((m) => JSON.parse(m.Body ?? '')));
  }
}

describe('sendFeedback on the SQS emulator', () => {
  it('sends valid messages in batches and reports invalid ones with their position', async () => {
    const messages = [
      ...Array.from({ length: 23 }, (_, i) => ({ id: `ok-${i}`, text: `comment ${i}`, score: i % 11 })),
      { id: 'bad', text: 'x', score: 42 },
    ];
    const result = await sendFeedback(sqs.client, queueUrl, messages);
    expect(result.sent).toBe(23);
    expect(result.failed).toEqual([
      { index: 23, id: 'bad', reason: expect.stringMatching(/^invalid: score/) },
    ]);
    expect((await receiveAll()).length).toBe(23);
  });

  it('sends invalid messages when asked, so the pipeline records them as rejects', async () => {
    const result = await sendFeedback(sqs.client, queueUrl, [{ id: 'bad', score: 'ten' }], {
      sendInvalid: true,
    });
    expect(result).toMatchObject({ sent: 1, sentInvalid: 1, failed: [] });
    expect(await receiveAll()).toEqual([{ id: 'bad', score: 'ten' }]);
  });

  it('keeps emoji, accents and other scripts intact through the queue', async () => {
    const text = '👍👍 très bien, 非常好, отлично 🙏';
    await sendFeedback(sqs.client, queueUrl, [{ id: 'emoji', text, score: 10 }]);
    expect(await receiveAll()).toEqual([{ id: 'emoji', text, score: 10 }]);
  });

  it('refuses a message over the 256 KB SQS limit without losing the rest', async () => {
    const huge = { id: 'huge', text: 'a', metadata: { blob: 'x'.repeat(300_000) } };
    const result = await sendFeedback(sqs.client, queueUrl, [huge, { id: 'small', text: 'fine' }], {
      sendInvalid: true,
    });
    expect(result.sent).toBe(1);
    expect(result.failed).toEqual([{ index: 0, id: 'huge', reason: expect.stringMatching(/256 KB/) }]);
    expect(await receiveAll()).toEqual([{ id: 'small', text: 'fine' }]);
  });
});
