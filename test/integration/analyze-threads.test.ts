import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli-in-process.js';

const texts = [
  'On hold for 45 minutes, third time I have called',
  'Lovely staff, sorted in minutes',
  'Engineer never turned up and nobody called me back',
  'The bill doubled without warning, I am leaving',
  'Far too loud in the shop',
];

/** 1,234 lines (three batches of the command), with bad lines in the first, second and last batch. */
function mixedInput(): { input: string; bad: Map<number, string> } {
  const bad = new Map([
    [7, '{oops'],
    [501, '{"id":"b-501","text":"fine","score":11}'],
    [1002, '{"id":"b-1002"}'],
  ]);
  const lines = Array.from({ length: 1234 }, (_, i) => {
    const line = i + 1;
    return (
      bad.get(line) ?? JSON.stringify({ id: `c-${line}`, text: texts[line % texts.length], score: line % 11 })
    );
  });
  return { input: `${lines.join('\n')}\n`, bad };
}

function taxonomyFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'closeloop-jobs-')), 'tax.json');
  writeFileSync(
    path,
    JSON.stringify({
      name: 't',
      version: '1',
      themes: [{ id: 'noise', label: 'Noise', group: 'place', cues: ['loud'] }],
    }),
  );
  return path;
}

describe('closeloop analyze on worker threads', () => {
  it('prints the same bytes with worker threads as in one thread, in input order, with the taxonomy given', async () => {
    const { input, bad } = mixedInput();
    const args = ['--explain', '--taxonomy', taxonomyFile(), '-'];
    const single = await runCli(['analyze', '--jobs', '1', ...args], input);
    const parallel = await runCli(['analyze', '--jobs', '2', ...args], input);
    expect(parallel.code).toBe(1);
    expect(parallel.stdout).toEqual(single.stdout);
    expect(parallel.stderr).toEqual(single.stderr);
    const ids = parallel.analyses.map((analysis) => analysis.id);
    expect(new Set(ids).size).toBe(1234 - bad.size);
    expect(ids).toEqual(
      Array.from({ length: 1234 }, (_, i) => i + 1)
        .filter((line) => !bad.has(line))
        .map((line) => `c-${line}`),
    );
    // The threads read the taxonomy file's themes, not only the built-in ones.
    const noisy = parallel.analyses
      .filter((analysis) => analysis.themes.some((theme: { id: string }) => theme.id === 'noise'))
      .map((analysis) => Number(analysis.id.slice(2)) % texts.length);
    expect(noisy).toEqual(Array(247).fill(4)); // every "Far too loud" line: 4, 9, ... 1234
    expect(parallel.stderr).toMatch(/^line 7: invalid JSON/m);
    expect(parallel.stderr).toMatch(/^line 501: score: score must be between 0 and 10/m);
    expect(parallel.stderr).toMatch(/^line 1002: text: /m);
    expect(parallel.stderr).toContain('1234 lines read, 1231 analysed, 3 failed');
    // Explanations come in input order too.
    const explained = [...parallel.stderr.matchAll(/^c-(\d+): /gm)].map((match) => Number(match[1]));
    expect(explained.length).toBeGreaterThan(100);
    expect(explained).toEqual([...explained].sort((a, b) => a - b));
    // Each thread compiles the analysis from TypeScript through tsx before its first batch: on a loaded
    // 2-core machine (a CPU hog beside the suite) that alone took over 20 s.
  }, 180_000);
});
