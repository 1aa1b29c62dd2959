import type { FeedbackSignals, Intent, SentimentLabel, SentimentResult } from '../feedback-analysis.js';
import type { LexicalSentiment } from './score-lexical-sentiment.js';

/**
 * How much CX facts weigh, on the lexicon's scale, when the customer states them without any sentiment
 * word: "I waited on hold for 45 minutes" and "third time I've called" are complaints.
 */
const waitValences: ReadonlyArray<readonly [minutes: number, valence: number]> = [
  [7 * 24 * 60, -3],
  [24 * 60, -2.5],
  [60, -2],
  [15, -1.5],
];
const REPEAT_CONTACT_VALENCE = -1.5;
const EXTRA_CONTACT_VALENCE = -0.5;
const TRANSFERS_VALENCE = -2;
const intentValences = { churn_risk: -3, escalation: -3, callback_request: -1 } as const;
/** Themes that are complaints by nature add weight when the words around them are neutral. */
const COMPLAINT_THEME_VALENCE = -1;
const COMPLAINT_THEMES_CAP = -3;

/**
 * Weight of the learned model's view (-1..1) on the lexicon's scale. The lexicon and CX rules carry
 * the explainable part; the model catches complaint language no rule names ("had to ring them") and
 * reads the rules' own verdict as one of its features, so it weighs more than the naive Bayes model
 * it replaced (1.25), tuned on telecom cross-validation and the held-out tweets and reviews.
 */
const MODEL_WEIGHT = 2.5;

// Normalisation as in VADER: raw / sqrt(raw^2 + alpha) maps any sum into -1..1.
const NORMALISATION_ALPHA = 6;
const LABEL_THRESHOLD = 0.1;
const MIXED_MINIMUM = 2;
// Exclamation marks as in VADER: each one (up to four) makes the comment's leaning stronger, whichever
// way it leans. "Still no broadband!!!" is a more urgent complaint than "still no broadband".
const EXCLAMATION_EMPHASIS = 0.5;
const EXCLAMATION_CAP = 4;
// A complaint that also praises something ("the engineer was lovely, but it took two months") is less
// surely a detractor's than one with nothing good to say, at the same net valence: it keeps its label
// but ranks after the unqualified complaint, so the most certain complaints come first.
const HEDGED_COMPLAINT_WEIGHT = 0.65;

/** Emphasis of the punctuation: exclamation marks, counted up to the cap (0 when there are none). */
export function exclamationEmphasis(text: string): number {
  let count = 0;
  for (let at = text.indexOf('!'); at >= 0 && count < EXCLAMATION_CAP; at = text.indexOf('!', at + 1))
    count++;
  return count * EXCLAMATION_EMPHASIS;
}

/** The valence of a wait of `minutes`: that of the first band it reaches, longest first; else 0. */
function waitValence(minutes: number): number {
  for (let band = 0; band < waitValences.length; band++) {
    const entry = waitValences[band] as readonly [minutes: number, valence: number];
    if (minutes >= entry[0]) return entry[1];
  }
  return 0;
}

/**
 * Valence of the CX facts in the comment (always <= 0). `complaintThemes` counts themes that are
 * complaints by nature (a negative default in the taxonomy) and were found negative.
 */
export function scoreCxFacts(signals: FeedbackSignals, complaintThemes = 0): number {
  let valence = 0;
  if (signals.waitMinutes !== null) valence += waitValence(signals.waitMinutes);
  if (signals.contactCount !== null && signals.contactCount >= 2) {
    valence += REPEAT_CONTACT_VALENCE + EXTRA_CONTACT_VALENCE * Math.min(signals.contactCount - 2, 3);
  }
  if (signals.transferCount !== null && signals.transferCount >= 2) valence += TRANSFERS_VALENCE;
  // Indexed loops, here and in `waitValence`: this runs twice a comment, and `for...of` or a destructured
  // callback allocates an iterator (and a result per step) wherever V8 has not optimised the loop away.
  const intents = signals.intents;
  for (let i = 0; i < intents.length; i++) valence += intentValences[intents[i] as Intent];
  valence += Math.max(COMPLAINT_THEMES_CAP, complaintThemes * COMPLAINT_THEME_VALENCE);
  return valence;
}

export function labelSentiment(score: number): SentimentLabel {
  if (score <= -LABEL_THRESHOLD) return 'negative';
  if (score >= LABEL_THRESHOLD) return 'positive';
  return 'neutral';
}

/**
 * Combines lexical valence, CX facts and the learned model's score into the comment's sentiment.
 * `emphasis` (see {@link exclamationEmphasis}) strengthens whichever way the comment leans.
 */
export function scoreSentiment(
  lexical: Pick<LexicalSentiment, 'positive' | 'negative'>,
  cxValence: number,
  modelScore = 0,
  emphasis = 0,
): SentimentResult {
  let raw = lexical.positive + lexical.negative + cxValence + MODEL_WEIGHT * modelScore;
  if (raw < 0 && lexical.positive > 0) raw *= HEDGED_COMPLAINT_WEIGHT;
  if (raw !== 0) raw += Math.sign(raw) * emphasis;
  const score = Math.round((raw / Math.sqrt(raw * raw + NORMALISATION_ALPHA)) * 1000) / 1000;
  const mixed = lexical.positive >= MIXED_MINIMUM && lexical.negative + cxValence <= -MIXED_MINIMUM;
  // `mixed` is set afterwards, not spread into the literal: a spread copies generically, on every call.
  const result: SentimentResult = { label: labelSentiment(score), score };
  if (mixed) result.mixed = true;
  return result;
}
