/**
 * How long a person waits for the `closeloop` command itself: wall-clock time of fresh processes running
 * `closeloop --help`, `--version` and `analyze --help` from the compiled CLI in dist/ (run `npm run build`
 * first; `npm run bench:cli` does). Target: `--help` in 300 ms or less.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const RUNS = 11;
const bin = join(import.meta.dirname, '..', 'bin', 'closeloop.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

for (const args of [['--help'], ['--version'], ['analyze', '--help']]) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`closeloop ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    times.push(performance.now() - started);
  }
  const label = `closeloop ${args.join(' ')}`.padEnd(26);
  console.log(
    `${label} median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms (${RUNS} runs)`,
  );
}
