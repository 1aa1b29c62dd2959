import type { FeedbackMessage } from '../../feedback/feedback-message.js';
import type { SentimentResult } from '../feedback-analysis.js';
import { readCommentText } from '../read-comment-text.js';
import { detectLanguage } from '../text/detect-language.js';
import { normalizeText } from '../text/normalize-text.js';
import { tokenize } from '../text/tokenize.js';
import { builtInTaxonomy, type ThemeTaxonomy } from '../themes/theme-taxonomy.js';
import sentimentModelJson from './model/sentiment-model.json' with { type: 'json' };
import {
  explainModelSentiment,
  type FeatureContribution,
  type SentimentModel,
  scoreModelSentiment,
} from './score-model-sentiment.js';

export interface SentimentExplanation {
  sentiment: SentimentResult;
  /** The features that pushed the comment most towards its label, strongest first. */
  features: FeatureContribution[];
}

/**
 * Why a comment got its sentiment: the top contributing features of the learned model (stems, stem
 * pairs, and the rules' findings such as "lexicon complaint" or "cx facts"). Reads the comment the way
 * `analyzeFeedback` does; for text it does not analyse (another language) there is nothing to list.
 */
export function explainSentiment(
  message: Pick<FeedbackMessage, 'text' | 'channel'>,
  options: { taxonomy?: ThemeTaxonomy; sentimentModel?: SentimentModel; top?: number } = {},
): SentimentExplanation {
  const model = options.sentimentModel ?? (sentimentModelJson as SentimentModel);
  const text = normalizeText(message.text);
  const tokens = tokenize(text);
  const { evidence } = readCommentText(text, tokens, options.taxonomy ?? builtInTaxonomy, message.channel);
  // As in analyzeFeedback: other languages are not read, and wordless text gets the rules alone.
  const language = detectLanguage(text, tokens).code;
  if (language !== 'en' && language !== 'und')
    return { sentiment: { label: 'neutral', score: 0 }, features: [] };
  if (language === 'und') return { sentiment: evidence.rulesAlone, features: [] };
  const sentiment = scoreModelSentiment(model, evidence);
  return { sentiment, features: explainModelSentiment(model, evidence, sentiment.label, options.top) };
}
