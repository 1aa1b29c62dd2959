import { describe, expect, it } from 'vitest';
import {
  asciiLexemeIdAt,
  beforeWith,
  type Lexeme,
  LexemeCache,
  LexemeNumbers,
  lastWith,
  lexemeNumbered,
  lexemeOf,
  newAsciiLexeme,
  stemIdOf,
} from '../../../../lib/analysis/text/lexemes.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { TermTable } from '../../../../lib/analysis/themes/term-table.js';

/** The lexeme of text[start, end), found by the key the tokenizer packs while it reads a word. */
function lexemeAt(text: string, start: number, end: number, keyText = text): Lexeme {
  let last = 0;
  let before = 0;
  for (let i = start; i < end; i++) {
    before = beforeWith(last, before);
    last = lastWith(last, keyText.toLowerCase().replaceAll('\u2019', "'").charCodeAt(i));
  }
  // As the tokenizer does: the table's lexeme, or a word not met before remembered now.
  const id = asciiLexemeIdAt(text, start, end, last, before);
  return id >= 0 ? lexemeNumbered(id) : newAsciiLexeme(text, start, end);
}

function lexemeIn(text: string, word: string): Lexeme {
  const start = text.indexOf(word);
  return lexemeAt(text, start, start + word.length);
}

describe('lexemes', () => {
  it('gives every spelling of a word one shared lexeme, read from the text or given as a string', () => {
    const waiting = lexemeOf('waiting');
    expect(waiting).toMatchObject({ word: 'waiting', stem: 'wait', negator: false, contrast: false });
    expect(lexemeIn('I was WAITING for ages', 'WAITING')).toBe(waiting);
    expect(lexemeIn('Waiting, waiting', 'Waiting')).toBe(waiting);
    expect(lexemeIn('still waitin', 'waitin')).not.toBe(waiting);
  });

  it('tells words of one length and one hash slot apart by their letters, as their strings would', () => {
    // Checked against the codes kept per word, not the lexeme's string: same length, different letters.
    for (const word of ['cat', 'cut', 'cot', "can't", 'Act', 'tac']) {
      const text = `the ${word} here`;
      expect(lexemeIn(text, word)).toBe(lexemeOf(word.toLowerCase()));
      expect(tokenize(text)[1]?.lexeme).toBe(lexemeOf(word.toLowerCase()));
    }
    expect(tokenize('the can’t here')[1]?.lexeme).toBe(lexemeOf("can't"));
    expect(lexemeIn('a cat', 'cat')).not.toBe(lexemeIn('a cut', 'cut'));
    // A word longer than its key is told apart from one with the same last eight letters.
    expect(lexemeIn('the rebooking', 'rebooking')).toBe(lexemeOf('rebooking'));
    expect(lexemeIn('a xebooking', 'xebooking')).toBe(lexemeOf('xebooking'));
    expect(lexemeAt('rebooking', 0, 9, 'xebooking').surface).toBe('rebooking');
  });

  it('numbers stems: words with one stem share its number, which a stem given as text also gets', () => {
    const waiting = lexemeOf('waiting');
    expect(lexemeOf('waited').stemId).toBe(waiting.stemId);
    expect(stemIdOf('wait')).toBe(waiting.stemId);
    expect(lexemeOf('refund').stemId).not.toBe(waiting.stemId);
    expect(stemIdOf('a stem no word has yet')).toBe(stemIdOf('a stem no word has yet'));
  });

  it('gives every amount in one currency its sign as its stem: one price feature, not one per number', () => {
    expect(lexemeOf('£180').stem).toBe('£');
    expect(lexemeOf('£4').stemId).toBe(lexemeOf('£1200').stemId);
    expect(lexemeOf('$45').stem).toBe('$');
    expect(lexemeOf('€9').stem).toBe('€');
    expect(lexemeOf('180').stem).toBe('180');
  });

  it('knows negators and contrast words', () => {
    expect(lexemeIn("They didn't call", "didn't").negator).toBe(true);
    expect(lexemeOf('never').negator).toBe(true);
    expect(lexemeIn('Fast But rude', 'But').contrast).toBe(true);
    expect(lexemeOf('butter').contrast).toBe(false);
  });

  it('finds every word again after the table has grown many times', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
    const first = words.map((word) => lexemeOf(word));
    const text = words.join(' ').toUpperCase();
    let start = 0;
    words.forEach((word, i) => {
      const found = lexemeAt(text, start, start + word.length);
      expect(found).toBe(first[i]);
      start += word.length + 1;
    });
    expect(new Set(first.map((lexeme) => lexeme.id)).size).toBe(words.length);
  });

  it('caches what a step works out per word, once', () => {
    let computed = 0;
    const lengths = new LexemeCache((lexeme) => {
      computed++;
      return lexeme.word.length;
    });
    expect(lengths.get(lexemeOf('refund'))).toBe(6);
    expect(lengths.get(lexemeOf('refund'))).toBe(6);
    expect(lengths.get(lexemeOf('bill'))).toBe(4);
    expect(computed).toBe(2);
  });

  it('keeps a number per word, once, for words met early and late, and the numbers it cannot store', () => {
    let computed = 0;
    const lengths = new LexemeNumbers((lexeme) => {
      computed++;
      return lexeme.word === 'odd' ? -0x80000000 : lexeme.word.length;
    });
    const early = lexemeOf('refund');
    // Met after the 20,000 words above: its id lies beyond the numbers' first array.
    const late = lexemeOf('nonrefundable');
    expect(late.id).toBeGreaterThan(1024);
    for (let round = 0; round < 2; round++) {
      expect(lengths.get(early)).toBe(6);
      expect(lengths.get(late)).toBe(13);
      expect(lengths.get(lexemeOf('odd'))).toBe(-0x80000000);
    }
    // The odd one is the array's "not worked out yet" mark, so it is worked out each time it is read.
    expect(computed).toBe(4);
  });

  // Last: it fills the module's table for the rest of this file.
  it('stops remembering new words when full, and still reads them', () => {
    const words = Array.from({ length: 50_100 }, (_, i) => `full${i.toString(36)}`);
    const lexemes = words.map((word) => lexemeOf(word));
    const late = lexemes.at(-1) as Lexeme;
    expect(late).toMatchObject({ id: -1, word: words.at(-1), stem: words.at(-1), stemId: -1 });
    expect(lexemeIn(`the ${late.word}`, late.word)).toMatchObject({ id: -1, word: late.word });
    // Its stem has no number, and a theme cue still matches it by the stem's text.
    const token = tokenize(`the ${late.word}`)[1];
    expect(token?.lexeme.stemId).toBe(-1);
    const terms = new TermTable();
    const term = terms.add([{ kind: 'stem', stem: late.stem }]);
    expect(token && terms.tokenMatches(token, term)).toBe(true);
    let computed = 0;
    const cache = new LexemeCache((lexeme) => ++computed + lexeme.word.length);
    cache.get(late);
    cache.get(late);
    expect(computed).toBe(2);
  });
});
