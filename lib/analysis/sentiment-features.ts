import { isNegated } from './score-lexical-sentiment.js';
import type { Token } from './tokenize.js';

/**
 * Features for the learned sentiment model: Porter stems, marked `NOT_` inside a negation scope so
 * that "not happy" and "happy" are different evidence. Shared by training and scoring so the two can
 * never drift apart.
 */
export function sentimentFeatures(tokens: readonly Token[]): string[] {
  const features = new Set<string>();
  tokens.forEach((token, index) => {
    features.add(isNegated(tokens, index) ? `NOT_${token.stem}` : token.stem);
  });
  return [...features];
}
