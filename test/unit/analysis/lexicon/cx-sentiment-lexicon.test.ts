import { describe, expect, it } from 'vitest';
import { cxPhraseValences } from '../../../../lib/analysis/lexicon/cx-sentiment-lexicon.js';

describe('the CX phrase list', () => {
  it('lists each phrase once: the first entry is matched, so a second is never read and its valence would do nothing', () => {
    const phrases = cxPhraseValences.map(([phrase]) => phrase);
    const twice = phrases.filter((phrase, i) => phrases.indexOf(phrase) !== i);
    expect(twice).toEqual([]);
  });
});
