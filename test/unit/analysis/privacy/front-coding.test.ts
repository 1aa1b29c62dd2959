import { describe, expect, it } from 'vitest';
import { frontCode, frontDecode } from '../../../../lib/analysis/privacy/front-coding.js';

describe('front coding', () => {
  it('writes each word as the letters it shares with the one before and the rest', () => {
    expect(frontCode(['Aaliyah', 'Aaron', 'Aarya', 'Ben'])).toBe('0Aaliyah2ron3ya0Ben');
  });

  it('reads back what it wrote, a long shared start included', () => {
    const words = ['Alexander', 'Alexandra', 'Alexandrina', 'Alexandrinas', 'Bo', 'Bob', 'Bobby'];
    expect(frontDecode(frontCode(words))).toEqual(words);
    expect(frontDecode('')).toEqual([]);
  });
});
