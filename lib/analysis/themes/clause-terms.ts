import { type Lexeme, LexemeCache } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
import type { TermTable } from './term-table.js';

// A cue's `near` and `unless` words may stand anywhere in its clause, so each check scanned the whole
// clause, word by word: a comment's checks read about 1.7 times as many tokens as the comment has, as
// several cues ask about one clause. Here a clause's words are read once per comment: their bits for
// the `near` and `unless` terms (a hundred or so of the taxonomy's terms, numbered apart so a word's
// bits are a few numbers) are OR-ed into the clause's, and each check is then one bit test.

/** Which `near` and `unless` terms the words of each clause of a comment match. */
export class ClauseTerms {
  /** Per clause term (by its number here), its number in the term table. */
  private readonly tableNumbers: number[] = [];
  private readonly numbers = new Map<number, number>();
  /** Per word, a bit per clause term it matches (bit `n % 32` of element `n >> 5`). */
  private readonly bitsOf = new LexemeCache((lexeme) => this.lookUp(lexeme));
  private noMatch: Int32Array | undefined;
  /** Elements per clause: fixed at the first look-up, when every term has been added. */
  private width = 0;
  /** Per clause of the comment being read, its bits (`width` elements each). */
  private masks = new Int32Array(0);
  /** Per clause, the reading its bits were worked out in: bits of an earlier comment are stale. */
  private readIn = new Int32Array(0);
  private reading = 0;
  private tokens: readonly Token[] | undefined;

  constructor(private readonly terms: TermTable) {}

  /**
   * The clause term number of term number `term` of the term table. Every term is added before the
   * first check (a word's answer is kept).
   */
  add(term: number): number {
    const known = this.numbers.get(term);
    if (known !== undefined) return known;
    const number = this.tableNumbers.length;
    this.tableNumbers.push(term);
    this.numbers.set(term, number);
    return number;
  }

  /** Whether a word of the clause that `tokens[at]` stands in matches clause term `term`. */
  has(tokens: readonly Token[], at: number, term: number): boolean {
    const clause = (tokens[at] as Token).clause;
    if (tokens !== this.tokens) this.startComment(tokens);
    if (clause >= this.readIn.length) this.grow(clause + 1);
    if (this.readIn[clause] !== this.reading) this.readClause(tokens, at, clause);
    const bits = this.masks[clause * this.width + (term >> 5)] as number;
    return ((bits >>> (term & 31)) & 1) === 1;
  }

  private startComment(tokens: readonly Token[]) {
    this.tokens = tokens;
    if (this.reading === 0x7fffffff) {
      // Numbers are about to run out (after two billion comments): start again from clean marks.
      this.readIn.fill(0);
      this.reading = 0;
    }
    this.reading++;
  }

  /** ORs the bits of every word of the clause `tokens[at]` stands in (a run of tokens) into its mask. */
  private readClause(tokens: readonly Token[], at: number, clause: number) {
    let first = at;
    while (first > 0 && (tokens[first - 1] as Token).clause === clause) first--;
    const from = clause * this.width;
    // A loop: `fill` is a call into the runtime, costlier than these few stores.
    for (let k = 0; k < this.width; k++) this.masks[from + k] = 0;
    for (let j = first; j < tokens.length && (tokens[j] as Token).clause === clause; j++) {
      const bits = this.bitsOf.get((tokens[j] as Token).lexeme);
      // Most words match no such term: nothing to add.
      if (bits === this.noMatch) continue;
      for (let k = 0; k < bits.length; k++)
        this.masks[from + k] = (this.masks[from + k] as number) | (bits[k] as number);
    }
    this.readIn[clause] = this.reading;
  }

  private grow(clauses: number) {
    const size = Math.max(clauses, 2 * this.readIn.length, 16);
    const readIn = new Int32Array(size);
    readIn.set(this.readIn);
    this.readIn = readIn;
    this.width = (this.tableNumbers.length + 31) >> 5;
    const masks = new Int32Array(size * this.width);
    masks.set(this.masks);
    this.masks = masks;
  }

  private lookUp(lexeme: Lexeme): Int32Array {
    const width = (this.tableNumbers.length + 31) >> 5;
    let bits: Int32Array | undefined;
    for (let number = 0; number < this.tableNumbers.length; number++) {
      if (!this.terms.matches(lexeme, this.tableNumbers[number] as number)) continue;
      bits ??= new Int32Array(width);
      bits[number >> 5] = (bits[number >> 5] as number) | (1 << (number & 31));
    }
    if (bits) return bits;
    this.noMatch ??= new Int32Array(width);
    return this.noMatch;
  }
}
