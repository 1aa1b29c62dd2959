import { IRONY_FACES, MOCKED_BY, SARCASTIC_PRAISE, UNDERCUTTING_FACES } from '../lexicon/social-words.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment, SentimentCue } from './score-lexical-sentiment.js';

/** Tokens a praise word (or phrase, "great job") may span before what it mocks. */
const PRAISE_SPAN = 2;
/** Words that may come before sarcastic praise in its clause: "*I just* love waiting", "*oh* great". */
const MOST_WORDS_BEFORE = 2;

/** Whether the praise word at `at` is one sarcasm opens with, near the start of its clause. */
function opensSarcasm(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at] as Token;
  if (!SARCASTIC_PRAISE.has(token.word)) return false;
  return at - MOST_WORDS_BEFORE <= 0 || (tokens[at - MOST_WORDS_BEFORE - 1] as Token).clause !== token.clause;
}

/** Whether the token at `at` names a failing: a complaint word ending in "-ing" ("losing", "waiting"). */
function failingAt(tokens: readonly Token[], cueAt: ReadonlyMap<number, number>, at: number): boolean {
  const token = tokens[at];
  return token !== undefined && (cueAt.get(at) ?? 0) < 0 && token.word.endsWith('ing');
}

/**
 * Whether the praise cue at `at` praises a failing that follows it at once: "great job losing my
 * luggage", "love waiting 40 minutes", "nice getting overcharged". The failing must be next to the praise
 * (or after "getting"), in its clause, with nothing good said after it there.
 */
function mocks(
  tokens: readonly Token[],
  cues: readonly SentimentCue[],
  cueAt: ReadonlyMap<number, number>,
  at: number,
): boolean {
  if (!opensSarcasm(tokens, at)) return false;
  const clause = (tokens[at] as Token).clause;
  for (let j = at + 1; j <= at + PRAISE_SPAN && j < tokens.length; j++) {
    const token = tokens[j] as Token;
    if (token.clause !== clause) return false;
    const failing =
      failingAt(tokens, cueAt, j) ||
      (MOCKED_BY.has(token.word) && (cueAt.get(j + 1) ?? 0) < 0 && tokens[j + 1]?.clause === clause);
    if (failing)
      return !cues.some(
        (cue) => cue.at > j && cue.valence > 0 && (tokens[cue.at] as Token).clause === clause,
      );
    if (cueAt.has(j)) return false;
  }
  return false;
}

/** Most words a clause of sarcastic praise holds when it stands alone: "Great.", "Oh great", "Just perfect!". */
const LONE_PRAISE_WORDS = 2;

/** Whether the token at `at` is an emoji or face in the clause `clause`. */
function sameClauseSymbol(tokens: readonly Token[], at: number, clause: number): boolean {
  const token = tokens[at] as Token;
  return token.clause === clause && token.lexeme.symbol;
}

/**
 * Whether the praise cue at `at` stands alone in its clause as the only praise of a comment that
 * otherwise complains: "cancelled my flight and rebooked me for Thursday. Great." An exclamation of
 * praise with nothing to praise is the customer's sigh, not their verdict.
 */
function lonePraise(tokens: readonly Token[], cues: readonly SentimentCue[], at: number): boolean {
  const clause = (tokens[at] as Token).clause;
  // The last clause of the comment, after the complaint: "Great!" first is the customer's greeting.
  if (
    !SARCASTIC_PRAISE.has((tokens[at] as Token).word) ||
    (tokens[tokens.length - 1] as Token).clause !== clause
  )
    return false;
  // Emoji and faces in the clause are its tone, not its words: "Great stuff 👏" is two words of praise.
  let words = 0;
  for (const token of tokens) if (token.clause === clause && !token.lexeme.symbol) words++;
  if (words > LONE_PRAISE_WORDS) return false;
  return (
    cues.every((cue) => cue.at === at || cue.valence <= 0 || sameClauseSymbol(tokens, cue.at, clause)) &&
    cues.some((cue) => cue.valence < 0 && cue.at < at)
  );
}

/**
 * Whether the sarcastic-praise cue at `at` is undercut by a face: "great :(", "brilliant. just brilliant
 * 🙄", "nice one :/". The first complaint cue after the praise is one of `UNDERCUTTING_FACES`, or
 * any after it is one of `IRONY_FACES`, and no happy face stands anywhere. A complaint word before a sad
 * face gives the face its own cause: "I love this airline, sad the trip is over :(" keeps its love.
 */
function undercutByFace(tokens: readonly Token[], cues: readonly SentimentCue[], at: number): boolean {
  if (!opensSarcasm(tokens, at)) return false;
  let undercut: boolean | undefined;
  let ironic = false;
  for (const cue of cues) {
    const token = tokens[cue.at] as Token;
    if (token.lexeme.symbol && cue.valence > 0) return false;
    if (cue.at <= at || cue.valence >= 0) continue;
    undercut ??= UNDERCUTTING_FACES.has(token.word);
    ironic ||= IRONY_FACES.has(token.word);
  }
  return undercut === true || ironic;
}

/**
 * Praise of a failing is sarcasm: "great job losing my luggage again", "love waiting 40 minutes for my
 * food", and so is praise a sad face undercuts ("great :("). The praise word counts as the complaint it
 * mocks. Praise of anything else keeps its sign, including praise beside a complaint ("love the food,
 * hate waiting").
 */
export function readMockingPraise(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  // The gate has no callbacks: a function that makes a closure over its arguments allocates their
  // context as it starts, even on the way out, and most comments leave here.
  if (lexical.positive === 0 || lexical.negative === 0) return lexical;
  return turnMockingPraise(tokens, lexical);
}

/** `readMockingPraise` past its gate. */
function turnMockingPraise(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  if (!lexical.cues.some((cue) => cue.valence > 0 && opensSarcasm(tokens, cue.at))) return lexical;
  const cueAt = new Map(lexical.cues.map((cue) => [cue.at, cue.valence]));
  let changed = false;
  const cues = lexical.cues.map((cue) => {
    if (cue.valence <= 0) return cue;
    if (
      !mocks(tokens, lexical.cues, cueAt, cue.at) &&
      !lonePraise(tokens, lexical.cues, cue.at) &&
      !undercutByFace(tokens, lexical.cues, cue.at)
    )
      return cue;
    changed = true;
    return { at: cue.at, valence: -cue.valence };
  });
  return changed ? sumCues(tokens, lexical, cues) : lexical;
}
