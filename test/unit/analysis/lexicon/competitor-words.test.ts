import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const lexical = (text: string) => scoreLexicalSentiment(text, tokenize(text));
const label = (text: string) => analyzeFeedback({ id: 'rival', text, channel: 'social' }).sentiment.label;

describe('praise of a competitor', () => {
  it('turns the praise after "unlike you": it is said of the other company', () => {
    const reading = lexical('unlike you, the other hotel had friendly helpful staff');
    expect(reading.positive).toBe(0);
    expect(reading.negative).toBeLessThan(-2);
  });

  it('turns the praise before "unlike you" in its clause: the other company did well', () => {
    const reading = lexical('the other bank sorted it in minutes, unlike you');
    expect(reading.positive).toBe(0);
    expect(label('the other bank sorted it in minutes, unlike you')).toBe('negative');
  });

  it('keeps praise before "unlike your ...": two things of this company compared', () => {
    expect(lexical('the new staff are lovely, unlike your old manager').positive).toBeGreaterThan(0);
  });

  it('keeps praise before the comparison in another clause', () => {
    expect(lexical('the pizza was great. unlike your last delivery').positive).toBeGreaterThan(0);
  });

  it.each(['unlike you, my old bank answered within a day', 'unlike your app, their website actually works'])(
    '%j is a complaint',
    (text) => {
      expect(label(text)).toBe('negative');
    },
  );

  it('names the competitors as a complaint: "your competitors deliver on a sunday"', () => {
    expect(lexical('your competitors deliver on a sunday').negative).toBeLessThan(0);
  });

  it('a competitor named without a comparison is no complaint: "unlike" must face this company', () => {
    expect(lexical('the new branch is unlike the old one').negative).toBe(0);
  });
});
