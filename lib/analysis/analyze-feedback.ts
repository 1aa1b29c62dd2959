import type { FeedbackMessage } from '../feedback/feedback-message.js';
import { analyzerVersion } from './analyzer-version.js';
import type { FeedbackAnalysis } from './feedback-analysis.js';

export interface AnalyzeOptions {
  /** A theme taxonomy to use instead of the built-in one (already validated). */
  taxonomy?: unknown;
}

/** Placeholder until the analysis core lands: returns a neutral result of the right shape. */
export function analyzeFeedback(message: FeedbackMessage, _options: AnalyzeOptions = {}): FeedbackAnalysis {
  return {
    id: message.id,
    analyzerVersion,
    language: 'en',
    languageConfidence: 1,
    sentiment: { label: 'neutral', score: 0 },
    themes: [],
    signals: { waitMinutes: null, contactCount: null, transferCount: null, intents: [], evidence: {} },
    mismatch: false,
    followUp: { required: false, priority: 0, reasons: [] },
    redactedText: message.text,
  };
}
