import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  sumWordWeights,
  wordFeatureHashes,
} from '../../../../lib/analysis/sentiment/sentiment-features.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

// Weights where bucket b holds (b mod 7 - 3, b mod 5 - 2, b mod 3 - 1): different per bucket and class.
const BITS = 8;
const weights = Int8Array.from({ length: 3 << BITS }, (_, i) => {
  const bucket = Math.floor(i / 3);
  return [(bucket % 7) - 3, (bucket % 5) - 2, (bucket % 3) - 1][i % 3] as number;
});

function summedFromList(text: string): { sums: number[]; count: number } {
  const hashes: number[] = [];
  wordFeatureHashes(tokenize(text), hashes);
  const sums = [0, 0, 0];
  for (const hash of hashes) {
    const b = 3 * bucketOf(hash, BITS);
    for (let k = 0; k < 3; k++) sums[k] = (sums[k] as number) + (weights[b + k] as number);
  }
  return { sums, count: hashes.length };
}

describe('sumWordWeights (the scoring pass) adds up exactly the features training lists', () => {
  it.each([
    '',
    'fine',
    'the engineer never turned up, not happy at all',
    "didn't get a reply. Still waiting; no one called back!",
    'Great service but the app keeps logging me out',
  ])('%j', (text) => {
    const sums = [0, 0, 0];
    const count = sumWordWeights(tokenize(text), weights, BITS, sums);
    expect({ sums, count }).toEqual(summedFromList(text));
  });
});
