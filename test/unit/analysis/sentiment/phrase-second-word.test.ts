import { describe, expect, it } from 'vitest';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { lexemeOf } from '../../../../lib/analysis/text/lexemes.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

function net(text: string): number {
  const result = scoreLexicalSentiment(text, tokenize(text));
  return result.positive + result.negative;
}

// Phrases are found by the number of their second word's stem, after a per-word bit says the word is
// some phrase's second word at all. These check both ways in, including a word the table had no room for.
describe('matching a phrase by its second word', () => {
  it('finds the phrase whatever inflection of its second word is written', () => {
    expect(net('no problem')).toBeGreaterThan(0);
    expect(net('no problems')).toBe(net('no problem'));
    expect(net('Honestly no problems at all')).toBe(net('Honestly no problem at all'));
  });

  it('reads a first word followed by no second word of any phrase on its own', () => {
    expect(net('no')).toBe(net('no banana'));
    expect(net('problem no')).toBeLessThan(0);
  });

  it('still finds the phrase when its second word is met after the table of words filled up', () => {
    // Words nobody writes fill the table (their digits keep them from being stemmed: cheap to add).
    for (let i = 0; i < 50_000; i++) lexemeOf(`zz${i}`);
    // "issuing" stems as "issues" does, the second word of "no issues", and has no number of its own.
    expect(lexemeOf('issuing').id).toBe(-1);
    expect(lexemeOf('issuing').stemId).toBe(-1);
    expect(net('no issuing')).toBe(net('no issues'));
    expect(net('no issuing')).toBeGreaterThan(0);
  });
});
