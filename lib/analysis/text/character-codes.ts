// Character codes the text steps test one by one (`charCodeAt`), where a regex per character would cost
// more than the test.

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** Whether a UTF-16 code is an ASCII digit, 0-9 (a code past the text's end, NaN, is none). */
export function isAsciiDigitCode(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}
