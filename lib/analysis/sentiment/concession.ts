import { CONCESSION_ENDS, CONCESSION_MARKERS } from '../lexicon/clause-words.js';
import { LexemeNumbers } from '../text/lexemes.js';
import { commaBefore, type Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment } from './score-lexical-sentiment.js';

/** What a conceded point weighs: "despite the delay" is granted, not the verdict. */
const CONCESSION_WEIGHT = 0.5;

// Every word of nearly every comment is checked: a number read by lexeme id, not a set lookup by text.
const isMarker = new LexemeNumbers(({ word }) => (CONCESSION_MARKERS.has(word) ? 1 : 0));

/**
 * One past the last token a concession after `at` covers: up to a comma, the end of its clause, or the
 * subject of the customer's own clause.
 */
function concessionEnd(text: string, tokens: readonly Token[], at: number): number {
  const clause = (tokens[at] as Token).clause;
  let end = at + 1;
  while (end < tokens.length) {
    const token = tokens[end] as Token;
    if (token.clause !== clause || CONCESSION_ENDS.has(token.word)) break;
    if (commaBefore(text, tokens, end)) break;
    end++;
  }
  return end;
}

/**
 * A point the customer concedes weighs half: "would fly with them again despite the delay and the cold
 * food", "although the room was small, the staff made up for it". The verdict is what they say of the
 * whole; a long review's sum of small gripes or small praises in "despite", "although", "though" and
 * "in spite of" clauses no longer outweighs it.
 */
export function readConcession(
  text: string,
  tokens: readonly Token[],
  lexical: LexicalSentiment,
): LexicalSentiment {
  // The gate has no callbacks: a function that makes a closure over its arguments allocates their
  // context as it starts, even on the way out, and most comments leave here.
  if (lexical.cues.length === 0 || !lexical.concessionMarkers) return lexical;
  return weighConcessions(text, tokens, lexical);
}

/** `readConcession` past its gate. */
function weighConcessions(
  text: string,
  tokens: readonly Token[],
  lexical: LexicalSentiment,
): LexicalSentiment {
  let conceded: Uint8Array | undefined;
  for (let at = 0; at < tokens.length; at++) {
    if (isMarker.of(tokens[at] as Token) === 0) continue;
    conceded ??= new Uint8Array(tokens.length);
    const end = concessionEnd(text, tokens, at);
    conceded.fill(1, at + 1, end);
  }
  if (!conceded || !lexical.cues.some((cue) => conceded[cue.at] === 1)) return lexical;
  const cues = lexical.cues.map((cue) =>
    conceded[cue.at] === 1 ? { at: cue.at, valence: cue.valence * CONCESSION_WEIGHT } : cue,
  );
  return sumCues(tokens, lexical, cues);
}
