/**
 * Bump whenever a change can alter any analysis result (lexicon, taxonomy, rules, thresholds), so stored
 * records say which rules produced them and can be re-analysed selectively.
 */
export const analyzerVersion = '0.8.15';
