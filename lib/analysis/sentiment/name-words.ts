import { NOT_NAME_PARTNERS } from '../lexicon/social-words.js';
import type { Token } from '../text/tokenize.js';
import type { SentimentCue } from './score-lexical-sentiment.js';

const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

function startsWithCapital(text: string, token: Token): boolean {
  const first = text.charCodeAt(token.start);
  return first >= UPPER_A && first <= UPPER_Z;
}

/** "Dead", not "dead" nor "DEAD" (capitals are stress, see `inCapitals`). */
function inTitleCase(text: string, token: Token): boolean {
  if (!startsWithCapital(text, token)) return false;
  for (let at = token.start + 1; at < token.end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0x61 && code <= 0x7a) return true;
  }
  return false;
}

/** Only spaces stand between the two tokens: "Walking Dead", not "walking. Dead" or "Walking - Dead". */
function sideBySide(text: string, before: Token, after: Token): boolean {
  if (before.clause !== after.clause || after.start === before.end) return false;
  for (let at = before.end; at < after.start; at++) if (text.charCodeAt(at) !== 0x20) return false;
  return true;
}

/**
 * Whether the word at `index` is part of a capitalised name or title, not a word of the writer's own:
 * "The Walking Dead", "Miss USA", "Bad Blood", "Grand Slam", "Manchester United", "Twilight Sad". The
 * word is in title case and stands right beside another capitalised word: after one, or before one
 * when it does not open its sentence (a sentence's first word is capitalised anyway: "Bad service
 * again"). "Happy Sunday" and "Great Monday night" are greetings and praise: a day, a month or a
 * season after the word ({@link NOT_NAME_PARTNERS}) makes no name of it, and neither does "I".
 */
export function inCapitalisedName(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (!inTitleCase(text, token)) return false;
  const before = tokens[index - 1];
  if (
    before !== undefined &&
    sideBySide(text, before, token) &&
    startsWithCapital(text, before) &&
    before.word !== 'i'
  )
    return true;
  const opensSentence = before === undefined || before.clause !== token.clause;
  const after = tokens[index + 1];
  return (
    !opensSentence &&
    after !== undefined &&
    sideBySide(text, token, after) &&
    startsWithCapital(text, after) &&
    !NOT_NAME_PARTNERS.has(after.word)
  );
}

/**
 * The lexicon's praise (>= 0) and complaint (<= 0) that stand inside capitalised names (see
 * {@link inCapitalisedName}): what the comment's sums hold that is no word of the writer's own.
 */
export function valenceInNames(
  text: string,
  tokens: readonly Token[],
  cues: readonly SentimentCue[],
): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (const cue of cues) {
    if (!inCapitalisedName(text, tokens, cue.at)) continue;
    if (cue.valence > 0) positive += cue.valence;
    else negative += cue.valence;
  }
  return { positive, negative };
}
