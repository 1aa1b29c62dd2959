import { describe, expect, it } from 'vitest';
import { lexemeOf } from '../../../../lib/analysis/text/lexemes.js';
import { AlternativeIndex } from '../../../../lib/analysis/themes/alternative-index.js';

describe('AlternativeIndex', () => {
  const index = new AlternativeIndex<string>();
  index.file([{ kind: 'stem', stem: 'refund' }], 'refund');
  index.file(
    [
      { kind: 'prefix', prefix: 'bill' },
      { kind: 'stem', stem: 'bill' },
    ],
    'bill',
  );
  index.file([{ kind: 'word', word: 'late' }], 'late');
  index.file([{ kind: 'negator' }], 'negation');
  index.file([{ kind: 'givenName' }], 'person');
  index.file([{ kind: 'prefix', prefix: '' }], 'any word');
  const found = (word: string) => index.listsMatching(lexemeOf(word)).flat();

  it('finds an item by the stem, a beginning of the word, a negator or a given name', () => {
    expect(found('refunded')).toEqual(['refund', 'any word']);
    // A listed name is no English word, so it is a name in lower case too; "mark" is a word.
    expect(found('priya')).toEqual(['any word', 'person']);
    expect(found("priya's")).toEqual(['any word', 'person']);
    expect(found('mark')).toEqual(['any word']);
    expect(found('billboards')).toEqual(['any word', 'bill']);
    expect(found('never')).toEqual(['any word', 'negation']);
    expect(found('parcel')).toEqual(['any word']);
    // A word alone: "lately" shares its stem and "later" begins with it, and neither is "late".
    expect(found('late')).toEqual(['late', 'any word']);
    expect(found('lately')).toEqual(['any word']);
    expect(found('later')).toEqual(['any word']);
  });

  it('keeps an item once per key, and in each list of a word that matches two of its alternatives', () => {
    // "waits|waiting": two alternatives, one stem.
    index.file(
      [
        { kind: 'stem', stem: 'wait' },
        { kind: 'stem', stem: 'wait' },
        { kind: 'negator' },
        { kind: 'negator' },
      ],
      'wait',
    );
    expect(index.listsMatching(lexemeOf('waiting'))[0]).toEqual(['wait']);
    expect(found('never')).toEqual(['any word', 'negation', 'wait']);
    // "bill" is its own stem and begins with the prefix "bill".
    expect(found('bill')).toEqual(['bill', 'any word', 'bill']);
  });
});
