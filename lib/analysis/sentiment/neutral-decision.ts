import type { SentimentResult } from '../feedback-analysis.js';

/** Share of a comment's leaning a neutral decision keeps as its score. */
const LEANING_KEPT = 0.1;

/**
 * A comment decided neutral (by the model, a neutral band, a plain request or small talk) keeps a
 * tenth of its leaning as its score, so it still sorts between complaints and praise without ever
 * crossing the label threshold.
 */
export function decidedNeutral(score: number): SentimentResult {
  return { label: 'neutral', score: Math.round(score * LEANING_KEPT * 1000) / 1000 };
}
