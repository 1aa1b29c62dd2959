import type { Redacted } from './privacy/redact-pii.js';
/**
 * The analysis result contract. Field names here are read by outside tools (exports, dashboards,
 * the alert payload): add fields freely, never rename or remove one without a major version.
 */

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive), rounded to 3 decimals. */
  score: number;
  /** Present when the comment holds clear praise and clear complaint at once. */
  mixed?: true;
}

export interface ThemeMatch {
  id: string;
  label: string;
  group: string;
  sentiment: SentimentLabel;
  /** The words in the original text that triggered the theme, in text order. */
  evidence: string[];
}

export type Intent = 'churn_risk' | 'callback_request' | 'escalation';

export interface FeedbackSignals {
  /** Longest wait the customer describes, in minutes ("on hold for 45 minutes", "3 weeks"). */
  waitMinutes: number | null;
  /** How many times the customer says they have made contact ("third time I've called" = 3). */
  contactCount: number | null;
  /** How many times the customer was passed on ("transferred 4 times" = 4; "transferred" alone = 1). */
  transferCount: number | null;
  intents: Intent[];
  /** The phrase behind each signal that was found, keyed by signal name (waitMinutes, churn_risk, ...). */
  evidence: Record<string, string>;
}

export type NpsCategory = 'promoter' | 'passive' | 'detractor';
export type CsatCategory = 'satisfied' | 'neutral' | 'dissatisfied';
export type CesCategory = 'low_effort' | 'neutral' | 'high_effort';

export interface FollowUp {
  required: boolean;
  /** 0 (no follow-up) .. 100 (call today). */
  priority: number;
  /** Machine-readable reasons such as `detractor`, `negative_text`, `churn_risk`, `repeat_contact:3`. */
  reasons: string[];
}

export interface LanguageResult {
  /** ISO 639-1 code, or `und` when the text is too short or unlike any known language. */
  code: string;
  /** 0..1: how sure the detector is. English analysis runs only when this is English with confidence. */
  confidence: number;
}

export interface FeedbackAnalysis {
  id: string;
  analyzerVersion: string;
  language: string;
  languageConfidence: number;
  /**
   * False when the comment is in a language the analyser does not read: sentiment is then a neutral 0,
   * with no themes or signals, rather than English rules forced onto other words.
   */
  textAnalysed: boolean;
  sentiment: SentimentResult;
  themes: ThemeMatch[];
  /**
   * The id of the comment's main theme, one of `themes`: its main problem when any theme is found
   * negative, else its main subject; a backdrop theme (a wait, the chasing) only when nothing else is
   * told; the one told with the most evidence, the first sentence's counting more, then the one told first.
   * Absent when no theme was found.
   */
  mainTheme?: string;
  signals: FeedbackSignals;
  nps?: { category: NpsCategory; score: number };
  csat?: { category: CsatCategory; score: number };
  ces?: { category: CesCategory; score: number };
  /** True when the score and the text disagree strongly (a 9 with an angry comment, a 2 with praise). */
  mismatch: boolean;
  followUp: FollowUp;
  /** The text with e-mails, phone numbers, card numbers and similar identifiers replaced by placeholders. */
  redactedText: Redacted;
}
