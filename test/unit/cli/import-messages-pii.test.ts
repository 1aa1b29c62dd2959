import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../../../lib/feedback/json-error.js';
import { leakedForms, PII_CORPUS } from '../../support/pii-corpus.js';
import { runCli } from '../../support/run-cli-in-process.js';

/**
 * What `closeloop analyze` (and `send`, which reads files the same way) prints about a file whose bad
 * lines, cells and header names hold personal data: the line numbers and reasons, never the values.
 */
const dir = mkdtempSync(join(tmpdir(), 'closeloop-import-pii-'));
const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('import messages about lines that hold personal data', () => {
  it('JSONL: unknown keys, broken JSON and wrong types are reported without the values', async () => {
    // A raw line cannot hold a line break: a form wrapped across lines is written on one here.
    const lines = PII_CORPUS.map(({ form }) => form.replace(/\r?\n/g, ' ')).flatMap((form, i) => [
      JSON.stringify({ id: `k${i}`, text: 'fine', score: 3, [form]: true }),
      JSON.stringify({ id: `s${i}`, text: 'fine', segment: { [form]: 'x' } }),
      `${form} wrote this line`,
      `{"id":"j${i}","text":"x" ${form}}`,
    ]);
    const { code, stderr } = await runCli(['analyze', file('bad.jsonl', lines.join('\n'))]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${lines.length} lines read, 0 analysed, ${lines.length} failed`);
    expect(stderr).toContain('Unrecognized key');
    expect(leakedForms(stderr).map((f) => f.name)).toEqual([]);
  });

  it('JSONL: a line that starts with an e-mail address leaves no fragment of it in the error', async () => {
    const { stderr } = await runCli(['analyze', file('start.jsonl', 'john.doe@example.com called\n')]);
    expect(stderr).toContain("line 1: invalid JSON: Unexpected token 'j'");
    expect(stderr).not.toContain('john.doe');
  });

  it('CSV: header names, score and date cells are reported without the values', async () => {
    const forms = PII_CORPUS.map(({ form }) => form);
    const header = ['id', 'score', 'text', 'date', ...forms].map(csvCell).join(',');
    const rows = forms.map((form, i) =>
      [`r${i}`, i % 2 ? form : '3', 'Awful', i % 2 ? '2026-01-01' : form, ...forms.map(() => 'x')]
        .map(csvCell)
        .join(','),
    );
    const { stderr } = await runCli(['analyze', file('bad.csv', [header, ...rows].join('\n'))]);
    expect(stderr).toContain('ignored: ');
    // Line numbers count physical lines: header cells wrapped across lines move them.
    expect(stderr).toMatch(/line \d+: submittedAt "\[CARD\]" is not/);
    // A solid card number in the score column parses as a number: the schema's range error quotes it.
    expect(stderr).toMatch(
      /line \d+: score: score must be between 0 and 10 on the nps scale \(got \[CARD\]\)/,
    );
    expect(stderr).toMatch(/line \d+: score "\[CARD\]" is not a number/);
    expect(leakedForms(stderr).map((f) => f.name)).toEqual([]);
  });

  it('CSV: a --map naming a missing column lists the header without the personal data in it', async () => {
    const path = file('map.csv', 'Comment,jane.doe@example.com\nAwful,x\n');
    const { code, stderr } = await runCli(['analyze', '--map', 'text=Feedback', path]);
    expect(code).not.toBe(0);
    expect(stderr).toContain('"Comment", "[EMAIL]"');
    expect(stderr).not.toContain('jane.doe');
  });
});

describe('describeJsonError', () => {
  it.each([
    ['john.doe@example.com', "Unexpected token 'j'"],
    ['undefined', 'not valid JSON'],
    ['{"a":1', "Expected ',' or '}' after property value in JSON at position 6"],
  ])('%s -> %s', (input, expected) => {
    let error: unknown;
    try {
      JSON.parse(input);
    } catch (caught) {
      error = caught;
    }
    expect(describeJsonError(error)).toBe(expected);
  });
});
