/**
 * This company set against another: "unlike you, Monzo answers in minutes", "unlike your app, their
 * website works". Whatever is praised after it in the clause is praise of the other company, so it
 * turns (see `sentiment/score-lexical-sentiment.ts`).
 */
export const COMPARED_WITH_US: readonly string[] = ['unlike you', 'unlike your', 'unlike u', 'unlike yours'];

/** The company's competitors named as such: "your competitors refund in a day". */
const COMPETITORS_NAMED = ['your competitor', 'your competitors', 'your competition'];

const COMPARISON_VALENCE = -2;
const COMPETITOR_VALENCE = -1.5;

/**
 * Praise of a competitor is a complaint about this company: the comparison and the competitor named,
 * with their valence, for the CX phrase lexicon.
 */
export function competitorValences(): Array<readonly [string, number]> {
  return [
    ...COMPARED_WITH_US.map((phrase) => [phrase, COMPARISON_VALENCE] as const),
    ...COMPETITORS_NAMED.map((phrase) => [phrase, COMPETITOR_VALENCE] as const),
  ];
}
