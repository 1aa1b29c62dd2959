import {
  FRONTED_CHOICE_WORDS,
  FRONTED_CHOOSERS,
  FRONTED_NEGATOR,
  FRONTED_THINGS,
} from '../lexicon/clause-words.js';
import { commaBefore, type Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import { type LexicalSentiment, NEGATION_FACTOR, type SentimentCue } from './score-lexical-sentiment.js';

/** Words between the thing named and who would not choose it: "not a *great little* place I'd...". */
const MOST_WORDS_BEFORE_CHOOSER = 4;
/** Words from the chooser to its verb of choosing: "I *would never* recommend", "we'd *go* back". */
const MOST_WORDS_TO_CHOICE = 4;
/** A verdict told with no praise word to turn ("not a place we'd go back to"): a complaint of this weight. */
const UNCHOSEN_VALENCE = -2;

/**
 * Where the relative clause of a fronted negation at `first` starts: the index of its chooser ("not a
 * place *I* would recommend"), or -1 when there is none. A comma ends the thing named: "not a bad
 * place, I'd go again" is praise.
 */
function chooserAfterFrontedNegation(text: string, tokens: readonly Token[], first: number): number {
  if (tokens[first]?.word !== FRONTED_NEGATOR) return -1;
  const clause = (tokens[first] as Token).clause;
  const thing = tokens[first + 1];
  if (thing === undefined || thing.clause !== clause || !FRONTED_THINGS.has(thing.word)) return -1;
  const last = Math.min(tokens.length - 1, first + 2 + MOST_WORDS_BEFORE_CHOOSER);
  for (let at = first + 2; at <= last; at++) {
    const token = tokens[at] as Token;
    if (token.clause !== clause || commaBefore(text, tokens, at)) return -1;
    if (FRONTED_CHOOSERS.has(token.word)) return at;
  }
  return -1;
}

/**
 * A verdict told by a negation put first is a complaint: "Not a place I would recommend", "It's not
 * somewhere we'll be going back to". The tokenizer's negation reaches three words, short of the relative
 * clause's verb, so its praise turns here as a negated word would; with no praise to turn ("not one I'd
 * rush back to"), the verdict is a complaint of its own. Only "not a|one|somewhere..." with "I|we|you" a
 * few words on and a word of choosing after it (see `FRONTED_CHOICE_WORDS`).
 */
export function readFrontedNegation(
  text: string,
  tokens: readonly Token[],
  lexical: LexicalSentiment,
): LexicalSentiment {
  // Most comments hold no "not" at all (the lexicon's walk saw every word): their tokens are not walked.
  if (!lexical.frontedNegator) return lexical;
  let cues: SentimentCue[] | undefined;
  for (let first = 0; first + 1 < tokens.length; first++) {
    // The thing named after a negator is negated: most words are not, and are passed over by that flag.
    if (!(tokens[first + 1] as Token).negated) continue;
    const chooser = chooserAfterFrontedNegation(text, tokens, first);
    if (chooser < 0) continue;
    const end = relativeClauseEnd(text, tokens, chooser);
    if (!choosesWithin(tokens, chooser, end)) continue;
    cues ??= [...lexical.cues];
    if (!turnPraiseWithin(tokens, chooser, end, cues)) cues.push({ at: chooser, valence: UNCHOSEN_VALENCE });
  }
  return cues ? sumCues(tokens, lexical, cues) : lexical;
}

/**
 * The end (exclusive) of the relative clause whose chooser is at `chooser`: its clause's end, or a
 * comma ("not a lot I would change, great stay").
 */
function relativeClauseEnd(text: string, tokens: readonly Token[], chooser: number): number {
  const clause = (tokens[chooser] as Token).clause;
  let end = chooser + 1;
  while (end < tokens.length && (tokens[end] as Token).clause === clause && !commaBefore(text, tokens, end))
    end++;
  return end;
}

/**
 * Turns the praise of the relative clause, from the chooser to `end`, as a negated word's; whether
 * there was any.
 */
function turnPraiseWithin(
  tokens: readonly Token[],
  chooser: number,
  end: number,
  cues: SentimentCue[],
): boolean {
  let turned = false;
  for (const [i, cue] of cues.entries()) {
    // Praise the tokenizer already negated ("not a great place") has turned once.
    if (cue.valence > 0 && cue.at >= chooser && cue.at < end && !(tokens[cue.at] as Token).negated) {
      cues[i] = { at: cue.at, valence: cue.valence * NEGATION_FACTOR };
      turned = true;
    }
  }
  return turned;
}

/**
 * Whether a word of choosing follows the chooser closely, before `end`: "I'd *recommend*", "we'd go
 * *back* to".
 */
function choosesWithin(tokens: readonly Token[], chooser: number, end: number): boolean {
  const last = Math.min(end, chooser + 1 + MOST_WORDS_TO_CHOICE);
  for (let at = chooser + 1; at < last; at++)
    if (FRONTED_CHOICE_WORDS.has((tokens[at] as Token).word)) return true;
  return false;
}
