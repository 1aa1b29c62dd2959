import { describe, expect, it } from 'vitest';
import { isPrintableAscii } from '../../../../lib/analysis/text/normalize-text.js';
import {
  EXCLAMATION_MARK,
  QUESTION_MARK,
  textMarks,
  UNKNOWN_MARKS,
} from '../../../../lib/analysis/text/text-marks.js';
import {
  type MarksRead,
  stemWord,
  tokenize,
  tokenizePrintable,
} from '../../../../lib/analysis/text/tokenize.js';

describe('tokenize', () => {
  it('keeps contractions whole, folds typographic apostrophes and records offsets', () => {
    const text = 'I didn\u2019t get a call';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['i', "didn't", 'get', 'a', 'call']);
    for (const token of tokens)
      expect(text.slice(token.start, token.end).toLowerCase().replace('\u2019', "'")).toBe(token.word);
  });

  it('reads curly and straight apostrophes as one word', () => {
    const [, curly] = tokenize('They didn\u2019t \u201ccall\u201d \u2013 \u00a345 lost');
    const [, straight] = tokenize("They DIDN'T call");
    expect(curly?.lexeme).toBe(straight?.lexeme);
    expect(curly?.negator).toBe(true);
  });

  it('starts a new clause at sentence punctuation and at contrast words', () => {
    const tokens = tokenize('Good price. Slow, but friendly');
    expect(tokens.map((t) => t.clause)).toEqual([0, 0, 1, 2, 2]);
  });

  it('ends a negation at a comma, and keeps the clause', () => {
    const tokens = tokenize('never a fuss, fair price');
    expect(tokens.map((t) => t.negated)).toEqual([false, true, true, false, false]);
    expect(new Set(tokens.map((t) => t.clause))).toEqual(new Set([0]));
    expect(
      tokenize('never a fuss, fair price é')
        .map((t) => t.negated)
        .slice(0, 5),
    ).toEqual([false, true, true, false, false]);
  });

  it('ends the reach of "didn\'t" at a past tense joined by "and": it is said, not denied', () => {
    const negated = (text: string) => tokenize(text).map((t) => `${t.word}${t.negated ? '~' : ''}`);
    expect(negated("the doctor didn't listen and rushed me out")).toEqual([
      'the',
      'doctor',
      "didn't",
      'listen~',
      'and~',
      'rushed',
      'me',
      'out',
    ]);
    expect(negated('they did not call and cancelled')).toEqual([
      'they',
      'did',
      'not',
      'call~',
      'and~',
      'cancelled',
    ]);
    // A bare form stays denied ("didn't call and apologise"), and so do a past participle after "wasn't".
    expect(negated("he didn't call and apologise")).toEqual(['he', "didn't", 'call~', 'and~', 'apologise~']);
    expect(negated("the room wasn't cleaned and tidied")).toEqual([
      'the',
      'room',
      "wasn't",
      'cleaned~',
      'and~',
      'tidied~',
    ]);
    // The same words, non-ASCII text taking the other path.
    expect(negated("the doctor didn't listen and rushed me out é").slice(5, 6)).toEqual(['rushed']);
  });

  it('stems English words and leaves other scripts alone', () => {
    expect(stemWord('waiting')).toBe('wait');
    expect(stemWord('transferred')).toBe('transfer');
    expect(tokenize('配達が遅い').map((t) => t.stem)).toEqual(['配達が遅い']);
  });

  it('handles emoji, digits and empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😡😡 ok').map((t) => t.word)).toEqual(['😡', '😡', 'ok']);
    expect(tokenize('45 mins').map((t) => t.word)).toEqual(['45', 'mins']);
  });
});

describe('tokenize on plain ASCII (its fast path) and on other text', () => {
  // A trailing non-ASCII word sends the same text down the general path; everything before it must
  // come out the same.
  const pieces = [
    'Hold',
    'didn',
    "'t",
    "'",
    'but',
    'HOWEVER',
    '45mins',
    'x1',
    ' ',
    '  ',
    '.',
    '!?',
    ';',
    ':',
    '\n',
    '(',
    ')',
    ',',
    '-',
    '"',
    '3',
    'I',
    "'ve",
    '\u2019ve',
    '\u2019',
    '\u201cOK\u201d',
    '\u2013',
    '\u2026',
    '\u00a3',
    '\u20ac',
    '$',
    '\u00a312',
    '$4',
    '\u20ac9.99',
    // What a damaged survey export leaves where a character was lost.
    '\ufffd',
  ];

  function randomText(seed: number): string {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state;
    };
    return Array.from({ length: 1 + (next() % 40) }, () => pieces[next() % pieces.length]).join('');
  }

  it('gives the same tokens, offsets and clauses on 2,000 generated texts', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const text = randomText(seed);
      const general = tokenize(`${text} é`);
      expect(general.at(-1)?.word).toBe('é');
      expect(tokenize(text), text).toEqual(general.slice(0, -1));
    }
  });

  it('keeps a currency sign with the amount after it, and no other sign', () => {
    for (const text of ['£180 for a check-up', 'charged €12, then $4.50', 'paid £4.50 é']) {
      const words = tokenize(text).map((token) => text.slice(token.start, token.end));
      expect(
        words.filter((word) => /^[£$€]/.test(word)),
        text,
      ).toEqual(text.match(/[£$€]\d+/g));
    }
    expect(tokenize('$ 5, $x, £ and 50 quid').map((token) => token.word)).toEqual([
      '5',
      'x',
      'and',
      '50',
      'quid',
    ]);
  });

  it('puts every ASCII digit of a text in a word, so the words count them', () => {
    for (const text of [
      'Call 07700 900123, ref #A1-B2/3.',
      'It took 3½ weeks (2nd visit) at 10:30am',
      'Card 4111-1111-1111-1111 ٣ digits 😡 99',
      "I've waited 45mins; ‘twenty’ – 1,000,000 calls…",
      '',
    ]) {
      const inWords = tokenize(text).reduce((sum, token) => sum + token.lexeme.digits, 0);
      expect(inWords, text).toBe(text.replace(/[^0-9]/g, '').length);
    }
  });
});

describe('tokenizePrintable', () => {
  // Characters on both sides of the printable line, in words, social parts and emoticons.
  const pieces = [
    'ok',
    "didn't",
    'didn\u2019t',
    ' ',
    '\t',
    '\n',
    '\r',
    '\x00',
    '\x7f',
    '<',
    '&',
    '>',
    '<3',
    ':)',
    '@jo',
    '#fail',
    'https://x.example/?a=1&b=2',
    'www.example.com',
    '\u201c',
    '\u00e9',
    '\ufffd',
    '%',
    '45',
    '.',
  ];

  function randomText(seed: number): string {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state;
    };
    return Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]).join('');
  }

  it('tokenizes exactly the texts isPrintableAscii allows, as tokenize does', () => {
    for (let seed = 1; seed <= 3_000; seed++) {
      const text = randomText(seed);
      const tokens = tokenizePrintable(text);
      expect(tokens !== undefined, JSON.stringify(text)).toBe(isPrintableAscii(text));
      if (tokens) expect(tokens, text).toEqual(tokenize(text));
    }
    expect(tokenizePrintable('')).toEqual([]);
  });

  it('notes every mark a printable text holds (a mark noted may be absent, never the reverse)', () => {
    for (let seed = 1; seed <= 3_000; seed++) {
      const text = `${randomText(seed)}${['?', '!', '\t', '\\', '@', '#', ':', ''][seed % 8]}`;
      const read: MarksRead = { marks: UNKNOWN_MARKS };
      if (!tokenizePrintable(text, read)) continue;
      expect(textMarks(text) & ~read.marks, JSON.stringify(text)).toBe(0);
    }
    const read: MarksRead = { marks: UNKNOWN_MARKS };
    tokenizePrintable('Why? Great!', read);
    expect(read.marks).toBe(QUESTION_MARK | EXCLAMATION_MARK);
  });
});
