import { describe, expect, it } from 'vitest';
import { type Lexeme, lexemeOf } from '../../../../lib/analysis/text/lexemes.js';
import { TermTable } from '../../../../lib/analysis/themes/term-table.js';
import { loadTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

/** The compiled terms of one cue pattern, as the taxonomy writes them ("refund*|money NEG"). */
function termsOf(pattern: string) {
  const taxonomy = loadTaxonomy(
    {
      name: 'terms',
      version: '1',
      mode: 'replace',
      themes: [
        {
          id: 't',
          label: 'T',
          group: 'g',
          description: 'd',
          defaultSentiment: 'neutral',
          cues: [{ pattern }],
        },
      ],
    },
    { name: '', version: '', themes: [] },
  );
  return taxonomy.themes[0]?.cues[0]?.sequences[0] ?? [];
}

/** Whether the word matches the term, asked as the analysis asks it: by a token of the word. */
function wordMatches(table: TermTable, lexeme: Lexeme, term: number): boolean {
  return table.tokenMatches({ lexemeId: lexeme.id, lexeme }, term);
}

describe('TermTable', () => {
  it('answers for each word whether it matches a term by stem, prefix or negation', () => {
    const table = new TermTable();
    const [money, negation] = termsOf('refund*|money NEG').map((term) => table.add(term));
    const [waits] = termsOf('waiting').map((term) => table.add(term));
    const matches = (word: string, term: number | undefined) =>
      wordMatches(table, lexemeOf(word), term ?? -1);
    expect(matches('refunds', money)).toBe(true);
    expect(matches('refundable', money)).toBe(true);
    expect(matches('money', money)).toBe(true);
    expect(matches('fund', money)).toBe(false);
    expect(matches("didn't", negation)).toBe(true);
    expect(matches('never', negation)).toBe(true);
    expect(matches('refund', negation)).toBe(false);
    // "waiting" is filed by its stem, so "waited" and "waits" match it too.
    expect(matches('waited', waits)).toBe(true);
    expect(matches('the', waits)).toBe(false);
  });

  it('numbers terms with the same alternatives once', () => {
    const table = new TermTable();
    const first = table.add([{ kind: 'prefix', prefix: 'bill' }]);
    const other = table.add([{ kind: 'stem', stem: 'fee' }]);
    expect(table.add([{ kind: 'prefix', prefix: 'bill' }])).toBe(first);
    expect(other).not.toBe(first);
    // A word matching several terms is answered for each of them.
    const both = table.add([{ kind: 'stem', stem: 'bill' }]);
    expect(wordMatches(table, lexemeOf('bill'), first)).toBe(true);
    expect(wordMatches(table, lexemeOf('bill'), both)).toBe(true);
    expect(wordMatches(table, lexemeOf('bill'), other)).toBe(false);
  });

  it('answers for terms numbered past the first 32 bits, and for words in many terms', () => {
    const table = new TermTable();
    const words = Array.from({ length: 70 }, (_, n) => `zq${n}`);
    const own = words.map((word) => table.add([{ kind: 'stem', stem: lexemeOf(word).stem }]));
    const all = table.add(words.map((word) => ({ kind: 'stem' as const, stem: lexemeOf(word).stem })));
    const word = lexemeOf('zq40');
    expect(own.filter((term) => wordMatches(table, word, term))).toEqual([own[40]]);
    expect(wordMatches(table, word, all)).toBe(true);
    expect(wordMatches(table, lexemeOf('zq70'), all)).toBe(false);
  });

  it('matches every word to an empty prefix', () => {
    const table = new TermTable();
    const any = table.add([{ kind: 'prefix', prefix: '' }]);
    expect(wordMatches(table, lexemeOf('anything'), any)).toBe(true);
  });
});
