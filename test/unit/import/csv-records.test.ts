import { describe, expect, it } from 'vitest';
import { type CsvRecord, detectDelimiter, readCsvRecords } from '../../../lib/import/csv-records.js';

async function records(
  chunks: string[] | string,
  options: Parameters<typeof readCsvRecords>[1] = {},
): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(
    (async function* () {
      yield* typeof chunks === 'string' ? [chunks] : chunks;
    })(),
    options,
  ))
    out.push(record);
  return out;
}

/** The same text fed one character at a time: chunk boundaries must not change anything. */
const byCharacter = (text: string) => [...text];

describe('detectDelimiter', () => {
  it.each([
    ['id,text,score', ','],
    ['id;text;score', ';'],
    ['id\ttext\tscore', '\t'],
    ['"a;b",c', ','],
    ['"Why, really?";score;date', ';'],
    ['text', ','],
    ['', ','],
  ])('%j -> %j', (line, expected) => {
    expect(detectDelimiter(line)).toBe(expected);
  });
});

describe('readCsvRecords', () => {
  it('reads quoted cells with delimiters, doubled quotes and new lines, CRLF and LF, with their lines', async () => {
    const text =
      'id,text\r\nr1,"Slow, very slow"\r\nr2,"He said ""no""\r\nthen hung up"\r\n\r\nr3,plain\nr4,last';
    const expected = [
      { line: 1, cells: ['id', 'text'] },
      { line: 2, cells: ['r1', 'Slow, very slow'] },
      { line: 3, cells: ['r2', 'He said "no"\r\nthen hung up'] },
      { line: 6, cells: ['r3', 'plain'] },
      { line: 7, cells: ['r4', 'last'] },
    ];
    expect(await records(text)).toEqual(expected);
    expect(await records(byCharacter(text))).toEqual(expected);
  });

  it('reads "id, text" with a space after the comma, and spaces around quoted cells', async () => {
    expect(await records('id, text\nr1, "Hello, there" ,x\n')).toEqual([
      { line: 1, cells: ['id', ' text'] },
      { line: 2, cells: ['r1', 'Hello, there', 'x'] },
    ]);
  });

  it('takes a quote inside an unquoted cell literally', async () => {
    expect(await records('a,b\n1,a 5" screen\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'a 5" screen'] },
    ]);
  });

  it('uses the detected delimiter (semicolon, tab) or the given one', async () => {
    expect((await records('id;text\nr1;"a, b; c"\n'))[1]).toEqual({ line: 2, cells: ['r1', 'a, b; c'] });
    expect((await records('id\ttext\nr1\ta, b\n'))[1]).toEqual({ line: 2, cells: ['r1', 'a, b'] });
    expect((await records('id;text\nr1;a,b\n', { delimiter: ',' }))[1]).toEqual({
      line: 2,
      cells: ['r1;a', 'b'],
    });
  });

  // Finding 3 and 2: one broken line must not take the rest of the file with it.
  it('reports an unclosed quote on line 918 of 1,000 and reads every other line', async () => {
    const lines = ['id,text,score'];
    for (let i = 2; i <= 1000; i++) {
      lines.push(i === 918 ? `r${i},"never closed,3` : `r${i},"comment ${i}, quoted",${i % 11}`);
    }
    const text = `${lines.join('\n')}\n`;
    for (const input of [text, byCharacter(text)]) {
      const result = await records(input);
      const broken = result.filter((r) => 'problem' in r);
      expect(broken).toEqual([expect.objectContaining({ line: 918, problem: 'unclosed-quote' })]);
      const rows = result.filter((r) => 'cells' in r).slice(1);
      expect(rows).toHaveLength(998);
      expect(new Set(rows.map((r) => r.line)).size).toBe(998);
      expect(rows.at(-1)).toEqual({ line: 1000, cells: ['r1000', 'comment 1000, quoted', '10'] });
    }
  });

  it('reports an unclosed quote when no quote follows, up to the end of the file', async () => {
    const result = await records('id,text\nr1,"open\nr2,next\nr3,more\n');
    expect(result).toEqual([
      { line: 1, cells: ['id', 'text'] },
      expect.objectContaining({
        line: 2,
        problem: 'unclosed-quote',
        detail: expect.stringMatching(/never closed/),
      }),
      { line: 3, cells: ['r2', 'next'] },
      { line: 4, cells: ['r3', 'more'] },
    ]);
  });

  it('reports a stray quote after a closing quote and goes on with the next line', async () => {
    const result = await records('id,text\nr1,"He said "hi" to me"\nr2,ok\n');
    expect(result[1]).toEqual(
      expect.objectContaining({ line: 2, problem: 'bad-quote', detail: expect.stringMatching(/doubled/) }),
    );
    expect(result[2]).toEqual({ line: 3, cells: ['r2', 'ok'] });
  });

  it('gives up on a quoted cell longer than the limit, in bounded memory, and resumes', async () => {
    const filler = Array.from({ length: 50 }, (_, i) => `r${i},plain ${i}`).join('\n');
    const result = await records(['id,text\nr0,"opened\n', filler, '\n'], { maxRecordChars: 100 });
    expect(result[1]).toEqual(expect.objectContaining({ line: 2, problem: 'unclosed-quote' }));
    expect(result.filter((r) => 'cells' in r).length).toBe(51);
  });

  it.each([
    ['unquoted', 'word '.repeat(100), 'long-line', /line is longer than 100 characters/],
    [
      'quoted and never closed',
      `"${'word '.repeat(100)}`,
      'unclosed-quote',
      /quoted cell is still open after 100/,
    ],
  ])(
    'reports a %s line over the limit once, under its own number, and keeps the next rows',
    async (_, cell, problem, detail) => {
      // The long line arrives in many chunks, as a 10 MB line read from a file does.
      const long = `r1,${cell}`;
      const chunks = ['id,text\n', ...(long.match(/.{1,30}/gs) ?? []), '\r', '\nr2,ok\nr3,fine\n'];
      const result = await records(chunks, { maxRecordChars: 100 });
      expect(result.slice(1)).toEqual([
        expect.objectContaining({ line: 2, lastLine: 2, problem, detail: expect.stringMatching(detail) }),
        { line: 3, cells: ['r2', 'ok'] },
        { line: 4, cells: ['r3', 'fine'] },
      ]);
    },
  );

  it('reports an overlong header line as one problem on line 1', async () => {
    const header = Array.from({ length: 100 }, (_, i) => `c${i}`).join(',');
    const result = await records([header.slice(0, 150), header.slice(150), '\nr1,x\n'], {
      maxRecordChars: 100,
    });
    expect(result[0]).toEqual(expect.objectContaining({ line: 1, problem: 'long-line' }));
    expect(result[1]).toEqual({ line: 2, cells: ['r1', 'x'] });
  });

  it.each([
    ['sep=;\r\nid;text\r\nr1;a, b\r\n', ';', ['r1', 'a, b']],
    ['sep=,\nid,text\nr1,a; b\n', ',', ['r1', 'a; b']],
    ['sep=\t\nid\ttext\nr1\ta; b\n', '\t', ['r1', 'a; b']],
  ])(
    'takes the delimiter from the "sep=" line Excel writes first, and skips that line (%j)',
    async (text, delimiter, row) => {
      let heard: string | undefined;
      const result = await records(byCharacter(text), {
        onDelimiter: (d) => {
          heard = d;
        },
      });
      expect(heard).toBe(delimiter);
      expect(result).toEqual([
        { line: 2, cells: ['id', 'text'] },
        { line: 3, cells: row },
      ]);
    },
  );

  it('returns nothing for an empty input and a lone header for a header-only file', async () => {
    expect(await records('')).toEqual([]);
    expect(await records('\n\n')).toEqual([]);
    expect(await records('id,text')).toEqual([{ line: 1, cells: ['id', 'text'] }]);
  });
});
