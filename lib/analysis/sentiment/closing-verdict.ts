import { VERDICT_WORDS } from '../lexicon/clause-words.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment } from './score-lexical-sentiment.js';

/** Clauses a comment needs before its last one reads as a closing verdict: a review, not a remark. */
const LEAST_CLAUSES = 3;
/** What the last clause's own cues must add up to, either way, to be a verdict ("Avoid.", "Highly recommend."). */
const LEAST_VERDICT = 2;
/** What a closing verdict weighs against the small gripes or praises before it. */
const CLOSING_VERDICT_WEIGHT = 2;
/** A last clause of this many words or fewer is a verdict however mild its word: "Avoid.", "Recommend." */
const LONE_VERDICT_WORDS = 2;

/** Whether the clause `clause`, the comment's last, holds a verdict word. */
function toldAsVerdict(tokens: readonly Token[], clause: number): boolean {
  for (let at = tokens.length - 1; at >= 0 && (tokens[at] as Token).clause === clause; at--)
    if (VERDICT_WORDS.has((tokens[at] as Token).word)) return true;
  return false;
}

/** How many words the clause `clause`, the comment's last, holds. */
function wordsIn(tokens: readonly Token[], clause: number): number {
  let words = 0;
  for (let at = tokens.length - 1; at >= 0 && (tokens[at] as Token).clause === clause; at--) words++;
  return words;
}

/**
 * A review's last sentence, when it gives a clear verdict against what came before, is the verdict:
 * "Nice enough car, clean, picked up on time. Then they charged my card for a scratch that was already
 * there. Never renting from them again." The sum of small praises (or small gripes) before it no longer
 * outweighs it. Only where the last clause is told in a verdict's words (`VERDICT_WORDS`: coming back,
 * recommending, avoiding), its cues all lean one way and the rest of the comment leans the other: a
 * post's last remark ("Screw you people.") is no verdict on a service.
 */
export function readClosingVerdict(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  // The gate has no callbacks: a function that makes a closure over its arguments allocates their
  // context as it starts, even on the way out, and most comments leave here.
  if (lexical.positive === 0 || lexical.negative === 0) return lexical;
  return weighClosingVerdict(tokens, lexical);
}

/** `readClosingVerdict` past its gate. */
function weighClosingVerdict(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  const last = (tokens[tokens.length - 1] as Token).clause;
  if (last + 1 < LEAST_CLAUSES || !toldAsVerdict(tokens, last)) return lexical;
  let verdict = 0;
  let before = 0;
  for (const cue of lexical.cues) {
    if ((tokens[cue.at] as Token).clause !== last) before += cue.valence;
    else if (verdict !== 0 && Math.sign(cue.valence) !== Math.sign(verdict)) return lexical;
    else verdict += cue.valence;
  }
  if (verdict === 0 || Math.sign(before) === Math.sign(verdict)) return lexical;
  if (Math.abs(verdict) < LEAST_VERDICT && wordsIn(tokens, last) > LONE_VERDICT_WORDS) return lexical;
  const cues = lexical.cues.map((cue) =>
    (tokens[cue.at] as Token).clause === last
      ? { at: cue.at, valence: cue.valence * CLOSING_VERDICT_WEIGHT }
      : cue,
  );
  // Set on the new reading, not spread into a copy: a spread would give the reading a shape of its own.
  const closing = sumCues(tokens, lexical, cues);
  closing.closingVerdict = Math.sign(verdict);
  return closing;
}
