import { REPEAT_MARKERS } from '../lexicon/clause-words.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment } from './score-lexical-sentiment.js';

/** Weight of saying a failure repeats, on the lexicon's scale. */
const REPEAT_VALENCE = -1.5;

const markers = REPEAT_MARKERS.map((marker) => marker.split(' '));
/** The words a repeat marker starts with: other words are passed over at once. */
const firstWords = new Set(markers.map((words) => words[0] as string));

/** Whether a repeat marker starts at token `at`, all in one clause. */
function repeatAt(tokens: readonly Token[], at: number): boolean {
  return markers.some((words) =>
    words.every((word, k) => {
      const token = tokens[at + k];
      return token !== undefined && token.word === word && token.clause === (tokens[at] as Token).clause;
    }),
  );
}

/**
 * A failure said to happen again and again ("the site logs me out every time", "the line drops every
 * evening") is a worse complaint than one failure: a clause with a complaint word and a repeat marker
 * gets one more complaint cue, once. A repeat said of something good ("great every time") or of
 * nothing ("I shop there every week") is no complaint.
 */
export function readRepeatedFailure(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  if (lexical.negative === 0) return lexical;
  const failing = new Set<number>();
  for (const [clause, valence] of lexical.clauseValence) if (valence < 0) failing.add(clause);
  const cues = [...lexical.cues];
  const counted = new Set<number>();
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    if (!firstWords.has(token.word)) continue;
    const clause = token.clause;
    if (!failing.has(clause) || counted.has(clause) || !repeatAt(tokens, at)) continue;
    counted.add(clause);
    cues.push({ at, valence: REPEAT_VALENCE });
  }
  return counted.size === 0 ? lexical : sumCues(tokens, lexical, cues);
}
