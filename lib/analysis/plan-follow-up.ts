import type { RatingScale } from '../feedback/feedback-message.js';
import type { FeedbackSignals, FollowUp, SentimentLabel, SentimentResult } from './feedback-analysis.js';

export interface FollowUpFacts {
  /** Where the survey score sits: `negative` for a detractor / dissatisfied / high effort. */
  rating?: SentimentLabel;
  /** The score's scale (NPS when left out): it names the reason of a negative rating. */
  scale?: RatingScale;
  sentiment: SentimentResult;
  signals: FeedbackSignals;
}

/** The follow-up reason of a score in the unhappy band of each scale. */
const UNHAPPY_RATING_REASON: Record<RatingScale, string> = {
  nps: 'detractor',
  csat: 'dissatisfied',
  ces: 'high_effort',
};

/** Text sentiment at or below this counts as "clearly negative" when there is no score. */
const CLEARLY_NEGATIVE = -0.3;

/**
 * Decides whether someone should call the customer back, and how urgently. Priority points are
 * additive so the order of the queue can be explained: who is angriest, who is about to leave,
 * who has already called three times.
 */
export function planFollowUp({ rating, scale = 'nps', sentiment, signals }: FollowUpFacts): FollowUp {
  const reasons: string[] = [];
  let priority = 0;
  if (rating === 'negative') {
    reasons.push(UNHAPPY_RATING_REASON[scale]);
    priority += 40;
  } else if (rating === undefined && sentiment.score <= CLEARLY_NEGATIVE) {
    reasons.push('negative_text');
    priority += 30;
  }
  if (signals.intents.includes('churn_risk')) {
    reasons.push('churn_risk');
    priority += 25;
  }
  if (signals.intents.includes('escalation')) {
    reasons.push('escalation');
    priority += 25;
  }
  if (reasons.length === 0) return { required: false, priority: 0, reasons };

  priority += Math.round(Math.max(0, -sentiment.score) * 20);
  if (signals.contactCount !== null && signals.contactCount >= 2) {
    reasons.push(`repeat_contact:${signals.contactCount}`);
    priority += 5 * Math.min(signals.contactCount - 1, 3);
  }
  if (signals.waitMinutes !== null && signals.waitMinutes >= 30) {
    reasons.push(`long_wait:${signals.waitMinutes}m`);
    priority += signals.waitMinutes >= 24 * 60 ? 10 : 5;
  }
  if (signals.transferCount !== null && signals.transferCount >= 2) {
    reasons.push(`transfers:${signals.transferCount}`);
    priority += 5;
  }
  if (signals.intents.includes('callback_request')) {
    reasons.push('callback_request');
    priority += 5;
  }
  return { required: true, priority: Math.min(100, priority), reasons };
}

/** A score and a comment that point strongly in opposite directions (a 9 with an angry comment). */
export function isMismatch(rating: SentimentLabel | undefined, sentiment: SentimentResult): boolean {
  if (rating === 'positive') return sentiment.score <= -0.4;
  if (rating === 'negative') return sentiment.score >= 0.4 && !sentiment.mixed;
  return false;
}
