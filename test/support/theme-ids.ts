import { scoreLexicalSentiment } from '../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../lib/analysis/text/tokenize.js';
import { matchThemes } from '../../lib/analysis/themes/match-themes.js';
import { builtInTaxonomy, type ThemeTaxonomy } from '../../lib/analysis/themes/theme-taxonomy.js';

/** The ids of the themes `matchThemes` finds in `text`, read as the analysis reads it, in its order. */
export function themeIds(text: string, taxonomy: ThemeTaxonomy = builtInTaxonomy): string[] {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return matchThemes(text, tokens, taxonomy, lexical.clauseValence, 'neutral').map((t) => t.id);
}
