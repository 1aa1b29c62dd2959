import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../lib/analysis/text/normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['<p>Terrible <b>service</b></p>', ' Terrible  service  '],
    ['Fish &amp; chips &lt;3', 'Fish & chips <3'],
    ['don\uFFFDt know', "don't know"],
    ['paid \uFFFD95 upfront', 'paid £95 upfront'],
    ['null\u0000byte and\u200Bzero width', 'null byte and zero width'],
    ['line one\nline two', 'line one\nline two'],
    ['ﬁne', 'fine'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  // A text of ASCII and common typographic characters skips NFKC: it would leave every one of them alone.
  it('reads text of ASCII and typographic characters as NFKC would', () => {
    const typographic = '‘’“”–—•£€°\uFFFD';
    for (const char of typographic) expect(`a${char}1 ${char}`.normalize('NFKC')).toBe(`a${char}1 ${char}`);
    expect(normalizeText('“don\uFFFDt” – paid \uFFFD95 &amp; 20°')).toBe("“don't” – paid £95 & 20°");
    expect(normalizeText('don\uFFFDt ﬁx it… ’')).toBe("don't fix it... ’");
  });

  it('leaves a lone < and text that only looks like markup alone', () => {
    expect(normalizeText('speed < 5 mbps')).toBe('speed < 5 mbps');
  });
});
