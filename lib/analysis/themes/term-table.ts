import { type Lexeme, LexemeCache, LexemeNumbers } from '../text/lexemes.js';
import type { Term } from './theme-taxonomy.js';

// Checking a token against a cue's term (its next word, a `near`, `unless` or `notAfter` word) is
// what theme matching does most: a whole clause is scanned for each `near` and `unless`. The answer
// depends on the word alone, so it is worked out once per word: the numbers of the terms it matches.
// Most words (the, was, I) match none, and are then answered by one array read instead of a set
// lookup per term and token.

/** The distinct terms of a taxonomy, numbered, and per word the numbers of the terms it matches. */
export class TermTable {
  private readonly numbers = new Map<string, number>();
  private readonly byStem = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly byNegator: number[] = [];
  private longestPrefix = -1;
  /** Per word, the numbers of the terms it matches, ascending. */
  private readonly matchedBy = new LexemeCache((lexeme) => this.lookUp(lexeme));
  private readonly matchCountOf = new LexemeNumbers((lexeme) => this.matchedBy.get(lexeme).length);

  /**
   * The number of `term`: the same for terms with the same alternatives. Every term is added before
   * the first word is looked up (a word's answer is kept).
   */
  add(term: Term): number {
    const key = JSON.stringify(term);
    const known = this.numbers.get(key);
    if (known !== undefined) return known;
    const number = this.numbers.size;
    this.numbers.set(key, number);
    for (const alternative of term) {
      if (alternative.kind === 'negator') fileUnder(this.byNegator, number);
      else if (alternative.kind === 'stem') fileUnder(listFor(this.byStem, alternative.stem), number);
      else {
        fileUnder(listFor(this.byPrefix, alternative.prefix), number);
        this.longestPrefix = Math.max(this.longestPrefix, alternative.prefix.length);
      }
    }
    return number;
  }

  /** Whether the word matches term number `term`: one of its stems, prefixes, or any negator. */
  matches(lexeme: Lexeme, term: number): boolean {
    if (this.matchCountOf.get(lexeme) === 0) return false;
    const matched = this.matchedBy.get(lexeme);
    for (let k = 0; k < matched.length; k++) {
      const number = matched[k] as number;
      if (number >= term) return number === term;
    }
    return false;
  }

  private lookUp(lexeme: Lexeme): Int32Array {
    const found = new Set<number>(this.byStem.get(lexeme.stem));
    // The word's own beginnings, one per length (an empty prefix, "*", matches every word).
    const longest = Math.min(lexeme.word.length, this.longestPrefix);
    for (let length = 0; length <= longest; length++)
      for (const number of this.byPrefix.get(lexeme.word.slice(0, length)) ?? []) found.add(number);
    if (lexeme.negator) for (const number of this.byNegator) found.add(number);
    return Int32Array.from(found).sort();
  }
}

function listFor(map: Map<string, number[]>, key: string): number[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function fileUnder(list: number[], number: number) {
  if (!list.includes(number)) list.push(number);
}
