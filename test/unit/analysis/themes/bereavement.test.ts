import { describe, expect, it } from 'vitest';
import { themeIds } from '../../../support/theme-ids.js';

// "Late" names a delay, but "my late husband" someone who has died and "open late" an opening hour.
describe('"late" that is no delay', () => {
  it.each([
    ["my late husband's pension still hasn't been sorted"],
    ['the late Mr Okafor held a policy with you'],
    ["I'm writing about my late mother's bill, I was charged twice"],
    ['open late which is great'],
    ['stayed up late to get tickets and the site crashed'],
  ])('does not raise delay in "%s"', (text) => {
    expect(themeIds(text)).not.toContain('delay');
  });

  it.each([
    ['the engineer was late and my husband had to take the day off'],
    ['my parcel is late'],
    ['delivery was 3 days late, my dad was furious'],
    ['the late train was cancelled'],
  ])('still raises delay in "%s"', (text) => {
    expect(themeIds(text)).toContain('delay');
  });
});
