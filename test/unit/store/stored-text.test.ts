import { describe, expect, it } from 'vitest';
import { redactPii } from '../../../lib/analysis/privacy/redact-pii.js';
import { contentHash } from '../../../lib/store/content-hash.js';
import { MAX_STORED_TEXT_CHARS, storedText } from '../../../lib/store/stored-text.js';

describe('storedText', () => {
  it('keeps text up to the cap as it is', () => {
    const text = redactPii('x'.repeat(MAX_STORED_TEXT_CHARS));
    expect(storedText(text)).toEqual({ text, truncated: false });
    expect(storedText(redactPii(''))).toEqual({ text: '', truncated: false });
  });

  it('cuts longer text at the cap and says so', () => {
    const { text, truncated } = storedText(redactPii('y'.repeat(60_000)));
    expect(truncated).toBe(true);
    expect(text.length).toBe(MAX_STORED_TEXT_CHARS);
  });

  it('never keeps half an emoji', () => {
    const text = `${'a'.repeat(MAX_STORED_TEXT_CHARS - 1)}😡 more`;
    const stored = storedText(redactPii(text));
    expect(stored.truncated).toBe(true);
    expect(stored.text).toBe('a'.repeat(MAX_STORED_TEXT_CHARS - 1));
    expect(stored.text.isWellFormed()).toBe(true);
  });
});

describe('contentHash', () => {
  const message = {
    id: 'a1',
    text: 'Waited an hour',
    score: 2,
    segment: { department: 'Billing', team: 'B' },
  };

  it('is the same for the same content whatever the key order', () => {
    expect(contentHash(message)).toBe(
      contentHash({
        segment: { team: 'B', department: 'Billing' },
        score: 2,
        text: 'Waited an hour',
        id: 'a1',
      }),
    );
    expect(contentHash(message)).toMatch(/^sha256:[0-9a-f]{32}$/);
  });

  it.each([
    { change: { text: 'Waited an hour!' } },
    { change: { score: 3 } },
    { change: { segment: { department: 'Sales', team: 'B' } } },
    { change: { submittedAt: '2026-01-01' } },
    { change: { metadata: { survey: 'q2' } } },
  ])('differs when $change changes', ({ change }) => {
    expect(contentHash({ ...message, ...change })).not.toBe(contentHash(message));
  });
});
