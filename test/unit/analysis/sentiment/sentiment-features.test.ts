import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  sumWordWeights,
  wordFeatureHashes,
} from '../../../../lib/analysis/sentiment/sentiment-features.js';
import type { ChannelFamily } from '../../../../lib/analysis/text/channel-family.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

// Weights where bucket b holds (b mod 7 - 3, b mod 5 - 2, b mod 3 - 1): different per bucket and class.
const BITS = 8;
const weights = Int8Array.from({ length: 3 << BITS }, (_, i) => {
  const bucket = Math.floor(i / 3);
  return [(bucket % 7) - 3, (bucket % 5) - 2, (bucket % 3) - 1][i % 3] as number;
});

function summedFromList(text: string, channel?: ChannelFamily): { sums: number[]; count: number } {
  const hashes: number[] = [];
  const count = wordFeatureHashes(tokenize(text), hashes, undefined, channel);
  const sums = [0, 0, 0];
  for (const hash of hashes) {
    const b = 3 * bucketOf(hash, BITS);
    for (let k = 0; k < 3; k++) sums[k] = (sums[k] as number) + (weights[b + k] as number);
  }
  return { sums, count };
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

  it.each<ChannelFamily>(['survey', 'social', 'review', 'support'])('with the %s family', (channel) => {
    const text = 'the engineer never turned up, not happy at all';
    const sums = [0, 0, 0];
    const count = sumWordWeights(tokenize(text), weights, BITS, sums, channel);
    expect({ sums, count }).toEqual(summedFromList(text, channel));
  });
});

describe('word features per channel', () => {
  const names = (text: string, channel?: ChannelFamily) => {
    const found: string[] = [];
    wordFeatureHashes(tokenize(text), [], found, channel);
    return found;
  };

  it('gives each word a copy of its own for a known channel, beside the shared one', () => {
    expect(names('it was fine', 'survey')).toEqual(
      expect.arrayContaining(['fine', 'survey: fine', 'wa fine']),
    );
    expect(names("couldn't be happier", 'social')).toContain('social: not happier');
  });

  it('hashes the same word apart in different channels and in none', () => {
    const hashes = (channel?: ChannelFamily) => {
      const found: number[] = [];
      wordFeatureHashes(tokenize('fine'), found, undefined, channel);
      return found;
    };
    const survey = hashes('survey');
    const social = hashes('social');
    expect(hashes()).toHaveLength(1);
    expect(survey).toHaveLength(2);
    expect(survey[0]).toBe(social[0]);
    expect(survey[1]).not.toBe(social[1]);
  });

  it('counts only the shared features, so a channel copy never dilutes them', () => {
    const text = 'the engineer never turned up';
    expect(wordFeatureHashes(tokenize(text), [], undefined, 'survey')).toBe(
      wordFeatureHashes(tokenize(text), []),
    );
    const all: number[] = [];
    const shared = wordFeatureHashes(tokenize(text), all, undefined, 'survey');
    expect(all.length).toBe(shared + tokenize(text).length);
  });

  it('adds no copy for a comment with no channel family', () => {
    expect(names('it was fine', undefined)).toEqual(names('it was fine'));
    expect(names('it was fine').some((name) => name.includes(':'))).toBe(false);
  });
});
