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

  it('leaves a lone < and text that only looks like markup alone', () => {
    expect(normalizeText('speed < 5 mbps')).toBe('speed < 5 mbps');
  });
});
