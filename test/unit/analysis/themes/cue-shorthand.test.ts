import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';
import { themeIds } from '../../../support/theme-ids.js';

// An account's own taxonomy gets shorthand for free: its cues name the full words only.
const travel = loadTaxonomy({
  name: 'travel',
  version: '1',
  themes: [
    { id: 'flight_trouble', label: 'Flights', group: 'ops', cues: ['flight|flights|trip'] },
    { id: 'called_off', label: 'Called off', group: 'ops', cues: ['cancel*'] },
    { id: 'money_taken', label: 'Money', group: 'money', cues: ['payment|payments'] },
  ],
});

describe('cue shorthand: a cue that reads a word reads its common shorthand', () => {
  it.each([
    ['flight_trouble', 'my flt to Rome'],
    ['flight_trouble', 'both FLTS were full'],
    ['called_off', 'it got cxld at the last minute'],
    ['called_off', 'canx again'],
    ['money_taken', 'the pmt went out twice'],
  ])('%s in "%s"', (id, text) => {
    expect(themeIds(text, travel)).toContain(id);
  });

  it('matches shorthand only for the words a cue names', () => {
    // "acct" stands for account, which no cue of this taxonomy reads.
    expect(themeIds('my acct is locked', travel)).toEqual([]);
  });

  it('leaves a prefix cue to its own words: "cancel*" does not read "flt"', () => {
    expect(themeIds('flt on time', travel)).not.toContain('called_off');
  });
});
