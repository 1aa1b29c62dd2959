import dictionaryEn from 'dictionary-en';
import { describe, expect, it } from 'vitest';
import {
  acceptsBareGivenName,
  listedGivenNames,
  mayBeGivenName,
} from '../../../../lib/analysis/privacy/bare-given-names.js';
import { piiClues } from '../../../../lib/analysis/privacy/pii-clues.js';
import { findPii, redactPii } from '../../../../lib/analysis/privacy/redact-pii.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const listed = listedGivenNames();

/** The text redacted as the analysis redacts it: with the clues of its tokens, and without. */
function redactedBothWays(text: string): [string, string] {
  return [redactPii(text, findPii(text, piiClues(text, tokenize(text)))), redactPii(text)];
}

describe('given-name-list.json', () => {
  it('lists capitalised names in ASCII, sorted, each once', () => {
    expect(listed.length).toBeGreaterThan(3000);
    expect(listed.filter((name) => !/^[A-Z][a-z]{2,}$/.test(name))).toEqual([]);
    expect([...listed].sort()).toEqual(listed);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('holds no word that English writes in lower case (else run `npm run build:given-names`)', () => {
    const words = new Set(
      new TextDecoder()
        .decode(dictionaryEn.dic)
        .split('\n')
        .map((line) => line.split('/')[0] ?? ''),
    );
    expect(listed.filter((name) => words.has(name.toLowerCase()))).toEqual([]);
  });

  it('keeps out months, cities travelled to, brands and contractions without their apostrophe', () => {
    const names = new Set(listed);
    for (const word of ['June', 'London', 'Sydney', 'Mercedes', 'Alexa', 'Ive', 'Islam'])
      expect(names).not.toContain(word);
    for (const name of ['Priya', 'Gemma', 'Mohammed', 'Siobhan', 'Tomasz', 'Aisha'])
      expect(names).toContain(name);
  });
});

describe('bare given names in redaction', () => {
  it.each([
    [
      'Thank you Priya for sorting my SIM swap so quickly!',
      'Thank you [NAME] for sorting my SIM swap so quickly!',
    ],
    ['spoke to Gemma on Tuesday, she was great', 'spoke to [NAME] on Tuesday, she was great'],
    ['Ask for Mohammed Ali at the Croydon store', 'Ask for [NAME] at the Croydon store'],
    ["Priya's team sorted it", "[NAME]'s team sorted it"],
    ['Priya and Gemma were great', '[NAME] and [NAME] were great'],
    ['Justin, our waiter, was attentive', '[NAME], our waiter, was attentive'],
    ['Siân in Cardiff helped', '[NAME] in Cardiff helped'],
    ['Anna-Maria Piilast was great', '[NAME] was great'],
  ])('finds the name in %j', (text, expected) => {
    expect(redactedBothWays(text)).toEqual([expected, expected]);
  });

  it.each([
    // Names that are words, found only after a cue; a brand; a city; a contraction; a handle, hashtag, address.
    ['Mark at the branch sorted it'],
    ['Will you call me back?'],
    ['Sky cut my broadband off'],
    ['our flight to Sydney was cancelled'],
    ["Aren't you meant to reply?"],
    ['Ive been waiting all day'],
    ['thanks @Priya and #Priya'],
    // A city before its state is no name.
    ['ship to Austin, TX before Friday'],
    // Written in capitals, a name is not told from an acronym or a shouted word.
    ['PRIYA WAS GREAT'],
  ])('leaves %j as written', (text) => {
    expect(redactedBothWays(text)).toEqual([text, text]);
  });

  it('takes a surname after the name, not a word of sentiment or service', () => {
    expect(redactedBothWays('Gemma Piisharma rang me')[0]).toBe('[NAME] rang me');
    expect(redactedBothWays('Ben Was Great')[0]).toBe('[NAME] Was Great');
    expect(redactedBothWays('Priya Customer Service team')[0]).toBe('[NAME] Customer Service team');
    expect(acceptsBareGivenName('Priya Sharma')).toBe(true);
    expect(acceptsBareGivenName('Priya Great')).toBe(false);
  });

  it('gives the word clue of a listed name from a token, possessive included', () => {
    expect(mayBeGivenName('priya')).toBe(true);
    expect(mayBeGivenName("priya's")).toBe(true);
    expect(mayBeGivenName('mark')).toBe(false);
  });
});
