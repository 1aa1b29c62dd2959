import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import type { LexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { exclamationEmphasis, scoreSentiment } from '../../../../lib/analysis/sentiment/score-sentiment.js';

function lexical(positive: number, negative: number): LexicalSentiment {
  return {
    positive,
    negative,
    clauseValence: new Map(),
    cues: [],
    complaintByForm: false,
    lapseMarkers: false,
    concessionMarkers: false,
    repeatMarkers: false,
    frontedNegator: false,
    closingVerdict: 0,
  };
}

function score(text: string): number {
  return analyzeFeedback({ id: 'fb-1', text }).sentiment.score;
}

describe('exclamationEmphasis', () => {
  it('counts exclamation marks up to a cap', () => {
    expect(exclamationEmphasis('The parcel came on time.')).toBe(0);
    expect(exclamationEmphasis('Parcel lost!')).toBeGreaterThan(0);
    expect(exclamationEmphasis('Parcel lost!!')).toBeGreaterThan(exclamationEmphasis('Parcel lost!'));
    expect(exclamationEmphasis('Parcel lost!!!!!!!!')).toBe(exclamationEmphasis('Parcel lost!!!!'));
  });
});

describe('scoreSentiment', () => {
  it('lets exclamation marks strengthen the way the comment leans, either way', () => {
    const plain = scoreSentiment(lexical(0, -2), 0).score;
    const shouted = scoreSentiment(lexical(0, -2), 0, 0, 1).score;
    expect(shouted).toBeLessThan(plain);
    expect(scoreSentiment(lexical(2, 0), 0, 0, 1).score).toBeGreaterThan(
      scoreSentiment(lexical(2, 0), 0).score,
    );
  });

  it('does not invent a leaning from exclamation marks alone', () => {
    expect(scoreSentiment(lexical(0, 0), 0, 0, 2).score).toBe(0);
  });

  it('ranks an exclaimed complaint ahead of the same complaint said flatly', () => {
    expect(score('My bank card still has not arrived!!!')).toBeLessThan(
      score('My bank card still has not arrived.'),
    );
    expect(score('Lovely room, friendly staff!!')).toBeGreaterThan(score('Lovely room, friendly staff.'));
  });
  it('ranks a complaint that also praises something after one with nothing good to say', () => {
    const unqualified = scoreSentiment(lexical(0, -3), 0).score;
    const hedged = scoreSentiment(lexical(2, -5), 0).score;
    expect(hedged).toBeLessThan(0);
    expect(hedged).toBeGreaterThan(unqualified);
  });

  it('leaves a complaint with no praise in it as strong as before', () => {
    expect(scoreSentiment(lexical(0, -3), 0).score).toBeCloseTo(-3 / Math.sqrt(9 + 6), 3);
  });
  it("lets the model's full confidence alone give a clear leaning, short of a strong complaint's", () => {
    const modelOnly = scoreSentiment(lexical(0, 0), 0, -1).score;
    expect(modelOnly).toBeLessThan(-0.1);
    expect(modelOnly).toBeGreaterThan(scoreSentiment(lexical(0, -3), 0).score);
  });
});
