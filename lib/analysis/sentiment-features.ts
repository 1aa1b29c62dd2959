import type { Token } from './tokenize.js';

// The same few hundred negated stems come up again and again: name each once.
const negatedNames = new Map<string, string>();

/** The feature name of a stem, inside a negation scope or not. */
export function featureOf(stem: string, negated: boolean): string {
  return negated ? negatedFeature(stem) : stem;
}

function negatedFeature(stem: string): string {
  let name = negatedNames.get(stem);
  if (name === undefined) {
    name = `NOT_${stem}`;
    if (negatedNames.size < 50_000) negatedNames.set(stem, name);
  }
  return name;
}

/**
 * Features for the learned sentiment model: Porter stems, marked `NOT_` inside a negation scope so
 * that "not happy" and "happy" are different evidence. Shared by training and scoring so the two can
 * never drift apart.
 */
export function sentimentFeatures(tokens: readonly Token[]): string[] {
  const features = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const { stem, negated } = tokens[index] as Token;
    features.add(featureOf(stem, negated));
  }
  return [...features];
}
