import type { FeedbackSignals, ThemeMatch } from './feedback-analysis.js';
import { scoreLexicalSentiment } from './sentiment/score-lexical-sentiment.js';
import { exclamationEmphasis, scoreCxFacts, scoreSentiment } from './sentiment/score-sentiment.js';
import type { SentimentEvidence } from './sentiment/sentiment-features.js';
import { extractSignals } from './signals/extract-signals.js';
import type { Token } from './text/tokenize.js';
import { matchThemes } from './themes/match-themes.js';
import type { ThemeTaxonomy } from './themes/theme-taxonomy.js';

export interface CommentReading {
  themes: ThemeMatch[];
  signals: FeedbackSignals;
  /** What the rules found, for the learned model (and the rules' own verdict when there is none). */
  evidence: SentimentEvidence;
}

const complaintThemeIds = new WeakMap<ThemeTaxonomy, ReadonlySet<string>>();

/** Themes that are complaints by nature (their default sentiment is negative), per taxonomy. */
function complaintThemes(taxonomy: ThemeTaxonomy): ReadonlySet<string> {
  let ids = complaintThemeIds.get(taxonomy);
  if (!ids) {
    ids = new Set(taxonomy.themes.filter((theme) => theme.defaultSentiment === 'negative').map((t) => t.id));
    complaintThemeIds.set(taxonomy, ids);
  }
  return ids;
}

/**
 * The explainable reading of an English comment: lexicon, CX facts, themes, and the rules' verdict.
 * Training and analysis both read comments through here, so the model learns from what it will see.
 */
export function readCommentText(
  text: string,
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  channel?: string,
): CommentReading {
  const lexical = scoreLexicalSentiment(text, tokens);
  const signals = extractSignals(text, tokens);
  const emphasis = exclamationEmphasis(text);
  // Themes take their fallback sentiment from a first reading without themes, then feed the final one.
  const provisional = scoreSentiment(lexical, scoreCxFacts(signals), 0, emphasis);
  const themes = matchThemes(text, tokens, taxonomy, lexical.clauseValence, provisional.label);
  const complaints = complaintThemes(taxonomy);
  const complaintCount = themes.filter(
    (theme) => theme.sentiment === 'negative' && complaints.has(theme.id),
  ).length;
  const cxValence = scoreCxFacts(signals, complaintCount);
  const rules = scoreSentiment(lexical, cxValence, 0, emphasis);
  return {
    themes,
    signals,
    evidence: {
      tokens,
      rules,
      praise: lexical.positive,
      complaint: lexical.negative,
      cxValence,
      emphasis,
      question: text.includes('?'),
      channel,
    },
  };
}
