// Which of a few punctuation marks a comment's text may hold, as bits of one number. Several steps ask
// the text for one of them (`text.includes('?')`, `'@'`, `'\t'`...): a search of the whole text each,
// on every comment. The tokenizer reads every character anyway and notes these as it goes, so a step
// asks the text only when the mark's bit is set. A bit set says "may hold", never "holds"; a clear
// bit is certain. A text whose marks are not known has every bit set (`UNKNOWN_MARKS`).

export const QUESTION_MARK = 1;
export const EXCLAMATION_MARK = 2;
export const AT_SIGN = 4;
export const HASH_SIGN = 8;
export const COLON = 16;
export const TAB = 32;
export const BACKSLASH = 64;

/** Marks of a text nothing is known of: it may hold any of them. */
export const UNKNOWN_MARKS = -1;

/** Per ASCII code, its mark bit, or 0. */
export const markOfCode = new Uint8Array(128);
markOfCode[0x3f] = QUESTION_MARK;
markOfCode[0x21] = EXCLAMATION_MARK;
markOfCode[0x40] = AT_SIGN;
markOfCode[0x23] = HASH_SIGN;
markOfCode[0x3a] = COLON;
markOfCode[0x09] = TAB;
markOfCode[0x5c] = BACKSLASH;

/** The marks of a text, read from its characters: what the tokenizer notes as it reads them. */
export function textMarks(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) marks |= markOfCode[code] as number;
  }
  return marks;
}

/** Whether a text with `marks` may hold the character whose bit is `mark`. */
export function mayHoldMark(marks: number, mark: number): boolean {
  return (marks & mark) !== 0;
}
