import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const lexical = (text: string) => scoreLexicalSentiment(text, tokenize(text));
const label = (text: string, channel = 'social') =>
  analyzeFeedback({ id: 'obligation', text, channel }).sentiment.label;

describe('statements of what should happen', () => {
  it.each([
    'the crew should explain what is going on',
    'your driver has to ring the bell, not leave a card',
    'management needs to do something about the queues',
    'you need to sort out your billing',
    'you guys need to fix the wifi in room 12',
    'they need to refund me',
    'this needs to be fixed before the weekend',
    'the app needs fixing',
  ])('%j reads as a complaint', (text) => {
    expect(lexical(text).negative).toBeLessThan(0);
  });

  it('marks the reading as an obligation, so the model reads no plain request into it', () => {
    expect(lexical('the courier should knock').complaintByForm).toBe(true);
    expect(lexical('the courier knocked').complaintByForm).toBe(false);
  });

  it('turns the praise words of the clause: what ought to happen did not', () => {
    const owed = lexical('the bank staff should be polite and helpful');
    expect(owed.positive).toBe(0);
    expect(owed.negative).toBeLessThan(-1.5);
  });

  it.each([
    'I need to change my booking',
    'we have to check out by eleven',
    'you should try the lamb, it was great',
    'you have to watch this film',
    'they should be here by noon',
  ])('%j is no complaint', (text) => {
    expect(lexical(text).negative).toBe(0);
  });

  it.each([
    'staff need to treat passengers with respect',
    'your staff should be more polite',
    'the bank needs to sort this out',
    'someone needs to answer the phone at the depot',
    'the airline must refund the fee',
  ])('%j is negative on social media', (text) => {
    expect(label(text)).toBe('negative');
  });
});
