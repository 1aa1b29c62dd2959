import { describe, expect, it } from 'vitest';
import { cluesOfRepaired, piiClues } from '../../../../lib/analysis/privacy/pii-clues.js';
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
    'call 0207 946 0958, my name is Jo Bloggs',
    'Kind regards\nJo, 12 High Street',
    'waited 45 minutes at the shop in the High Street',
    'mail jo (at) example (dot) com about order 12345678',
    'my number is oh seven seven double oh nine oh oh one two three',
    'one two three four five and no reply',
    // Spacing the view changes (runs of spaces, a slash between digits): the clues hold for the view too.
    'my  name is Jo Bloggs, order 1234',
    'ring me on oh seven  seven double oh nine oh oh one two three',
    'mail jo  at example.com about 12/34/5678',
    'mail jo (at) example (dot) com  about order 12345678',
    'waited  45 minutes, ref 1 2 3 4 5, regards Jo',
    'call at 1 2 3 4 5.co please',
    'my n%61me is Jo Bloggs, order 1234  thanks',
    'sent to 12 High Street\u2019s back door, x\u2019Rd 4',
    'flat 2, 14  Baker St. and 9 Mill Lane',
    '3 days on Caf\u00e9Road 12',
    // Text whose view is itself though not plain ASCII: the clues hold for it as they stand.
    'Zoë says my name\u2019s Jo Bloggs \u2013 ring oh seven seven double oh nine oh oh one two three',
    'Kind regards, Zoë \u2014 order 1234, mail jo at example.com',
  ])('finds what the text alone finds: %s', (raw) => {
    const { text, clues } = cluesOf(raw);
    expect(findPii(text, clues)).toEqual(findPii(text));
  });

  it('counts the digits of the text', () => {
    expect(cluesOf('waited 45 minutes, ref 12-34').clues.digits).toBe(6);
    expect(cluesOf('call @jo 0770 or mail jo@example.com').clues.digits).toBe(4);
  });

  it('rules a word cue out only when none of its words is in the text', () => {
    const none = {
      spelledEmail: false,
      name: false,
      spokenDigits: false,
      signOff: false,
      accountHandle: false,
      cardSecurityCode: false,
      secret: false,
      introducedName: false,
      titledName: false,
      bareName: false,
      street: false,
    };
    expect(cluesOf('the app keeps crashing').clues.words).toEqual(none);
    expect(cluesOf('the app keeps crashing AT night').clues.words).toEqual({ ...none, spelledEmail: true });
    expect(cluesOf('renamed my account').clues.words).toEqual({ ...none, name: true });
    expect(cluesOf('Truly awful, dot the i').clues.words).toEqual({
      ...none,
      spelledEmail: true,
      name: true,
    });
    expect(cluesOf('ring oh seven double seven nine').clues.words).toEqual({ ...none, spokenDigits: true });
    expect(cluesOf('Cheers\nDave').clues.words).toEqual({ ...none, signOff: true, bareName: true });
    expect(cluesOf('my username is jdoe_1').clues.words).toEqual({
      ...none,
      name: true,
      accountHandle: true,
    });
    expect(cluesOf('the CVV 123').clues.words).toEqual({ ...none, cardSecurityCode: true });
    // A listed given name written capitalised may be a bare name; written in lower case it is not looked for.
    expect(cluesOf('ask for Priya').clues.words).toEqual({ ...none, bareName: true });
    expect(cluesOf("Priya's team").clues.words).toEqual({ ...none, bareName: true });
    expect(cluesOf('ask for priya').clues.words).toEqual(none);
    // A capitalised word after "is", "I'm", "am": maybe a name introduced; not after "this is great".
    expect(cluesOf('Hi, this is Mark').clues.words).toEqual({ ...none, introducedName: true });
    expect(cluesOf('this is great').clues.words).toEqual(none);
    // A capitalised word after a title or a relation: maybe a person's name; not "my son and I".
    expect(cluesOf('ask for Mrs Wallace').clues.words).toEqual({ ...none, titledName: true, bareName: true });
    expect(cluesOf('my wife Sarah booked it').clues.words).toEqual({
      ...none,
      titledName: true,
      bareName: true,
    });
    expect(cluesOf('my son and me').clues.words).toEqual(none);
    expect(cluesOf('my PIN is 4821').clues.words).toEqual({ ...none, secret: true });
    // A street type counts written as the cue reads it, capitalised; inside a word only after an apostrophe.
    expect(cluesOf('lives at 12 High Street').clues.words).toEqual({
      ...none,
      spelledEmail: true,
      street: true,
    });
    expect(cluesOf('no way, 12 days').clues.words).toEqual(none);
    expect(cluesOf("the Way's end").clues.words).toEqual({ ...none, street: true });
    expect(cluesOf("o'Road 12").clues.words).toEqual({ ...none, street: true });
    expect(cluesOf('Roadworks 1st').clues.words).toEqual(none);
    // Digit words apart do not make a run.
    expect(cluesOf('one call, two emails, three weeks, four days, five').clues.words).toEqual(none);
  });

  it('leaves the words to the cues when the text has handles, URLs or hashtags', () => {
    expect(cluesOf('#fail again').clues.words).toBeUndefined();
    expect(cluesOf('thanks @jo').clues.words).toBeUndefined();
    expect(cluesOf('see https://example.com').clues.words).toBeUndefined();
  });
});

describe('cluesOfRepaired', () => {
  it.each([
    'don\ufffdt call me, my name\ufffds Jo Bloggs',
    'refund of \ufffd95, ring oh seven seven double oh nine oh oh one two three',
    'mail jo\ufffd at example.com, regards Jo',
    'it\ufffds at 12 High Street \ufffd',
    'Kind regards\ufffd\nJo',
  ])('gives the original the clues that find what it alone finds: %s', (raw) => {
    const { text, clues } = cluesOf(raw);
    const repaired = cluesOfRepaired(raw, text, clues);
    expect(repaired).toBe(clues);
    expect(findPii(raw, repaired)).toEqual(findPii(raw));
  });

  it('gives none when normalizing changed more than U+FFFD', () => {
    for (const raw of ['<b>my name</b> is Jo \ufffd', 'Tom &amp; Jo\ufffds', 'tab\x01 name\ufffds']) {
      const { text, clues } = cluesOf(raw);
      expect(cluesOfRepaired(raw, text, clues), raw).toBeUndefined();
    }
  });
});
