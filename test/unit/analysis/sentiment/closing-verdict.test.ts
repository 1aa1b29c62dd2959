import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readClosingVerdict } from '../../../../lib/analysis/sentiment/closing-verdict.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

function read(text: string) {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return { lexical, closed: readClosingVerdict(tokens, lexical) };
}

const label = (text: string) => analyzeFeedback({ id: 'verdict', text }).sentiment.label;

describe("a review's closing verdict", () => {
  it('outweighs the small praises before it', () => {
    const text =
      'Nice enough car, clean, picked up on time. Then at drop-off they claimed a scratch that was there when we collected it and charged my card 300 euros. Never renting from them again.';
    const { lexical, closed } = read(text);
    expect(closed.negative).toBeLessThan(lexical.negative);
    expect(closed.positive).toBe(lexical.positive);
    expect(label(text)).toBe('negative');
  });

  it('outweighs the small gripes before it', () => {
    const { lexical, closed } = read(
      'The room was small. The breakfast was cold and the lift was slow. Would definitely stay here again.',
    );
    expect(closed.positive).toBeGreaterThan(lexical.positive);
    expect(closed.negative).toBe(lexical.negative);
  });

  it('takes a one-word last sentence as a verdict however mild its word: "Avoid."', () => {
    const { lexical, closed } = read(
      'Lovely lobby and a great location. The room smelled of damp and the heating rattled all night. Avoid.',
    );
    expect(closed.negative).toBeLessThan(lexical.negative);
    expect(closed.closingVerdict).toBe(-1);
    expect(lexical.closingVerdict).toBe(0);
  });

  it('outweighs the waits and contacts told on the way, not only the words', () => {
    const text =
      'The switch took three weeks longer than promised. I had to chase them twice for my final bill. Since then the app has been easy and my bills are lower. Overall I would recommend them.';
    expect(read(text).closed.closingVerdict).toBe(1);
    expect(label(text)).toBe('positive');
  });

  it.each([
    // A last remark that is no verdict on a service.
    'Great flight. Lovely crew. Hate you people.',
    // Too short to be a review: a remark and its answer.
    'Terrible wait, would use them again',
    // The last clause agrees with the rest: nothing to outweigh.
    'Awful food. Rude staff. Never again.',
    // The last clause leans both ways.
    'Lovely staff. Good food. Highly recommend the steak, would avoid the wine again.',
  ])('leaves %j as it was', (text) => {
    const { lexical, closed } = read(text);
    expect(closed).toBe(lexical);
  });
});
