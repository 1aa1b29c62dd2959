import { GRATITUDE_WORDS, PLIGHT_WORDS } from '../lexicon/plight-words.js';
import { LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment, SentimentCue } from './score-lexical-sentiment.js';

/** What the customer's own trouble weighs in a thank-you: it is the situation, not a verdict. */
const PLIGHT_WEIGHT = 0;

const isGratitude = new LexemeNumbers(({ word }) => (GRATITUDE_WORDS.has(word) ? 1 : 0));
const isPlight = new LexemeNumbers(({ word }) => (PLIGHT_WORDS.has(word) ? 1 : 0));

/**
 * Whether the comment thanks someone: a word of gratitude that is not "thanks to" (a cause: "stuck,
 * thanks to your app"), "thanks for nothing" or "no thanks".
 */
function thanksSomeone(tokens: readonly Token[]): boolean {
  for (let at = 0; at < tokens.length; at++) {
    if (isGratitude.of(tokens[at] as Token) === 0) continue;
    const before = tokens[at - 1]?.word;
    const after = tokens[at + 1]?.word;
    if (before === 'no' || after === 'to' || (after === 'for' && tokens[at + 2]?.word === 'nothing'))
      continue;
    return true;
  }
  return false;
}

/**
 * The customer's own fear, illness or trouble told in a thank-you is what the staff helped with, not a
 * complaint: "the nurse was so kind when I was scared and in pain, thank you", "we were stranded at
 * midnight and the driver came back for us, what a hero". Its words weigh nothing there. A comment that
 * thanks no one keeps them: "stuck on hold for an hour" is a complaint.
 */
export function readPlight(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  // The gate has no callbacks: a function that makes a closure over its arguments allocates their
  // context as it starts, even on the way out, and most comments leave here.
  if (lexical.positive === 0 || lexical.negative === 0) return lexical;
  return weighPlight(tokens, lexical);
}

/** Whether the cue is a complaint word of the customer's own trouble. */
function isPlightCue(tokens: readonly Token[], cue: SentimentCue): boolean {
  return cue.valence < 0 && isPlight.of(tokens[cue.at] as Token) === 1;
}

/** `readPlight` past its gate. */
function weighPlight(tokens: readonly Token[], lexical: LexicalSentiment): LexicalSentiment {
  const cues = lexical.cues;
  let plight = false;
  for (let i = 0; i < cues.length && !plight; i++) plight = isPlightCue(tokens, cues[i] as SentimentCue);
  if (!plight || !thanksSomeone(tokens)) return lexical;
  return sumCues(
    tokens,
    lexical,
    cues.map((cue) =>
      isPlightCue(tokens, cue) ? { at: cue.at, valence: cue.valence * PLIGHT_WEIGHT } : cue,
    ),
  );
}
