import { REPEAT_MARKER_STARTS, REPEAT_MARKERS } from '../lexicon/clause-words.js';
import { LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment, SentimentCue } from './score-lexical-sentiment.js';

/** Weight of saying a failure repeats, on the lexicon's scale. */
const REPEAT_VALENCE = -1.5;

const markers = REPEAT_MARKERS.map((marker) => marker.split(' '));
/** The words a repeat marker starts with, as 1 per distinct word: other words are passed over at once. */
const startsMarker = new LexemeNumbers(({ word }) => (REPEAT_MARKER_STARTS.has(word) ? 1 : 0));

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
  if (lexical.negative === 0 || !lexical.repeatMarkers) return lexical;
  let cues: SentimentCue[] | undefined;
  let counted: Set<number> | undefined;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    // Most comments hold no repeat marker: nothing is allocated for them.
    if (startsMarker.of(token) === 0) continue;
    const clause = token.clause;
    if ((lexical.clauseValence.get(clause) ?? 0) >= 0 || counted?.has(clause) || !repeatAt(tokens, at))
      continue;
    counted ??= new Set();
    counted.add(clause);
    cues ??= [...lexical.cues];
    cues.push({ at, valence: REPEAT_VALENCE });
  }
  return cues === undefined ? lexical : sumCues(tokens, lexical, cues);
}
