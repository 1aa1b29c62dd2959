import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'closeloop.js');
const dir = mkdtempSync(join(tmpdir(), 'closeloop-cli-'));

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  const stdout = result.stdout.split('\n').filter(Boolean);
  return {
    code: result.status,
    stdout,
    analyses: stdout.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)),
    stderr: result.stderr,
  };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('closeloop analyze (end to end)', () => {
  it('analyses a JSONL file, reports bad lines with their numbers and exits 1', () => {
    const path = file(
      'mixed.jsonl',
      [
        '{"id":"a","text":"On hold for 45 minutes, third time I have called","score":2}',
        '{"id":"b","text":"Quick and easy","score":10}',
        '{oops',
        '{"id":"c","text":"fine","score":11}',
      ].join('\n'),
    );
    const { code, analyses, stderr } = run(['analyze', path]);
    expect(code).toBe(1);
    expect(analyses.map((a) => a.id)).toEqual(['a', 'b']);
    expect(analyses[0].followUp.required).toBe(true);
    expect(analyses[0].signals.waitMinutes).toBe(45);
    expect(stderr).toContain('line 3: invalid JSON');
    expect(stderr).toContain('line 4: score: score must be between 0 and 10 on the nps scale');
    expect(stderr).toContain('4 lines read, 2 analysed, 2 failed');
    expect(stderr).toContain('NPS 0.00 from 2 responses (1 promoters, 0 passives, 1 detractors)');
  });

  it('analyses CSV and exits 0 when every line is valid', () => {
    const path = file(
      'ok.csv',
      'id,text,score,department\nx1,"Engineer didn\'t turn up",0,Field\nx2,Lovely staff,9,Shop\n',
    );
    const { code, analyses, stderr } = run(['analyze', path]);
    expect(code).toBe(0);
    expect(analyses.map((a) => [a.id, a.nps.category])).toEqual([
      ['x1', 'detractor'],
      ['x2', 'promoter'],
    ]);
    expect(stderr).toContain('Follow-ups required: 1');
  });

  it('reads standard input with "-"', () => {
    const { code, analyses } = run(['analyze', '-'], '{"id":"s1","text":"Nobody called me back"}\n');
    expect(code).toBe(0);
    expect(analyses[0].id).toBe('s1');
    expect(analyses[0].sentiment.label).toBe('negative');
  });

  it('applies a custom taxonomy file', () => {
    const taxonomy = file(
      'tax.json',
      JSON.stringify({
        name: 't',
        version: '1',
        themes: [{ id: 'noise', label: 'Noise', group: 'place', cues: ['loud'] }],
      }),
    );
    const { analyses } = run(['analyze', '--taxonomy', taxonomy, '-'], '{"id":"n","text":"Far too loud"}\n');
    expect(analyses[0].themes.map((t: { id: string }) => t.id)).toEqual(['noise']);
  });

  it.each([
    [['analyze', '--nope']],
    [['analyze', join(dir, 'missing.jsonl')]],
    [['analyze', '--format', 'xml', '-']],
    [['frobnicate']],
    [['analyze', '--taxonomy', join(dir, 'missing.json'), '-']],
  ])('exits 2 with a clear message for %j', (args) => {
    const { code, stderr } = run(args, '');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^closeloop: .+/);
  });

  it('prints help and version', () => {
    expect(run(['--help']).stdout.join('\n')).toContain('closeloop analyze');
    expect(run(['--version']).stdout[0]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
