import { describe, expect, it } from 'vitest';
import { stemWord, tokenize } from '../../../lib/analysis/tokenize.js';

describe('tokenize', () => {
  it('keeps contractions whole, folds typographic apostrophes and records offsets', () => {
    const text = 'I didn\u2019t get a call';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['i', "didn't", 'get', 'a', 'call']);
    for (const token of tokens)
      expect(text.slice(token.start, token.end).toLowerCase().replace('\u2019', "'")).toBe(token.word);
  });

  it('starts a new clause at sentence punctuation and at contrast words', () => {
    const tokens = tokenize('Good price. Slow, but friendly');
    expect(tokens.map((t) => t.clause)).toEqual([0, 0, 1, 2, 2]);
  });

  it('stems English words and leaves other scripts alone', () => {
    expect(stemWord('waiting')).toBe('wait');
    expect(stemWord('transferred')).toBe('transfer');
    expect(tokenize('配達が遅い').map((t) => t.stem)).toEqual(['配達が遅い']);
  });

  it('handles emoji, digits and empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😡😡 ok').map((t) => t.word)).toEqual(['😡', '😡', 'ok']);
    expect(tokenize('45 mins').map((t) => t.word)).toEqual(['45', 'mins']);
  });
});
