import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QueueJournal, takePendingMessages } from '../../../lib/local/queue-journal.js';

/**
 * The local queue journal holds customers' raw messages (their words, their phone numbers) so that a
 * crash loses nothing: only as long as they are not handled, and only for the owner's eyes.
 */
const body = (id: string) => JSON.stringify({ id, text: `Call me on 07700 900${id.slice(-3)}`, score: 0 });

describe('the queue journal and the personal data in it', () => {
  it('is readable by its owner only, even when an older journal was not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-journal-mode-'));
    const path = join(dir, 'queue-journal.jsonl');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const journal = QueueJournal.open(dir);
    journal.accepted([{ messageId: 'm1', body: body('a-001') }]);
    journal.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('forgets the raw messages once every accepted one is handled, and keeps what is still pending', () => {
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-journal-forget-'));
    const path = join(dir, 'queue-journal.jsonl');
    const journal = QueueJournal.open(dir);
    journal.accepted([
      { messageId: 'm1', body: body('a-001') },
      { messageId: 'm2', body: body('a-002') },
    ]);
    journal.done(['m1']);
    expect(readFileSync(path, 'utf8')).toContain('900002');
    journal.done(['m2']);
    expect(readFileSync(path, 'utf8')).toBe('');
    journal.accepted([{ messageId: 'm3', body: body('a-003') }]);
    journal.close();
    expect(readFileSync(path, 'utf8')).not.toContain('900001');
    expect(takePendingMessages(dir)).toEqual([body('a-003')]);
  });
});
