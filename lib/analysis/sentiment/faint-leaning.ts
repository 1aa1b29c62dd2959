import type { SentimentResult } from '../feedback-analysis.js';
import { decidedNeutral } from './neutral-decision.js';
import type { SentimentEvidence } from './sentiment-features.js';

/**
 * The score of a lone word of the lexicon's mildest weight (1, as "like", "free", "fair"): 1 / sqrt(7) =
 * 0.378. Social praise that goes no further than that is no verdict.
 */
const FAINT_SCORE = 0.4;

/**
 * On social media one mild warm word is no praise: posts are mostly news, plans and chatter about
 * things other than a service ("free entry at the fair tomorrow", "looks like rain in Leeds"), and the
 * word belongs to the subject, not to the writer's opinion. A social post the rules call positive with
 * a score nearer 0 than {@link FAINT_SCORE} is neutral; a stronger word, two mild ones, an emoji or an
 * exclamation keep it praise. A faint complaint stays a complaint: a missed complaint costs a CX team
 * more than a neutral post read as one, and "still" or "late" on social media is often exactly that.
 * Other channels keep their verdicts: a survey comment or a review is written to give one.
 */
export function neutralIfFaintPraise(result: SentimentResult, evidence: SentimentEvidence): SentimentResult {
  if (evidence.family !== 'social' || result.label !== 'positive' || evidence.symbols > 0) return result;
  return result.score < FAINT_SCORE ? decidedNeutral(result.score) : result;
}
