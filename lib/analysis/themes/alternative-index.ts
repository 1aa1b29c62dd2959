import { mayBeGivenName } from '../privacy/bare-given-names.js';
import type { Lexeme } from '../text/lexemes.js';
import type { Term } from './theme-taxonomy.js';

/**
 * Items filed under the alternatives of a term (a stem, a prefix, any negator, any given name), found
 * again by a word: the cue sequences that can start on it, or continue on it, and the numbered terms it
 * matches.
 */
export class AlternativeIndex<Item> {
  private readonly byStem = new Map<string, Item[]>();
  private readonly byPrefix = new Map<string, Item[]>();
  private readonly byWord = new Map<string, Item[]>();
  private readonly byNegator: Item[] = [];
  private readonly byGivenName: Item[] = [];
  private longestPrefix = -1;

  /**
   * Files `item` under each alternative of `term`, once per key ("waits|waiting" stem alike). Each item
   * is filed by one call, so a repeat can only be the list's last item: the lists of common words and of
   * negators run to hundreds, and the index is built at every cold start.
   */
  file(term: Term, item: Item): void {
    for (const alternative of term) {
      if (alternative.kind === 'negator') {
        if (this.byNegator.at(-1) !== item) this.byNegator.push(item);
        continue;
      }
      if (alternative.kind === 'givenName') {
        if (this.byGivenName.at(-1) !== item) this.byGivenName.push(item);
        continue;
      }
      if (alternative.kind === 'word') {
        const list = this.byWord.get(alternative.word);
        if (!list) this.byWord.set(alternative.word, [item]);
        else if (list.at(-1) !== item) list.push(item);
        continue;
      }
      // Two conditionals, not a destructured pair: this runs before the code is optimised.
      const map = alternative.kind === 'stem' ? this.byStem : this.byPrefix;
      const key = alternative.kind === 'stem' ? alternative.stem : alternative.prefix;
      const list = map.get(key);
      if (!list) map.set(key, [item]);
      else if (list.at(-1) !== item) list.push(item);
      if (alternative.kind === 'prefix') this.longestPrefix = Math.max(this.longestPrefix, key.length);
    }
  }

  /**
   * The lists of items filed under an alternative `lexeme` matches: its stem, the word itself, its own
   * beginnings (one per length, an empty prefix, `*`, matching every word), for a negator the negators'
   * list, and for a listed given name the names' list (the names listed are no English word, so "priya" is a name in any
   * case). An item filed under two matching alternatives is in two lists.
   */
  listsMatching(lexeme: Lexeme): Item[][] {
    const lists: Item[][] = [];
    const byStem = this.byStem.get(lexeme.stem);
    if (byStem) lists.push(byStem);
    const byWord = this.byWord.get(lexeme.word);
    if (byWord) lists.push(byWord);
    const longest = Math.min(lexeme.word.length, this.longestPrefix);
    for (let length = 0; length <= longest; length++) {
      const byPrefix = this.byPrefix.get(lexeme.word.slice(0, length));
      if (byPrefix) lists.push(byPrefix);
    }
    if (lexeme.negator && this.byNegator.length > 0) lists.push(this.byNegator);
    if (this.byGivenName.length > 0 && mayBeGivenName(lexeme.word)) lists.push(this.byGivenName);
    return lists;
  }
}
