import { describe, expect, it } from 'vitest';
import {
  AT_SIGN,
  BACKSLASH,
  COLON,
  EXCLAMATION_MARK,
  HASH_SIGN,
  mayHoldMark,
  QUESTION_MARK,
  TAB,
  textMarks,
  UNKNOWN_MARKS,
} from '../../../../lib/analysis/text/text-marks.js';

describe('textMarks', () => {
  it('sets the bit of each mark the text holds, and no other', () => {
    expect(textMarks('plain words, and a full stop.')).toBe(0);
    expect(textMarks('Why? Great!')).toBe(QUESTION_MARK | EXCLAMATION_MARK);
    expect(textMarks('@united #fail https://x.example')).toBe(AT_SIGN | HASH_SIGN | COLON);
    expect(textMarks('a\tb\\c')).toBe(TAB | BACKSLASH);
    expect(textMarks('caf\u00e9 \u201cok\u201d')).toBe(0);
  });
});

describe('mayHoldMark', () => {
  it('says a text of unknown marks may hold any of them', () => {
    for (const mark of [QUESTION_MARK, EXCLAMATION_MARK, AT_SIGN, HASH_SIGN, COLON, TAB, BACKSLASH])
      expect(mayHoldMark(UNKNOWN_MARKS, mark)).toBe(true);
    expect(mayHoldMark(textMarks('no marks here'), QUESTION_MARK)).toBe(false);
    expect(mayHoldMark(textMarks('really?'), QUESTION_MARK)).toBe(true);
  });
});
