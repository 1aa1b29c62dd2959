import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../../support/run-cli-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'closeloop-cli-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('closeloop analyze', () => {
  it('analyses a JSONL file, reports bad lines with their numbers and exits 1', async () => {
    const path = file(
      'mixed.jsonl',
      [
        '{"id":"a","text":"On hold for 45 minutes, third time I have called","score":2}',
        '{"id":"b","text":"Quick and easy","score":10}',
        '{oops',
        '{"id":"c","text":"fine","score":11}',
      ].join('\n'),
    );
    const { code, analyses, stderr } = await run(['analyze', path]);
    expect(code).toBe(1);
    expect(analyses.map((a) => a.id)).toEqual(['a', 'b']);
    expect(analyses[0].followUp.required).toBe(true);
    expect(analyses[0].signals.waitMinutes).toBe(45);
    expect(stderr).toContain('line 3: invalid JSON');
    expect(stderr).toContain('line 4: score: score must be between 0 and 10 on the nps scale');
    expect(stderr).toContain('4 lines read, 2 analysed, 2 failed');
    expect(stderr).toContain('NPS 0.00 from 2 responses (1 promoters, 0 passives, 1 detractors)');
  });

  it('analyses CSV and exits 0 when every line is valid', async () => {
    const path = file(
      'ok.csv',
      'id,text,score,department\nx1,"Engineer didn\'t turn up",0,Field\nx2,Lovely staff,9,Shop\n',
    );
    const { code, analyses, stderr } = await run(['analyze', path]);
    expect(code).toBe(0);
    expect(analyses.map((a) => [a.id, a.nps.category])).toEqual([
      ['x1', 'detractor'],
      ['x2', 'promoter'],
    ]);
    expect(stderr).toContain('Follow-ups required: 1');
  });

  it('finding 2: reads a UTF-16 tab-separated Excel export with NPS, Comment, Response ID columns', async () => {
    const text =
      'Response ID\tNPS\tComment\tDate\tAgent\tEmail\r\nR1\t2\tOn hold for 45 minutes\t2026-11-04 05:30\tAnn\tx@y.z\r\n';
    const path = file('excel-unicode.txt', '');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { code, analyses, stderr } = await run(['analyze', path]);
    expect(code, stderr).toBe(0);
    expect(analyses).toMatchObject([
      { id: 'R1', nps: { category: 'detractor' }, signals: { waitMinutes: 45 } },
    ]);
    expect(stderr).toContain('reading CSV (utf-16le, tab-separated): id <- "Response ID", score <- "NPS"');
    expect(stderr).toContain('ignored: "Email"');
  });

  it('finding 3: analyses every line around a broken one, names it and exits 1', async () => {
    const path = file(
      'broken.csv',
      'id;text;score\nr1;"Slow; very slow";3\nr2;"never closed;5\nr3;Lovely staff;10\nr4;Meh;7.5\n',
    );
    const { code, analyses, stderr } = await run(['analyze', path]);
    expect(code).toBe(1);
    expect(analyses.map((a) => a.id)).toEqual(['r1', 'r3']);
    expect(stderr).toMatch(/^line 3: a quote opened on this line/m);
    expect(stderr).toContain(
      'line 5: score "7.5" is not a whole number: the nps scale takes whole numbers from 0 to 10',
    );
    expect(stderr).toContain('4 lines read, 2 analysed, 2 failed');
  });

  it('names the columns and input options in --help', async () => {
    const help = (await run(['analyze', '--help'])).stdout.join('\n');
    for (const words of [
      'likelihood to recommend',
      '--preset',
      '--map',
      '--date-format',
      '--delimiter',
      '--strict',
    ]) {
      expect(help).toContain(words);
    }
  });

  it.each([
    [['--preset', 'google-forms'], /unknown preset: use qualtrics, surveymonkey, typeform, medallia/],
    [['--date-format', 'ymd'], /unknown --date-format: use dmy or mdy/],
    [['--delimiter', 'pipe'], /unknown delimiter "pipe": use comma, semicolon or tab/],
    [['--map', 'colour=Q1'], /--map: unknown field "colour"/],
    [['--map', 'text'], /--map "text": write FIELD=COLUMN/],
    [['--map', 'text="Q2'], /a quote is not closed/],
    [['--format', 'jsonl', '--preset', 'qualtrics'], /are for CSV input/],
  ])('refuses %j with exit 2 and says why', async (args, message) => {
    const { code, stderr } = await run(['analyze', ...args, '-']);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('reads standard input with "-"', async () => {
    const { code, analyses } = await run(['analyze', '-'], '{"id":"s1","text":"Nobody called me back"}\n');
    expect(code).toBe(0);
    expect(analyses[0].id).toBe('s1');
    expect(analyses[0].sentiment.label).toBe('negative');
  });

  it('applies a custom taxonomy file, also one saved with a byte-order mark (Windows Notepad)', async () => {
    const taxonomy = file(
      'tax.json',
      `\ufeff${JSON.stringify({
        name: 't',
        version: '1',
        themes: [{ id: 'noise', label: 'Noise', group: 'place', cues: ['loud'] }],
      })}`,
    );
    const { analyses } = await run(
      ['analyze', '--taxonomy', taxonomy, '-'],
      '{"id":"n","text":"Far too loud"}\n',
    );
    expect(analyses[0].themes.map((t: { id: string }) => t.id)).toEqual(['noise']);
  });

  it("applies a taxonomy's own word lists and the built-in ones, and names a list it does not know", async () => {
    const taxonomy = (near: string) =>
      file(
        'lists.json',
        JSON.stringify({
          name: 't',
          version: '1',
          wordLists: { NEIGHBOURS: 'neighbour*|flatmate' },
          themes: [{ id: 'noise', label: 'Noise', group: 'place', cues: [{ pattern: 'loud', near }] }],
        }),
      );
    const input = '{"id":"a","text":"my flatmate is loud"}\n{"id":"b","text":"the barber was loud"}\n';
    const own = await run(['analyze', '--taxonomy', taxonomy('NEIGHBOURS'), '-'], input);
    expect(own.analyses.map((a: { themes: unknown[] }) => a.themes.length)).toEqual([1, 0]);
    const builtIn = await run(['analyze', '--taxonomy', taxonomy('STAFF'), '-'], input);
    expect(builtIn.analyses.map((a: { themes: unknown[] }) => a.themes.length)).toEqual([0, 1]);
    const typo = await run(['analyze', '--taxonomy', taxonomy('NEIGHBORS'), '-'], input);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/NEIGHBORS is no word list/);
  });

  it('lists the first 20 ignored columns of a wide export and counts the rest, in one short line', async () => {
    const extra = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const path = file('wide.csv', `id,text,${extra.join(',')}\nr1,slow,${extra.map(() => 'x').join(',')}\n`);
    const { code, stderr } = await run(['analyze', path]);
    expect(code).toBe(0);
    const ignored = stderr.split('\n').find((line) => line.startsWith('ignored: ')) ?? '';
    expect(ignored).toMatch(/^ignored: "c0", "c1", .*"c19" and 99,980 more$/);
    expect(ignored.length).toBeLessThan(300);
  });

  it('says an input path that is a folder is a folder, rather than crashing with EISDIR', async () => {
    const { code, stderr } = await run(['analyze', dir], '');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^closeloop: input file .+ is a folder/);
  });

  it('says a taxonomy path that is a folder cannot be read, not that it is invalid JSON', async () => {
    const { code, stderr } = await run(['analyze', '--taxonomy', dir, '-'], '');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^closeloop: taxonomy file .+ cannot be read: it is a folder/);
  });

  it.each([
    [['analyze', '--nope']],
    [['analyze', join(dir, 'missing.jsonl')]],
    [['analyze', '--format', 'xml', '-']],
    [['frobnicate']],
    [['analyze', '--taxonomy', join(dir, 'missing.json'), '-']],
  ])('exits 2 with a clear message for %j', async (args) => {
    const { code, stderr } = await run(args, '');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^closeloop: .+/);
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).stdout.join('\n')).toContain('closeloop analyze');
    expect((await run(['--version'])).stdout[0]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
