import type { RatingScale } from '../feedback/feedback-message.js';
import type { CesCategory, CsatCategory, NpsCategory, SentimentLabel } from './feedback-analysis.js';

/** NPS bands: promoters 9-10, passives 7-8, detractors 0-6. */
export function categorizeNps(score: number): NpsCategory {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** CSAT 1-5: 4-5 satisfied (the usual "top two boxes"), 3 neutral, 1-2 dissatisfied. */
export function categorizeCsat(score: number): CsatCategory {
  if (score >= 4) return 'satisfied';
  if (score === 3) return 'neutral';
  return 'dissatisfied';
}

/** CES 1-7 agreement with "the company made it easy": 5-7 low effort, 4 neutral, 1-3 high effort. */
export function categorizeCes(score: number): CesCategory {
  if (score >= 5) return 'low_effort';
  if (score === 4) return 'neutral';
  return 'high_effort';
}

/** Where a score sits on its scale, as a sentiment: the unhappy band of every scale is `negative`. */
export function ratingSentiment(scale: RatingScale, score: number): SentimentLabel {
  const category =
    scale === 'nps' ? categorizeNps(score) : scale === 'csat' ? categorizeCsat(score) : categorizeCes(score);
  if (category === 'detractor' || category === 'dissatisfied' || category === 'high_effort')
    return 'negative';
  if (category === 'promoter' || category === 'satisfied' || category === 'low_effort') return 'positive';
  return 'neutral';
}
