import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The compiled CLI as users run it (`npm test` builds dist/ first). Everything else about the
// commands is tested in-process through main() in test/unit/cli.
const bin = join(import.meta.dirname, '..', '..', 'bin', 'closeloop.js');

function run(args: string[], input = '') {
  // 1,500 analyses print about 1 MB, spawnSync's default buffer: past it the child is killed.
  return spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('the closeloop process', () => {
  it('prints help and version and exits 0', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('closeloop analyze');
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('analyses on the compiled worker threads, keeps the input order and exits when done', () => {
    const lines = Array.from({ length: 1500 }, (_, i) =>
      i === 999
        ? '{broken'
        : JSON.stringify({ id: `p-${i + 1}`, text: 'Nobody called me back', score: i % 11 }),
    );
    const result = run(['analyze', '--jobs', '2', '-'], lines.join('\n'));
    expect(result.status, result.stderr).toBe(1);
    const ids = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(Array.from({ length: 1500 }, (_, i) => `p-${i + 1}`).filter((id) => id !== 'p-1000'));
    expect(result.stderr).toMatch(/^line 1000: invalid JSON/m);
    expect(result.stderr).toContain('1500 lines read, 1499 analysed, 1 failed');
  });

  it('exits 2 with a usage message for an unknown command', () => {
    const result = run(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^closeloop: unknown command "frobnicate"/);
  });
});
