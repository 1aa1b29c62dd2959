import { describe, expect, it } from 'vitest';
import { readCommentText } from '../../../lib/analysis/read-comment-text.js';
import { tokenize } from '../../../lib/analysis/text/tokenize.js';
import { builtInTaxonomy } from '../../../lib/analysis/themes/theme-taxonomy.js';

function capitalsIn(text: string): number {
  return readCommentText(text, tokenize(text), builtInTaxonomy).evidence.capitals;
}

describe('readCommentText: words in capitals', () => {
  // A capital then a small letter is skipped without a copy of the word; other words are checked whole.
  it('counts words in capitals, not words that only start with one', () => {
    expect(capitalsIn('The Great service, Thanks')).toBe(0);
    expect(capitalsIn('The service was AWFUL and SLOW')).toBe(2);
    expect(capitalsIn('NEVER again, AWFUL, SLOW, RUDE staff')).toBe(3);
    expect(capitalsIn("DON'T bother, It's fine")).toBe(1);
    expect(capitalsIn('ALL OF THIS TEXT IS SHOUTED')).toBe(0);
    expect(capitalsIn('CaPS mixed, ABc too')).toBe(0);
  });
});
