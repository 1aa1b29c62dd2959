import { describe, expect, it } from 'vitest';
import { piiView, piiViewText } from '../../../../lib/analysis/privacy/pii-view.js';

// The view is rebuilt from runs of unchanged characters; every character must still carry its own origin.
describe('piiView: dropped and replaced characters keep every origin in step', () => {
  it.each([
    [
      'call  me  on 07700 / 900123 or jane @ example.com ( 0 ) 12/05',
      'call me on 07700 / 900123 or jane@example.com (0) 12-05',
    ],
    ['ring 0 7 7 0 0 9 0 0 1 2 3 soon', 'ring 07700900123 soon'],
    ['dial 07700\n900123 now', 'dial 07700 900123 now'],
    // Pass 1's escapes and other characters, which the text-only view must read the same way.
    ['n%61me\\u0040 ＡＢ１２\tx\u00a0y', 'name@AB12 x y'],
  ])('%j reads %j', (original, view) => {
    expect(piiView(original).text).toBe(view);
    // Detection reads the view without origins: it must be the same text.
    expect(piiViewText(original)).toBe(view);
  });

  it('maps each kept character to where it stood, after drops and replacements', () => {
    const original = 'call  me  on 07700 / 900123 or jane @ example.com ( 0 ) 12/05';
    const view = piiView(original);
    expect(view.starts).toHaveLength(view.text.length);
    for (let i = 0; i < view.text.length; i++) {
      const from = original.slice(view.starts[i], view.ends[i]);
      // A slash between digits reads as a dash; every other character is the one it came from.
      expect(from === view.text[i] || (from === '/' && view.text[i] === '-')).toBe(true);
    }
    // The three dropped spaces and the spaces around `@` and inside the parentheses are skipped over.
    expect(view.starts.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 6]);
  });

  it('maps the spaced digits joined into a number to their own places', () => {
    expect(piiView('ring 0 7 7 0 0 9 soon').starts).toEqual([
      0, 1, 2, 3, 4, 5, 7, 9, 11, 13, 15, 16, 17, 18, 19, 20,
    ]);
  });
});
