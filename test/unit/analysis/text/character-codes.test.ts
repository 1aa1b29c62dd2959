import { describe, expect, it } from 'vitest';
import { isAsciiDigitCode } from '../../../../lib/analysis/text/character-codes.js';

describe('isAsciiDigitCode', () => {
  it('is true of 0-9 only, not of other digits or of a code past the text', () => {
    expect([...'0123456789'].every((digit) => isAsciiDigitCode(digit.charCodeAt(0)))).toBe(true);
    expect(isAsciiDigitCode('/'.charCodeAt(0))).toBe(false);
    expect(isAsciiDigitCode(':'.charCodeAt(0))).toBe(false);
    expect(isAsciiDigitCode('٣'.charCodeAt(0))).toBe(false);
    expect(isAsciiDigitCode('１'.charCodeAt(0))).toBe(false);
    expect(isAsciiDigitCode(''.charCodeAt(0))).toBe(false);
  });
});
