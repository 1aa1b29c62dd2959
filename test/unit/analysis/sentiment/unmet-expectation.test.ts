import { describe, expect, it } from 'vitest';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

// The valence of an unmet expectation, unlike any phrase's: picks its cues out of the others.
const UNMET = -1.5;

function unmetAt(text: string): number[] {
  return scoreLexicalSentiment(text, tokenize(text))
    .cues.filter((cue) => cue.valence === UNMET)
    .map((cue) => cue.at);
}

// Unmet expectations are found by scanning each marker's clause for a negator and a complaint.
describe('an unmet expectation', () => {
  it('is read where "yet" or "still" stands in a negated clause', () => {
    expect(unmetAt("The card came yet I don't know")).toEqual([3]);
    expect(unmetAt("Still haven't got it. The card hasn't come yet")).toEqual([8]);
  });

  it('counts once per clause, and again in another clause', () => {
    expect(unmetAt("The card came yet I don't know yet")).toEqual([3]);
    expect(unmetAt("The card came yet I don't know. The PIN hasn't come yet")).toEqual([3, 11]);
  });

  it('is not read without a negator in its clause, nor where the clause already complains', () => {
    expect(unmetAt('The card is still here')).toEqual([]);
    expect(unmetAt("The awful card came yet I don't know")).toEqual([]);
  });
});
