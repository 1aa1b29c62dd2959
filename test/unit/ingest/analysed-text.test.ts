import { describe, expect, it } from 'vitest';
import { analysedPart, MAX_ANALYSED_TEXT_CHARS } from '../../../lib/ingest/analysed-text.js';

describe('analysedPart', () => {
  it('leaves a comment within the limit alone', () => {
    const message = { id: 'a', text: 'w '.repeat(MAX_ANALYSED_TEXT_CHARS / 2) };
    expect(analysedPart(message)).toBe(message);
  });

  it('cuts a longer comment at the last whitespace before the limit, never inside an identifier', () => {
    const card = '4111 1111 1111 1111';
    const filler = 'word '.repeat((MAX_ANALYSED_TEXT_CHARS - 10) / 5);
    const message = { id: 'a', text: `${filler}jane.doe@example.com ${card} and more`, score: 1 };
    const { text, score } = analysedPart(message);
    expect(score).toBe(1);
    expect(text.length).toBeLessThanOrEqual(MAX_ANALYSED_TEXT_CHARS);
    expect(text.endsWith('word')).toBe(true);
    expect(text).not.toContain('jane');
  });

  it('cuts a single endless word at the limit, keeping the text well formed', () => {
    const text = `${'x'.repeat(MAX_ANALYSED_TEXT_CHARS - 1)}😡${'x'.repeat(100)}`;
    const part = analysedPart({ id: 'a', text }).text;
    expect(part.length).toBeLessThanOrEqual(MAX_ANALYSED_TEXT_CHARS);
    expect(part.isWellFormed()).toBe(true);
  });
});
