import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const lexical = (text: string) => scoreLexicalSentiment(text, tokenize(text));

describe('a service pushing the problem away', () => {
  it.each([
    'the counter staff told me it was not their problem',
    "the call centre said it isn't their department",
    "he shrugged and said it wasn't his job",
    'they kept reading a script instead of listening',
    'the bot sent me in circles instead of helping',
    'the shop said there was nothing they could do',
    'they closed my case without resolving it',
  ])('%j reads as a complaint', (text) => {
    expect(lexical(text).negative).toBeLessThan(0);
    expect(lexical(text).positive).toBe(0);
    expect(analyzeFeedback({ id: 'd', text }).sentiment.label).toBe('negative');
  });

  it.each([
    // Defending the staff, and the customer's own choice.
    'it was not their fault and the crew were lovely',
    'I booked online instead of phoning, which took two minutes',
  ])('%j is no deflection', (text) => {
    expect(lexical(text).negative).toBe(0);
  });
});
