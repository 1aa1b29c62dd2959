import type { SentimentResult } from '../feedback-analysis.js';
import { HEDGED_APPROVALS, HEDGES, MIDDLE_FILLER, SCALE_ENDS } from '../lexicon/middle-verdicts.js';
import type { Token } from '../text/tokenize.js';
import { decidedNeutral } from './neutral-decision.js';
import type { SentimentEvidence } from './sentiment-features.js';

/** Longer answers say more than the middle of a scale: only answers this short are read as one. */
const MOST_WORDS = 10;

const endsTogether = new Set(SCALE_ENDS.flatMap(([one, other]) => [`${one} ${other}`, `${other} ${one}`]));
/** The words a middle verdict ends on: a hedge, or a scale's end. Most comments end on neither. */
const lastWords = new Set([...HEDGES, ...SCALE_ENDS.flat()]);

/**
 * Whether the comment is a middle verdict and nothing else (see `lexicon/middle-verdicts.ts`): "neither
 * easy nor difficult", "It was ok I guess". It ends on the verdict; its other words are filler ("it was",
 * "overall"); an emoji or any other word is an opinion or a subject, so the comment is not.
 */
export function isMiddleVerdict(tokens: readonly Token[]): boolean {
  if (tokens.length > MOST_WORDS || !lastWords.has(tokens[tokens.length - 1]?.word ?? '')) return false;
  const said: string[] = [];
  for (const token of tokens) if (!MIDDLE_FILLER.has(token.word)) said.push(token.word);
  if (said.length === 2) return HEDGED_APPROVALS.has(said[0] as string) && HEDGES.has(said[1] as string);
  return (
    said.length === 4 &&
    said[0] === 'neither' &&
    (said[2] === 'nor' || said[2] === 'or') &&
    endsTogether.has(`${said[1]} ${said[3]}`)
  );
}

/** A middle verdict is neutral, whatever its words lean to alone ("neither" and "nor" read as denial). */
export function neutralIfMiddleVerdict(
  result: SentimentResult,
  evidence: SentimentEvidence,
): SentimentResult {
  if (!evidence.middleVerdict || result.label === 'neutral') return result;
  return decidedNeutral(result.score);
}
