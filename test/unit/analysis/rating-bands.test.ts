import { describe, expect, it } from 'vitest';
import {
  categorizeCes,
  categorizeCsat,
  categorizeNps,
  ratingSentiment,
} from '../../../lib/analysis/rating-bands.js';

describe('rating bands', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('NPS %i is a %s', (score, category) => {
    expect(categorizeNps(score)).toBe(category);
  });

  it.each([
    [1, 'dissatisfied'],
    [2, 'dissatisfied'],
    [3, 'neutral'],
    [4, 'satisfied'],
    [5, 'satisfied'],
  ] as const)('CSAT %i is %s', (score, category) => {
    expect(categorizeCsat(score)).toBe(category);
  });

  it.each([
    [1, 'high_effort'],
    [3, 'high_effort'],
    [4, 'neutral'],
    [5, 'low_effort'],
    [7, 'low_effort'],
  ] as const)('CES %i is %s', (score, category) => {
    expect(categorizeCes(score)).toBe(category);
  });

  it('maps the unhappy band of each scale to negative', () => {
    expect(ratingSentiment('nps', 6)).toBe('negative');
    expect(ratingSentiment('nps', 7)).toBe('neutral');
    expect(ratingSentiment('nps', 9)).toBe('positive');
    expect(ratingSentiment('csat', 2)).toBe('negative');
    expect(ratingSentiment('ces', 3)).toBe('negative');
    expect(ratingSentiment('ces', 5)).toBe('positive');
  });
});
