import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  finishReplay,
  pendingBodies,
  QueueJournal,
  takePendingMessages,
} from '../../../lib/local/queue-journal.js';

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

describe('pendingBodies', () => {
  it('keeps accepted messages not marked done, in order', () => {
    const text =
      line({ accepted: 'm1', body: 'one' }) +
      line({ accepted: 'm2', body: 'two' }) +
      line({ done: ['m1'] }) +
      line({ accepted: 'm3', body: 'three' });
    expect(pendingBodies(text)).toEqual(['two', 'three']);
  });

  it('skips a line cut short by a crash, and anything that is not a journal line', () => {
    const text = `${line({ accepted: 'm1', body: 'one' })}{"accepted":"m2","bo\n[1,2]\nnot json\n${line({ done: 'm1' })}`;
    expect(pendingBodies(text)).toEqual(['one']);
    expect(pendingBodies('')).toEqual([]);
  });
});

describe('the journal across a restart', () => {
  it('hands the unfinished messages to the next start once, even if that start crashes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-journal-'));
    const journal = QueueJournal.open(dir);
    journal.accepted([
      { messageId: 'm1', body: '{"id":"a"}' },
      { messageId: 'm2', body: '{"id":"b"}' },
    ]);
    journal.done(['m1']);
    journal.close();

    expect(takePendingMessages(dir)).toEqual(['{"id":"b"}']);
    // The replay was cut short (no finishReplay): the next start still has it, and the new run's journal.
    const next = QueueJournal.open(dir);
    next.accepted([{ messageId: 'n1', body: '{"id":"c"}' }]);
    next.close();
    expect(takePendingMessages(dir).sort()).toEqual(['{"id":"b"}', '{"id":"c"}']);
    finishReplay(dir);
    expect(takePendingMessages(dir)).toEqual([]);
  });

  it('writes each accepted message to disk as one JSON line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-journal-'));
    const journal = QueueJournal.open(dir);
    journal.accepted([{ messageId: 'm1', body: 'line one\nline "two" 😀' }]);
    journal.close();
    const text = readFileSync(join(dir, 'queue-journal.jsonl'), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(pendingBodies(text)).toEqual(['line one\nline "two" 😀']);
    writeFileSync(join(dir, 'queue-journal.jsonl'), '');
    expect(takePendingMessages(dir)).toEqual([]);
  });
});
