import type { FeedbackMessage } from '../feedback/feedback-message.js';
import { analyzerVersion } from './analyzer-version.js';
import type { FeedbackAnalysis, FeedbackSignals, SentimentLabel } from './feedback-analysis.js';
import { isMismatch, planFollowUp } from './plan-follow-up.js';
import { cluesOfRepaired, piiClues } from './privacy/pii-clues.js';
import { findPii, type PiiSpan, redactExcerpt, redactPii } from './privacy/redact-pii.js';
import { categorizeCes, categorizeCsat, categorizeNps, ratingSentiment } from './rating-bands.js';
import { readCommentText } from './read-comment-text.js';
import sentimentModelJson from './sentiment/model/sentiment-model.json' with { type: 'json' };
import { type SentimentModel, scoreModelSentiment } from './sentiment/score-model-sentiment.js';
import { detectLanguage } from './text/detect-language.js';
import { normalizeText } from './text/normalize-text.js';
import { UNKNOWN_MARKS } from './text/text-marks.js';
import { type MarksRead, type Token, tokenize, tokenizePrintable } from './text/tokenize.js';
import { chooseMainTheme } from './themes/main-theme.js';
import { builtInTaxonomy, type ThemeTaxonomy } from './themes/theme-taxonomy.js';

export interface AnalyzeOptions {
  /** A compiled taxonomy (see `loadTaxonomy`) to use instead of the built-in CX taxonomy. */
  taxonomy?: ThemeTaxonomy;
  /** A sentiment model trained on an account's own labelled comments (see `trainSentimentModel`). */
  sentimentModel?: SentimentModel;
}

const builtInModel = sentimentModelJson as SentimentModel;

function noSignals(): FeedbackSignals {
  return { waitMinutes: null, contactCount: null, transferCount: null, intents: [], evidence: {} };
}

function redactEvidence(
  text: string,
  evidence: Readonly<Record<string, string>>,
  spans: readonly PiiSpan[],
): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const key of Object.keys(evidence))
    redacted[key] = redactExcerpt(text, evidence[key] as string, spans);
  return redacted;
}

/** The text analysis: runs only on English; other languages get an honest "not analysed" result. */
function analyzeText(
  text: string,
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  model: SentimentModel | undefined,
  channel: string | undefined,
  marks: number,
) {
  const { themes, signals, evidence } = readCommentText(text, tokens, taxonomy, channel, marks);
  const sentiment = model ? scoreModelSentiment(model, evidence) : evidence.rulesAlone;
  return { sentiment, themes, signals };
}

/**
 * Analyses one piece of customer feedback: sentiment, CX themes with evidence, signals (waits, repeat
 * contacts, churn and escalation intents), score band, follow-up decision and redacted text.
 * Pure and deterministic: the same message and taxonomy always give the same result.
 */
export function analyzeFeedback(message: FeedbackMessage, options?: AnalyzeOptions): FeedbackAnalysis {
  // Options are optional, not defaulted to `{}`: a default object would be made for every comment.
  const taxonomy = options?.taxonomy ?? builtInTaxonomy;
  // Most comments are printable ASCII, which normalizing leaves as it is and the PII search needs to
  // know; the tokenizer tells as it reads them, and stops at once on any other. It notes the marks the
  // text may hold (see `text-marks.ts`), so later steps search the text only for those.
  const read: MarksRead = { marks: UNKNOWN_MARKS };
  const printableTokens = tokenizePrintable(message.text, read);
  const marks = read.marks;
  const printable = printableTokens !== undefined;
  const text = printable ? message.text : normalizeText(message.text);
  const tokens = printableTokens ?? tokenize(text);
  const language = detectLanguage(text, tokens);
  // Unknown language (emoji, digits, a word or two) still gets the English reading: it is the best guess.
  const english = language.code === 'en' || language.code === 'und';
  const model = options?.sentimentModel ?? builtInModel;
  // A comment with no words ("10", "4/10", "!!!") gives the model nothing but the base rate of the
  // comments it was trained on (mostly complaints); the lexicon still reads emoji.
  const wordless = language.code === 'und';
  const { sentiment, themes, signals } = english
    ? analyzeText(text, tokens, taxonomy, wordless ? undefined : model, message.channel, marks)
    : { sentiment: { label: 'neutral' as const, score: 0 }, themes: [], signals: noSignals() };
  // Chosen before redaction: it finds each theme's evidence in the text as read.
  const mainTheme = chooseMainTheme(text, themes, taxonomy)?.id;
  // Evidence is cut from the text: when the whole text holds nothing to redact, no piece of it does.
  const clues = piiClues(text, tokens, marks);
  const spans = findPii(text, clues, printable, marks);
  if (spans.length > 0) {
    for (const theme of themes) theme.evidence = theme.evidence.map((e) => redactExcerpt(text, e, spans));
    signals.evidence = redactEvidence(text, signals.evidence, spans);
  }

  const scale = message.scale ?? 'nps';
  const score = message.score;
  const rating: SentimentLabel | undefined = score !== undefined ? ratingSentiment(scale, score) : undefined;

  // Built a field at a time, in the order the fields are written out, rather than with object spreads:
  // a spread in a literal copies through a slow generic path, and this runs once per comment.
  const analysis: Partial<FeedbackAnalysis> = {
    id: message.id,
    analyzerVersion,
    language: language.code,
    languageConfidence: language.confidence,
    textAnalysed: english,
    sentiment,
    themes,
  };
  if (mainTheme !== undefined) analysis.mainTheme = mainTheme;
  analysis.signals = signals;
  // Written straight into the analysis: no object of bands is made for the many comments without a score.
  if (score !== undefined) {
    if (scale === 'nps') analysis.nps = { category: categorizeNps(score), score };
    if (scale === 'csat') analysis.csat = { category: categorizeCsat(score), score };
    if (scale === 'ces') analysis.ces = { category: categorizeCes(score), score };
  }
  analysis.mismatch = isMismatch(rating, sentiment);
  analysis.followUp = planFollowUp(rating ? { rating, scale, sentiment, signals } : { sentiment, signals });
  analysis.redactedText =
    text === message.text
      ? redactPii(text, spans)
      : redactPii(message.text, findPii(message.text, cluesOfRepaired(message.text, text, clues)));
  return analysis as FeedbackAnalysis;
}
