import { describe, expect, it } from 'vitest';
import { piiView, viewIsText } from '../../../../lib/analysis/privacy/pii-view.js';
import { redactPii } from '../../../../lib/analysis/privacy/redact-pii.js';
import { canonical, PII_CORPUS } from '../../../support/pii-corpus.js';

/** Whether the view of `text` is `text` with every character standing for itself (a pair for both halves). */
function viewIsIdentity(text: string): boolean {
  const view = piiView(text);
  if (view.text !== text) return false;
  for (let i = 0; i < text.length; i++) {
    const pairStart = (text.codePointAt(i - 1) ?? 0) > 0xffff ? i - 1 : i;
    const from = (text.codePointAt(pairStart) ?? 0) > 0xffff ? pairStart : i;
    const to = (text.codePointAt(from) ?? 0) > 0xffff ? from + 2 : from + 1;
    if (view.starts[i] !== from || view.ends[i] !== to) return false;
  }
  return true;
}

describe('viewIsText', () => {
  it.each([
    ['Don’t ask, it’s fine'],
    ['café crème, “great” service 😡 would not go back'],
    ['ticket 1234 and ‘5678’'],
  ])('says %j needs no view', (text) => {
    expect(viewIsText(text)).toBe(true);
    expect(viewIsIdentity(text)).toBe(true);
  });

  it.each([
    ['full-width digits', 'Don’t call ０７７００'],
    ['a no-break space', 'Don’t\u00a0call'],
    ['an em dash', 'Don’t — call'],
    ['a zero-width space', 'Don’t\u200bcall'],
    ['two spaces', 'Don’t  call'],
    ['a tab', 'Don’t\tcall'],
    ['a JSON escape', 'Don’t \\n call'],
    ['a percent escape', 'Don’t mail me%40'],
    ['a line break between digits', 'Don’t 07700\n\n900123'],
    ['spaced digits', 'Don’t 0 7 7 0 0'],
    ['a space before @', 'Don’t jane @example.com'],
  ])('says a text with %s may need a view', (_, text) => {
    expect(viewIsText(text)).toBe(false);
  });

  it('is never true where the view differs from the text (random text from awkward characters)', () => {
    const alphabet = [
      'a',
      'Z',
      '0',
      '7',
      ' ',
      '\n',
      '\t',
      '\u0001',
      '\r',
      '@',
      '(',
      ')',
      '/',
      '-',
      '%',
      '4',
      '\\',
      '’',
      'é',
      '😡',
      '\u00a0',
      '—',
      '０',
      '\u200b',
      '\u0663',
    ];
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    let identities = 0;
    for (let n = 0; n < 5000; n++) {
      let text = '’';
      const length = 1 + (next() % 12);
      for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length];
      if (!viewIsText(text)) continue;
      identities++;
      expect(viewIsIdentity(text), JSON.stringify(text)).toBe(true);
    }
    expect(identities).toBeGreaterThan(100);
  });
});

describe('findPii on text whose view is itself', () => {
  it.each(PII_CORPUS.filter(({ form }) => viewIsText(`’ ${form} ’`)))(
    'redacts $name between curly quotes and emoji',
    ({ form, secret }) => {
      const redacted = redactPii(`It’s 😡 ${form} 😡 isn’t it`);
      expect(canonical(redacted)).not.toContain(canonical(secret));
      expect(redacted).toMatch(/^It’s 😡 [\s\S]*\[[A-Z]+\](?: calling)? 😡 isn’t it$/);
    },
  );
});
