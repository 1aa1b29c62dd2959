import { describe, expect, it } from 'vitest';
import { readStemTable, writeStemTable } from '../../../../lib/analysis/text/stem-table.js';

describe('the stem table', () => {
  it('writes a stem as the word, the word less its last letters, or that and new letters', () => {
    const table = writeStemTable(
      new Map([
        ['wait', 'wait'],
        ['waited', 'wait'],
        ['happy', 'happi'],
      ]),
    );
    expect(table).toEqual({ words: '0happy0wait4ed', stems: '1:i = 2' });
  });

  it('reads back the pairs it wrote', () => {
    const pairs = new Map([
      ['abysmal', 'abysm'],
      ['accommodating', 'accommod'],
      ['above', 'abov'],
      ['a', 'a'],
      ['agreed', 'agre'],
      ['generous', 'gener'],
      ['ran', 'run'],
    ]);
    expect(readStemTable(writeStemTable(pairs))).toEqual(
      new Map([...pairs].sort(([a], [b]) => (a < b ? -1 : 1))),
    );
  });
});
