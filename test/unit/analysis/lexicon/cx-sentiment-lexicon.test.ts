import { describe, expect, it } from 'vitest';
import { cxPhraseValences } from '../../../../lib/analysis/lexicon/cx-sentiment-lexicon.js';
import { stemWord } from '../../../../lib/analysis/text/tokenize.js';

/** A phrase as the matcher reads it: its words' Porter stems ("keep freezing" is "keeps freezing"). */
const asRead = (phrase: string) => phrase.split(' ').map(stemWord).join(' ');

describe('the CX phrase list', () => {
  it('lists each phrase once: the first entry is matched, so a second is never read and its valence would do nothing', () => {
    const phrases = cxPhraseValences.map(([phrase]) => phrase);
    const twice = phrases.filter((phrase, i) => phrases.indexOf(phrase) !== i);
    expect(twice).toEqual([]);
  });

  it('gives no phrase, as read, a second valence that would never be read', () => {
    const first = new Map<string, number>();
    const dead: string[] = [];
    for (const [phrase, valence] of cxPhraseValences) {
      const read = first.get(asRead(phrase));
      if (read === undefined) first.set(asRead(phrase), valence);
      else if (read !== valence) dead.push(phrase);
    }
    expect(dead).toEqual([]);
  });
});
