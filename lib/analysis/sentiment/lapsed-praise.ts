import { LAPSE_MARKERS, PAST_HABIT_MARKER, PAST_HABIT_VERBS } from '../lexicon/clause-words.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import { type LexicalSentiment, NEGATION_FACTOR, type SentimentCue } from './score-lexical-sentiment.js';

/** Tokens praise may stand before "until": "good until", "loved it until", not "happy to wait until". */
const BEFORE_UNTIL = 2;
/** Tokens after "used to" that praise may stand at: "used to love", "used to be really good". */
const AFTER_USED_TO = 4;

/** Whether `word` stands at `at`, in the clause `clause`. */
function wordAt(tokens: readonly Token[], at: number, clause: number, words: ReadonlySet<string>): boolean {
  const token = tokens[at];
  return token !== undefined && token.clause === clause && words.has(token.word);
}

/** Whether the praise at `at` held until something happened: "worked fine until the last update". */
function heldUntil(tokens: readonly Token[], at: number): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let next = at + 1; next <= at + BEFORE_UNTIL; next++)
    if (wordAt(tokens, next, clause, LAPSE_MARKERS)) return true;
  return false;
}

/** Whether the praise at `at` is a past habit: "used to be great", "I used to love this app". */
function pastHabit(tokens: readonly Token[], at: number): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let verb = at; verb >= Math.max(2, at - AFTER_USED_TO + 1); verb--) {
    if (!wordAt(tokens, verb, clause, PAST_HABIT_VERBS)) continue;
    const to = tokens[verb - 1] as Token;
    const used = tokens[verb - 2] as Token;
    if (to.word === 'to' && used.word === PAST_HABIT_MARKER && used.clause === clause) return true;
  }
  return false;
}

/**
 * Praise of how things were is a complaint about how they are: "Was good until they added ads
 * everywhere", "Loved it until the update", "It used to be great". The praise turns as a negated word
 * would. Only praise right before "until" (not "happy to wait until Monday") or a few words after "used
 * to" and a verb of liking or being (not "once you get used to it, it's great").
 */
export function readLapsedPraise(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  // The gate has no callbacks: a function that makes a closure over its arguments allocates their
  // context as it starts, even on the way out, and most comments leave here.
  if (lexical.positive === 0 || !lexical.lapseMarkers) return lexical;
  return turnLapsedPraise(tokens, lexical);
}

/** `readLapsedPraise` past its gate. */
function turnLapsedPraise(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  const lapses = (cue: SentimentCue) =>
    cue.valence > 0 && (heldUntil(tokens, cue.at) || pastHabit(tokens, cue.at));
  // Most praise holds: the cues are copied only for a comment where some lapses.
  if (!lexical.cues.some(lapses)) return lexical;
  const cues = lexical.cues.map((cue) =>
    // Turned as a negated word is: what was good and is no longer speaks against the service now.
    lapses(cue) ? { at: cue.at, valence: cue.valence * NEGATION_FACTOR } : cue,
  );
  return sumCues(tokens, lexical, cues);
}
