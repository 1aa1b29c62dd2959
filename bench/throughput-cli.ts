/**
 * The whole `closeloop analyze FILE > out.jsonl` command as a user runs it: a fresh process of the
 * compiled CLI (bin/closeloop.js -> dist/cli; build first), process start, reading, analysis on the
 * worker threads and writing included, timed on the wall clock.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** As many comments as issue 17 measured the command on: the development texts, cycled, each with its own id. */
export const CLI_COMMENTS = 62_644;

const bin = join(import.meta.dirname, '..', 'bin', 'closeloop.js');

function runOnce(args: string[], outPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = openSync(outPath, 'w');
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      closeSync(out);
      if (code !== 0) reject(new Error(`closeloop ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      else resolve(ms);
    });
  });
}

export interface CliRate {
  label: string;
  /** Median comments/s over the runs, wall clock. */
  rate: number;
  /** Median seconds per run. */
  seconds: number;
}

/**
 * Comments/s of `closeloop analyze` on a JSONL file of CLI_COMMENTS comments, for each set of extra
 * arguments, the variants taking turns run by run (neighbouring runs see much the same machine).
 */
export async function measureCliThroughput(
  texts: readonly string[],
  variants: Array<{ label: string; args: string[] }>,
  runs: number,
): Promise<CliRate[]> {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-bench-cli-'));
  try {
    const input = join(dir, 'comments.jsonl');
    const lines = Array.from({ length: CLI_COMMENTS }, (_, i) =>
      JSON.stringify({ id: `bench-${i}`, text: texts[i % texts.length] }),
    );
    writeFileSync(input, `${lines.join('\n')}\n`);
    const times = variants.map(() => [] as number[]);
    for (let run = 0; run < runs; run++) {
      for (const [i, variant] of variants.entries()) {
        times[i]?.push(await runOnce(['analyze', ...variant.args, input], join(dir, 'out.jsonl')));
      }
    }
    return variants.map((variant, i) => {
      const sorted = [...(times[i] ?? [])].sort((a, b) => a - b);
      const ms = sorted[Math.floor(sorted.length / 2)] as number;
      return { label: variant.label, rate: CLI_COMMENTS / (ms / 1000), seconds: ms / 1000 };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
