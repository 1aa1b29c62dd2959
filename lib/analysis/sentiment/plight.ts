import { GRATITUDE_WORDS, PLIGHT_WORDS } from '../lexicon/plight-words.js';
import { LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment } from './score-lexical-sentiment.js';

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
  if (lexical.positive === 0 || lexical.negative === 0) return lexical;
  if (!lexical.cues.some((cue) => cue.valence < 0 && isPlight.of(tokens[cue.at] as Token) === 1))
    return lexical;
  if (!thanksSomeone(tokens)) return lexical;
  const cues = lexical.cues.map((cue) =>
    cue.valence < 0 && isPlight.of(tokens[cue.at] as Token) === 1
      ? { at: cue.at, valence: cue.valence * PLIGHT_WEIGHT }
      : cue,
  );
  return sumCues(tokens, lexical, cues);
}
