import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli-in-process.js';

// The threaded path itself (the same bytes as one thread, in order, the taxonomy in the threads) is
// tested in test/integration/analyze-threads.test.ts: from source, each thread compiles the analysis first.
describe('closeloop analyze --jobs', () => {
  it.each([
    ['0'],
    ['-1'],
    ['1.5'],
    ['65'],
    ['many'],
    [''],
    ['1e1'],
    ['２'],
    ['0x10'],
    [' 2'],
    ['9'.repeat(400)],
  ])('refuses --jobs %j with exit 2 and says why', async (jobs) => {
    const { code, stderr } = await runCli(['analyze', `--jobs=${jobs}`, '-'], '{"id":"a","text":"ok"}\n');
    expect(code).toBe(2);
    expect(stderr).toContain('closeloop: --jobs must be a whole number from 1 to 64');
  });

  it('names --jobs and its default in --help', async () => {
    const { stdout } = await runCli(['analyze', '--help']);
    expect(stdout.join('\n')).toMatch(
      /--jobs N +worker threads analysing at once, 1-64 \(default: the number of CPU cores/,
    );
  });
});
