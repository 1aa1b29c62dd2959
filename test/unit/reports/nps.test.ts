import { describe, expect, it } from 'vitest';
import { npsFromCounts } from '../../../lib/reports/nps.js';

describe('npsFromCounts', () => {
  it.each([
    [{ promoters: 5, passives: 3, detractors: 2 }, 30],
    [{ promoters: 0, passives: 0, detractors: 4 }, -100],
    [{ promoters: 4, passives: 0, detractors: 0 }, 100],
    [{ promoters: 1, passives: 1, detractors: 1 }, 0],
    [{ promoters: 2, passives: 0, detractors: 1 }, 33.33],
    [{ promoters: 1, passives: 0, detractors: 2 }, -33.33],
    [{ promoters: 2, passives: 1, detractors: 0 }, 66.67],
  ])('%j -> %d', (counts, nps) => {
    expect(npsFromCounts(counts)).toBe(nps);
  });

  it('is null with no responses rather than a made-up 0', () => {
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});
