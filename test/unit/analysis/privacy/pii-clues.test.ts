import { describe, expect, it } from 'vitest';
import { piiClues } from '../../../../lib/analysis/privacy/pii-clues.js';
import { findPii } from '../../../../lib/analysis/privacy/redact-pii.js';
import { normalizeText } from '../../../../lib/analysis/text/normalize-text.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

function cluesOf(raw: string) {
  const text = normalizeText(raw);
  return { text, clues: piiClues(text, tokenize(text)) };
}

describe('piiClues', () => {
  it.each([
    'My Name Is Jane Doe and the router still drops',
    'Kind REGARDS,\nJane',
    'write to jane (AT) example (dot) org please',
    'mail jane at example.com',
    'lives at 12 High Street',
    'café staff were lovely, my name is Zoë Ball',
    'no identifiers here, just a slow refund',
    'tweet @united about it, name is Jo',
    '#mynameis Jo and I waited',
    'see www.example.com, regards Jo',
  ])('finds what the text alone finds: %s', (raw) => {
    const { text, clues } = cluesOf(raw);
    expect(findPii(text, clues)).toEqual(findPii(text));
  });

  it('counts the digits of the text', () => {
    expect(cluesOf('waited 45 minutes, ref 12-34').clues.digits).toBe(6);
    expect(cluesOf('call @jo 0770 or mail jo@example.com').clues.digits).toBe(4);
  });

  it('rules out identifiers in words only when no cue word and no digit is there', () => {
    expect(cluesOf('the app keeps crashing').clues.wordCues).toBe(false);
    expect(cluesOf('the app keeps crashing at night').clues.wordCues).toBe(true);
    expect(cluesOf('renamed my account').clues.wordCues).toBe(true);
    expect(cluesOf('crashed 3 times').clues.wordCues).toBe(true);
    expect(cluesOf('#fail again').clues.wordCues).toBe(true);
  });
});
