import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  csvRowToMessage,
  type FeedbackLine,
  formatFromPath,
  readFeedbackLines,
} from '../../../lib/cli/read-feedback-lines.js';

async function collect(text: string, format: 'jsonl' | 'csv'): Promise<FeedbackLine[]> {
  const lines: FeedbackLine[] = [];
  for await (const line of readFeedbackLines(Readable.from([text]), format)) lines.push(line);
  return lines;
}

describe('readFeedbackLines', () => {
  it('reads JSON lines with their line numbers, skipping blank lines and reporting bad JSON', async () => {
    const lines = await collect('{"id":"a","text":"x"}\n\n{not json}\n{"id":"b","text":"y"}\r\n', 'jsonl');
    expect(lines).toEqual([
      { line: 1, value: { id: 'a', text: 'x' } },
      { line: 3, error: expect.stringContaining('invalid JSON') },
      { line: 4, value: { id: 'b', text: 'y' } },
    ]);
  });

  it('reads CSV rows into messages, with quoted commas and new lines', async () => {
    const csv = 'id,text,score,scale,department\nr1,"Slow, very slow",3,nps,Billing\n,"Two\nlines",,,\n';
    const lines = await collect(csv, 'csv');
    expect(lines[0]).toEqual({
      line: 2,
      value: {
        id: 'r1',
        text: 'Slow, very slow',
        score: 3,
        scale: 'nps',
        segment: { department: 'Billing' },
      },
    });
    expect(lines[1]).toEqual({ line: 4, value: { id: 'line-4', text: 'Two\nlines' } });
  });

  it('reports a CSV without a text column', async () => {
    const lines = await collect('id,comment\n1,hello\n', 'csv');
    expect(lines).toEqual([{ line: 2, error: 'CSV has no "text" column' }]);
  });

  it('keeps a non-numeric score as text so validation can name it', () => {
    expect(csvRowToMessage({ text: 'x', score: 'ten' }, 5)).toEqual({
      id: 'line-5',
      text: 'x',
      score: 'ten',
    });
  });

  it('chooses the format from the file name', () => {
    expect(formatFromPath('a/b.CSV')).toBe('csv');
    expect(formatFromPath('a.jsonl')).toBe('jsonl');
    expect(formatFromPath(undefined)).toBe('jsonl');
  });
});
