import { InternedRuns } from '../text/interned-runs.js';
import { type Lexeme, LexemeNumbers, type LexemeUse } from '../text/lexemes.js';
import { AlternativeIndex } from './alternative-index.js';
import { alternativeText } from './compiled-taxonomy.js';
import type { Term } from './theme-taxonomy.js';

// Checking a token against a cue's term (its next word, a `near`, `unless`, `notAfter` or `notBefore`
// word) is what theme matching does most: a whole clause is scanned for each `near` and `unless`. The answer
// depends on the word alone, so it is worked out once per word: one bit per term of the taxonomy, set
// for the terms it matches. A check is then one array read instead of set lookups per term and token.
// Common words match several terms ("the" is in eight lists of determiners), so a list of numbers to
// search would cost more than the bits. Words that match the same terms share one set of bits, kept
// once in one array (see `InternedRuns`): most words match none, and a few sets serve most others.

/** The distinct terms of a taxonomy, numbered, and per word a bit for each term it matches. */
export class TermTable {
  private readonly numbers = new Map<string, number>();
  /** Numbers by the term itself: a compiled file's terms that read the same are one array. */
  private readonly numbersByTerm = new Map<Term, number>();
  private readonly termsBy = new AlternativeIndex<number>();
  /**
   * Per word, a bit per term number (bit `n % 32` of the run's element `n >> 5`), set where it matches:
   * where the word's run starts in `bitRuns`.
   */
  private readonly bitsAt = new LexemeNumbers((lexeme) => this.bitRuns.add(this.lookUp(lexeme)));
  private readonly bitRuns = new InternedRuns();

  /**
   * The number of `term`: the same for terms with the same alternatives. Every term is added before
   * the first word is looked up (a word's answer is kept).
   */
  add(term: Term): number {
    // Most terms recur as the same array (see `readCompiledTaxonomy`): writing each out as a key cost
    // a few milliseconds of every cold start's first comment.
    const same = this.numbersByTerm.get(term);
    if (same !== undefined) return same;
    const key = term.map(alternativeText).join('|');
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.numbers.size;
      this.numbers.set(key, number);
      this.termsBy.file(term, number);
    }
    this.numbersByTerm.set(term, number);
    return number;
  }

  /**
   * Whether the token's word matches term number `term`: one of its stems, prefixes, or any negator.
   * Read by the lexeme id the token carries (see `LexemeNumbers.of`).
   */
  tokenMatches(token: LexemeUse, term: number): boolean {
    const at = this.bitsAt.of(token);
    // Read after `of`, which may have added a run (and so replaced the array).
    const bits = this.bitRuns.values;
    return (((bits[at + (term >> 5)] as number) >>> (term & 31)) & 1) === 1;
  }

  private lookUp(lexeme: Lexeme): number[] {
    const bits = new Array<number>((this.numbers.size + 31) >> 5).fill(0);
    for (const number of this.termsBy.listsMatching(lexeme).flat())
      bits[number >> 5] = (bits[number >> 5] as number) | (1 << (number & 31));
    return bits;
  }
}
