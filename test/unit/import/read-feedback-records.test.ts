import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { feedbackMessageSchema } from '../../../lib/feedback/feedback-message.js';
import { ImportHeaderError, parseColumnMap } from '../../../lib/import/map-columns.js';
import {
  type FeedbackRecord,
  type ImportOptions,
  type ImportStart,
  readFeedbackRecords,
} from '../../../lib/import/read-feedback-records.js';
import {
  medalliaExport,
  qualtricsExport,
  sampleRows,
  surveyMonkeyExport,
  typeformExport,
} from './export-shapes.js';

type Options = Partial<ImportOptions>;

async function read(input: string | Buffer, options: Options = {}) {
  const records: FeedbackRecord[] = [];
  let start: ImportStart | undefined;
  for await (const record of readFeedbackRecords(Readable.from([Buffer.from(input)]), {
    format: 'csv',
    ...options,
    onStart: (s) => {
      start = s;
    },
  }))
    records.push(record);
  const messages = records.flatMap((r) => ('message' in r ? [r.message as Record<string, unknown>] : []));
  const skipped = records.flatMap((r) => ('skipped' in r ? [r] : []));
  return { records, messages, skipped, start };
}

const withBom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
const utf16leWithBom = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('finding 1: rows without an id', () => {
  /** A weekly export as a CX tool writes it: no id column, one row per response. */
  function weeklyExport(week: number): string {
    const lines = ['Date,NPS,Comment,Agent'];
    for (let i = 0; i < 200; i++) {
      const day = String(1 + week * 7 + (i % 7)).padStart(2, '0');
      // Score-only answers and repeated short comments, as real exports have them.
      const comment = i % 4 === 0 ? '' : i % 4 === 1 ? 'Great service' : `Comment ${i} of week ${week}`;
      lines.push(`2026-11-${day} 09:${String(i % 60).padStart(2, '0')},${i % 11},${comment},agent-${i % 5}`);
    }
    return `${lines.join('\n')}\n`;
  }

  it('gives two weekly exports of 200 rows 400 distinct ids, and a resent export the same ids', async () => {
    const first = await read(weeklyExport(0));
    const second = await read(weeklyExport(1));
    const ids = [...first.messages, ...second.messages].map((m) => m.id as string);
    expect(ids).toHaveLength(400);
    expect(new Set(ids).size).toBe(400);
    expect(ids.every((id) => id.startsWith('row-'))).toBe(true);
    const again = await read(weeklyExport(0));
    expect(again.messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
  });

  it('keeps two identical score-only answers in one file as two responses', async () => {
    const { messages } = await read('NPS,Comment,Date\n10,,2026-11-04\n10,,2026-11-04\n');
    expect(messages).toHaveLength(2);
    expect(new Set(messages.map((m) => m.id)).size).toBe(2);
  });
});

describe('finding 2: real export headers, delimiters and encodings', () => {
  it('matches NPS, Comment, Response ID, Date and Agent ignoring case, spaces and punctuation', async () => {
    const { messages, start } = await read(
      'Response ID,NPS,Comment,Date,Agent,Customer_ID,IP Address\nR1,3,"Slow, very slow",2026-11-04,Ann,C-9,1.2.3.4\n',
    );
    expect(messages).toEqual([
      {
        id: 'R1',
        text: 'Slow, very slow',
        score: 3,
        submittedAt: '2026-11-04',
        customerId: 'C-9',
        segment: { agent: 'Ann' },
      },
    ]);
    expect(start?.plan?.ignored).toEqual(['"IP Address"']);
    expect(feedbackMessageSchema.safeParse(messages[0]).success).toBe(true);
  });

  it.each([
    ['comma with a space after it', 'id, text, score\nr1, "Hello, there", 9\n'],
    ['semicolon (European Excel)', 'id;text;score\r\nr1;"Hello, there";9\r\n'],
    ['UTF-8 with BOM', withBom('id,text,score\nr1,"Hello, there",9\n')],
    [
      'UTF-16 LE tab-separated with BOM (Excel "Unicode text")',
      utf16leWithBom('id\ttext\tscore\r\nr1\tHello, there\t9\r\n'),
    ],
  ])('reads %s', async (_name, input) => {
    const { messages, skipped } = await read(input);
    expect(skipped).toEqual([]);
    expect(messages).toEqual([{ id: 'r1', text: 'Hello, there', score: 9 }]);
  });

  it('reads JSONL files joined with cat, the second with a byte-order mark of its own', async () => {
    const joined = Buffer.concat([
      Buffer.from('{"id":"a","text":"x"}\n'),
      withBom('{"id":"b","text":"y"}\n'),
    ]);
    const { records } = await read(joined, { format: 'jsonl' });
    expect(records).toEqual([
      { line: 1, message: { id: 'a', text: 'x' } },
      { line: 2, message: { id: 'b', text: 'y' } },
    ]);
  });

  it('reads JSONL with a byte-order mark from line 1', async () => {
    const { records } = await read(withBom('{"id":"a","text":"x"}\r\n{"id":"b","text":"y"}\n'), {
      format: 'jsonl',
    });
    expect(records).toEqual([
      { line: 1, message: { id: 'a', text: 'x' } },
      { line: 2, message: { id: 'b', text: 'y' } },
    ]);
  });

  it.each([
    [
      'a JSON array on one line',
      '[{"id":"a","text":"x"},{"id":"b","text":"y"}]\n',
      /the file is a JSON array/,
    ],
    [
      'a JSON array over many lines',
      '\n[\n  {\n    "id": "a",\n    "text": "x"\n  }\n]\n',
      /the file is a JSON array/,
    ],
    [
      'one object over many lines',
      '{\n  "id": "a",\n  "text": "x"\n}\n',
      /the file is JSON over several lines/,
    ],
  ])(
    'refuses %s once, with how to make JSON Lines of it, rather than an error per line',
    async (_, text, reason) => {
      const error = await read(text, { format: 'jsonl' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportHeaderError);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toMatch(/one message per line.*jq -c/);
    },
  );

  it('refuses a JSON array on its first character, without reading the rest of a large file', async () => {
    let pulled = 0;
    const input = Readable.from(
      (function* () {
        yield Buffer.from('\n  [');
        for (let i = 0; i < 100_000; i++) {
          pulled++;
          yield Buffer.from(`{"id":"a${i}","text":"some comment text"},`.repeat(100));
        }
      })(),
    );
    const reading = (async () => {
      for await (const _ of readFeedbackRecords(input, { format: 'jsonl' })) {
        // nothing is expected
      }
    })();
    await expect(reading).rejects.toThrow(/^line 2: the file is a JSON array/);
    expect(pulled).toBeLessThan(100);
  });

  it('reports a JSON line over 4,000,000 characters once, and reads the next line under its own number', async () => {
    const long = `{"id":"a","text":"${'x'.repeat(4_000_000)}"}`;
    const chunks = [...(long.match(/.{1,65536}/gs) ?? []), '\n{"id":"b","text":"y"}\n'];
    const records: FeedbackRecord[] = [];
    for await (const record of readFeedbackRecords(Readable.from(chunks.map((c) => Buffer.from(c))), {
      format: 'jsonl',
    }))
      records.push(record);
    expect(records).toEqual([
      { line: 1, skipped: 'long-line', detail: 'the line is longer than 4,000,000 characters' },
      { line: 2, message: { id: 'b', text: 'y' } },
    ]);
  });

  it('reports bad JSON lines with their number and no part of the comment', async () => {
    const { records } = await read(
      '{"id":"a","text":"x"}\n[1, "call me on 07700 900123",]\n\n{"id":"b","text":"y"}\n',
      {
        format: 'jsonl',
      },
    );
    expect(records).toEqual([
      { line: 1, message: { id: 'a', text: 'x' } },
      { line: 2, skipped: 'invalid-json', detail: expect.stringMatching(/^invalid JSON: /) },
      { line: 4, message: { id: 'b', text: 'y' } },
    ]);
    expect(JSON.stringify(records[1])).not.toContain('07700');
  });

  it('refuses a duplicate header with its line, rather than letting the last one win', async () => {
    await expect(read('id,Comment,comment\nr1,a,b\n')).rejects.toThrow(
      /^line 1: the header has "comment" twice \(columns 2 and 3\)/,
    );
    await expect(read('id,Comment,Feedback\nr1,a,b\n')).rejects.toThrow(
      /"Comment" and "Feedback" both look like text: pick one with --map text=COLUMN/,
    );
  });

  it('reports a row with extra cells with its line and sends the others', async () => {
    const { messages, skipped } = await read('id,text,score\nr1,ok,1\nr2,Slow, very slow,3\nr3,fine,8,\n');
    expect(skipped).toEqual([
      {
        line: 3,
        skipped: 'extra-cells',
        detail: expect.stringMatching(/^4 cells but the header has 3 columns/),
      },
    ]);
    expect(messages.map((m) => m.id)).toEqual(['r1', 'r3']);
  });

  it('reports an unclosed quote with its line and reads the lines after it', async () => {
    const { messages, skipped } = await read('id,text\nr1,"never closed\nr2,next\nr3,"quoted"\n');
    expect(skipped).toEqual([expect.objectContaining({ line: 2, skipped: 'unclosed-quote' })]);
    expect(messages.map((m) => m.id)).toEqual(['r2', 'r3']);
  });

  it('says which column is missing when no column holds the comment', async () => {
    await expect(read('id,remarks\n1,hello\n')).rejects.toThrow(
      /line 1: no column holds the comment text: name it with --map text=COLUMN \(columns: "id", "remarks"\)/,
    );
  });

  it('maps any column with --map, over the aliases', async () => {
    const map = parseColumnMap(['text="Q2 Why, really?",score=Q1 NPS', 'department=Dept']);
    const { messages, start } = await read(
      'Q1 NPS,"Q2 Why, really?",Dept,Comment\n4,Too slow,Billing,internal note\n',
      { map },
    );
    expect(messages).toEqual([
      { id: expect.stringMatching(/^row-/), text: 'Too slow', score: 4, segment: { department: 'Billing' } },
    ]);
    expect(start?.plan?.ignored).toEqual(['"Comment"']);
  });

  it('refuses unread columns with --strict', async () => {
    await expect(read('id,text,Email\nr1,x,a@b.c\n', { strict: true })).rejects.toThrow(
      /line 1: --strict: no field reads "Email"/,
    );
    await expect(read('id,text\nr1,x\n', { strict: true })).resolves.toMatchObject({
      messages: [{ id: 'r1' }],
    });
  });

  it.each([
    ['qualtrics', 'ResponseId,Q1,Q1_NPS_GROUP,Q2\nResponse ID,How likely,NPS group,Why?\n', 3, 2],
    ['surveymonkey', 'Respondent ID,How likely are you to recommend us?,Why?\n', 2, 1],
  ])(
    'says a %s export with fewer header rows than the tool writes is short of them, not headerless',
    async (preset, text, rows, found) => {
      const error = await read(text, { preset: preset as never }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportHeaderError);
      expect((error as Error).message).toBe(
        `line 1: the ${preset} preset reads ${rows} header rows, and the file has ${found} and no responses: is it a ${preset} export? (without --preset, the first line is the header)`,
      );
    },
  );

  it('passes over the header row repeated inside the file (two exports joined with cat)', async () => {
    const one = 'Response ID,NPS,Comment\r\nr1,9,Great\r\n';
    const { messages, skipped } = await read(one + one.replace('r1', 'r2'));
    expect(skipped).toEqual([]);
    expect(messages.map((message) => message.id)).toEqual(['r1', 'r2']);
  });

  it('throws ImportHeaderError for a file with nothing in it', async () => {
    await expect(read('')).rejects.toBeInstanceOf(ImportHeaderError);
  });
});

describe('finding 3: bad lines, dates and scores', () => {
  it('sends the 998 good rows around a broken line 918 of 1,000 and names the broken one', async () => {
    const lines = ['id,text,score'];
    for (let i = 2; i <= 1000; i++) lines.push(i === 918 ? `r${i},"broken,3` : `r${i},"ok ${i}",${i % 11}`);
    const { messages, skipped } = await read(`${lines.join('\n')}\n`);
    expect(skipped).toEqual([expect.objectContaining({ line: 918, skipped: 'unclosed-quote' })]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(998);
  });

  it('reads ISO dates without T or seconds, and dd/mm/yyyy with --date-format', async () => {
    const csv = 'id,text,date\na,x,2026-11-04 05:30\nb,x,04/11/2026 05:30\n';
    expect((await read(csv, { dateOrder: 'dmy' })).messages.map((m) => m.submittedAt)).toEqual([
      '2026-11-04T05:30:00Z',
      '2026-11-04T05:30:00Z',
    ]);
    const { messages, skipped } = await read(csv);
    expect(messages.map((m) => m.id)).toEqual(['a']);
    expect(skipped).toEqual([
      { line: 3, skipped: 'bad-date', detail: expect.stringMatching(/--date-format dmy/) },
    ]);
  });

  it('names the scale for a decimal score, and reads labelled answers', async () => {
    const { messages, skipped } = await read(
      'id,text,score,scale\na,x,7.5,\nb,x,4.5,csat\nc,x,10 - Extremely likely,\n',
    );
    expect(skipped.map((s) => [s.line, s.detail])).toEqual([
      [2, 'score "7.5" is not a whole number: the nps scale takes whole numbers from 0 to 10'],
      [3, 'score "4.5" is not a whole number: the csat scale takes whole numbers from 1 to 5'],
    ]);
    expect(messages).toEqual([{ id: 'c', text: 'x', score: 10 }]);
  });
});

describe('finding 6 (send side): streaming', () => {
  it('yields the first rows before the rest of a large input has been read', async () => {
    let produced = 0;
    const total = 2_000;
    const source = Readable.from(
      (function* () {
        yield 'id,text,score\n';
        for (let i = 0; i < total; i++) {
          produced++;
          yield `r${i},${'comment '.repeat(20)}${i},${i % 11}\n`;
        }
      })(),
    );
    const records = readFeedbackRecords(source, { format: 'csv' });
    const first = await records.next();
    expect(first.value).toMatchObject({ line: 2, message: { id: 'r0' } });
    expect(produced).toBeLessThan(total / 2);
    let count = 1;
    for await (const _ of records) count++;
    expect(count).toBe(total);
  });
});

describe('presets: survey tools CSV exports', () => {
  it('reads a Qualtrics export: 3 header rows, ResponseId, RecordedDate, the NPS and why questions', async () => {
    const { messages, skipped, start } = await read(qualtricsExport(sampleRows), { preset: 'qualtrics' });
    expect(skipped).toEqual([]);
    expect(messages[0]).toEqual({
      id: 'R_0abcDEF',
      text: sampleRows[0]?.comment,
      score: 0,
      submittedAt: '2026-11-04T05:00:13Z',
      channel: 'email',
      customerId: 'CUST-0',
      locale: 'EN',
    });
    expect(start?.plan?.ignored).toContain('"RecipientEmail"');
    expect(messages.map((m) => m.score)).toEqual([0, 10, 7]);
  });

  it('reads a SurveyMonkey export: 2 header rows, labelled answers, US dates with AM/PM', async () => {
    const map = parseColumnMap(['team=Which team helped you? / Billing']);
    const { messages, skipped } = await read(surveyMonkeyExport(sampleRows), { preset: 'surveymonkey', map });
    expect(skipped).toEqual([]);
    expect(messages).toEqual([
      { id: '114239876500', text: sampleRows[0]?.comment, score: 0, submittedAt: '2026-11-04T17:30:12Z' },
      {
        id: '114239876501',
        text: sampleRows[1]?.comment,
        score: 10,
        submittedAt: '2026-11-04T17:30:12Z',
        segment: { team: 'Billing' },
      },
      { id: '114239876502', text: sampleRows[2]?.comment, score: 7, submittedAt: '2026-11-04T17:30:12Z' },
    ]);
  });

  it('reads a Typeform export: "#" token, question titles, Submit Date (UTC)', async () => {
    const { messages } = await read(typeformExport(sampleRows), { preset: 'typeform' });
    expect(messages[1]).toEqual({
      id: 'tok1x9',
      text: sampleRows[1]?.comment,
      score: 10,
      submittedAt: '2026-11-04T05:30:12Z',
    });
  });

  it('reads a Medallia-style export: Survey ID, Response Date, Likelihood to Recommend, LTR Comment, Unit', async () => {
    const { messages } = await read(medalliaExport(sampleRows), { preset: 'medallia' });
    expect(messages[2]).toEqual({
      id: '900002',
      text: sampleRows[2]?.comment,
      score: 7,
      submittedAt: '2026-11-04',
      segment: { department: 'Store 12', region: 'North' },
    });
  });

  it('gives every preset export messages the schema accepts', async () => {
    for (const [preset, build] of [
      ['qualtrics', qualtricsExport],
      ['surveymonkey', surveyMonkeyExport],
      ['typeform', typeformExport],
      ['medallia', medalliaExport],
    ] as const) {
      const { messages } = await read(build(sampleRows), { preset });
      expect(messages.map((m) => feedbackMessageSchema.safeParse(m).success)).toEqual([true, true, true]);
    }
  });
});
