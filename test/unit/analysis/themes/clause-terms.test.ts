import { describe, expect, it } from 'vitest';
import { lexemeOf } from '../../../../lib/analysis/text/lexemes.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { ClauseTerms } from '../../../../lib/analysis/themes/clause-terms.js';
import { TermTable } from '../../../../lib/analysis/themes/term-table.js';

/** A table and its clause terms, one per word given (each filed by the word's stem). */
function clauseTermsOf(words: readonly string[]) {
  const table = new TermTable();
  const numbers = words.map((word) => table.add([{ kind: 'stem', stem: lexemeOf(word).stem }]));
  const clauseTerms = new ClauseTerms(table);
  return { clauseTerms, terms: numbers.map((number) => clauseTerms.add(number)) };
}

describe('ClauseTerms', () => {
  it('answers whether a word of the clause of a token matches a term, before or after it', () => {
    const { clauseTerms, terms } = clauseTermsOf(['refund', 'engineer']);
    const [refund, engineer] = terms as [number, number];
    const tokens = tokenize('Still waiting for my refund. The engineer never came');
    // Token 1 ("waiting") is in the first clause, with "refund"; token 6 ("engineer") in the second.
    expect(clauseTerms.has(tokens, 1, refund)).toBe(true);
    expect(clauseTerms.has(tokens, 1, engineer)).toBe(false);
    expect(clauseTerms.has(tokens, 8, engineer)).toBe(true);
    expect(clauseTerms.has(tokens, 8, refund)).toBe(false);
  });

  it('reads each comment afresh', () => {
    const { clauseTerms, terms } = clauseTermsOf(['refund']);
    const [refund] = terms as [number];
    expect(clauseTerms.has(tokenize('my refund'), 0, refund)).toBe(true);
    expect(clauseTerms.has(tokenize('my parcel'), 0, refund)).toBe(false);
  });

  it('numbers a term once, and answers for terms past the first 32 bits and for many clauses', () => {
    const words = Array.from({ length: 70 }, (_, n) => `zq${n}`);
    const { clauseTerms, terms } = clauseTermsOf(words);
    expect(clauseTerms.add(2)).toBe(terms[2]);
    const text = Array.from({ length: 40 }, (_, n) => `zq${n + 30}.`).join(' ');
    const tokens = tokenize(text);
    expect(clauseTerms.has(tokens, 35, terms[65] as number)).toBe(true);
    expect(clauseTerms.has(tokens, 35, terms[64] as number)).toBe(false);
    expect(clauseTerms.has(tokens, 0, terms[30] as number)).toBe(true);
  });
});
