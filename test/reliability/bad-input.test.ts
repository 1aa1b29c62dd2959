import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { escapeAstralCharacters } from '../../lib/queue/send-feedback.js';
import { FOLLOW_UP_ANY_AGE } from '../support/any-age.js';
import { type BadInputCase, badInputCorpus } from './bad-input-corpus.js';

const corpus = badInputCorpus();
let pipeline: LocalPipeline;
/** Per case: the SQS message id it was sent as, or why SQS refused it. */
const sent = new Map<BadInputCase, { messageId: string } | { refused: string }>();

beforeAll(async () => {
  pipeline = await startLocalPipeline(FOLLOW_UP_ANY_AGE);
  const { client } = pipeline.stack.sqs;
  // One at a time in order, so "the same id twice" arrives in the order written.
  for (const item of corpus) {
    try {
      const response = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: pipeline.stack.queueUrl,
          Entries: [{ Id: '0', MessageBody: escapeAstralCharacters(item.body) }],
        }),
      );
      const ok = response.Successful?.[0];
      sent.set(
        item,
        ok?.MessageId ? { messageId: ok.MessageId } : { refused: response.Failed?.[0]?.Code ?? 'failed' },
      );
    } catch (error) {
      sent.set(item, { refused: (error as Error).name });
    }
    // The two deliveries of one id must not race each other in two pollers.
    if (item.name === 'an id sent first') await pipeline.drain();
  }
  await pipeline.drain();
}, 600_000);

afterAll(async () => {
  await pipeline?.stop();
});

describe(`bad-input corpus through the local pipeline (${corpus.length} cases)`, () => {
  it('has at least 200 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  it('gives every case its expected outcome', async () => {
    const rejects = await pipeline.stack.store.listRejected({ limit: 1000 });
    const rejectByMessage = new Map(rejects.map((reject) => [reject.sourceMessageId, reject]));
    const wrong: string[] = [];
    for (const item of corpus) {
      const delivery = sent.get(item);
      const expected = item.expected;
      let actual: string;
      if (!delivery || 'refused' in delivery) actual = 'unsendable';
      else if (rejectByMessage.has(delivery.messageId))
        actual = `rejected: ${rejectByMessage.get(delivery.messageId)?.reason}`;
      else if (item.id && (await pipeline.stack.store.getFeedback(item.id)))
        actual = expected.outcome === 'duplicate' ? 'duplicate' : 'stored';
      else actual = 'lost';
      const want = expected.outcome === 'rejected' ? `rejected: ${expected.reason}` : expected.outcome;
      if (actual !== want) wrong.push(`${item.name}: expected ${want}, got ${actual}`);
    }
    expect(wrong).toEqual([]);
  });

  it('loses nothing: every sent message was stored, a duplicate or a stored reject, none dead-lettered', async () => {
    // Distinct queue messages: on a busy machine a batch can outlive its visibility timeout and be
    // delivered again, which the store absorbs; counting deliveries would count those twice.
    const delivered = [...sent.values()].flatMap((d) => ('messageId' in d ? [d.messageId] : []));
    expect(new Set(pipeline.handled.keys())).toEqual(new Set(delivered));
    expect(await pipeline.deadLettered()).toBe(0);
    expect(pipeline.poller.stats.handlerErrors).toBe(0);
  });

  it('keeps the first version of a reused id and stores redacted text only', async () => {
    const twice = corpus.find((item) => item.name === 'an id sent first');
    expect((await pipeline.stack.store.getFeedback(twice?.id ?? ''))?.redactedText).toBe('first version');
    const card = corpus.find((item) => item.name === 'text with an e-mail and a card');
    const record = await pipeline.stack.store.getFeedback(card?.id ?? '');
    expect(record?.redactedText).toBe('Refund to [CARD], mail [EMAIL]');
  });

  it('stores half an emoji (a lone surrogate) as U+FFFD, so alerts and reports can carry it', async () => {
    const lone = corpus.find((item) => item.name === 'text with a lone high surrogate');
    expect((await pipeline.stack.store.getFeedback(lone?.id ?? ''))?.redactedText).toBe('broken \ufffd text');
    expect(pipeline.alerts.some(({ alert }) => alert.id === lone?.id)).toBe(true);
  });

  it('is not polluted by __proto__ or constructor keys', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('marks other languages as not analysed rather than forcing English themes on them', async () => {
    for (const item of corpus.filter((c) => c.name.startsWith('text in '))) {
      const record = await pipeline.stack.store.getFeedback(item.id ?? '');
      expect(record?.analysis.textAnalysed, item.name).toBe(false);
      expect(record?.analysis.themes, item.name).toEqual([]);
    }
  });
});
