import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const lexical = (text: string) => scoreLexicalSentiment(text, tokenize(text));
const label = (text: string) => analyzeFeedback({ id: 'rhetoric', text, channel: 'social' }).sentiment.label;

describe('rhetorical questions', () => {
  it.each([
    'how hard is it to bring the right order?',
    'how many times do I have to ring the broadband helpline?',
    'why is it always my train that gets cancelled?',
    'does anyone actually read the complaints at this hotel?',
    'who trains your cabin crew?',
    'why does it keep asking me to verify my household when I am at home',
    'why do you keep sending me letters for the last tenant?',
  ])('%j is a complaint', (text) => {
    expect(label(text)).toBe('negative');
  });

  it('turns the praise after it: what is asked for was not had', () => {
    const reading = lexical('how hard is it to give a friendly answer?');
    expect(reading.positive).toBe(0);
    expect(reading.complaintByForm).toBe(true);
  });

  it.each([
    'how long does delivery to Spain take?',
    'how many times can I change my booking?',
    'is anyone free to help at the desk?',
  ])('%j asks for a fact', (text) => {
    expect(label(text)).toBe('neutral');
  });
});
