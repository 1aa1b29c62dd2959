/**
 * The whole `closeloop analyze FILE > out.jsonl` command as a user runs it: a fresh process of the
 * compiled CLI (bin/closeloop.js -> dist/cli; build first), process start, reading, analysis on the
 * worker threads and writing included, timed on the wall clock.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** As many comments as issue 17 measured the command on: the development texts, cycled, each with its own id. */
export const CLI_COMMENTS = 62_644;

const bin = join(import.meta.dirname, '..', 'bin', 'closeloop.js');

// Loaded into the command's process before the CLI (node --import): at exit it writes the CPU time of
// the whole process, every thread included, to the file CLOSELOOP_BENCH_CPU_FILE names.
const cpuProbe = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.CLOSELOOP_BENCH_CPU_FILE, String((u.user + u.system) / 1e6)); });",
)}`;

interface Run {
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU seconds of the process, all its threads. */
  cpu: number;
}

function runOnce(args: string[], outPath: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const out = openSync(outPath, 'w');
    const cpuFile = `${outPath}.cpu`;
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', cpuProbe, bin, ...args], {
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, CLOSELOOP_BENCH_CPU_FILE: cpuFile },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      closeSync(out);
      if (code !== 0) reject(new Error(`closeloop ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ ms, cpu: Number(readFileSync(cpuFile, 'utf8')) });
    });
  });
}

export interface CliRate {
  label: string;
  /** Median comments/s over the runs, wall clock. */
  rate: number;
  /** Median seconds per run. */
  seconds: number;
  /** Median CPU seconds per run (all threads): what the command costs, whatever else runs beside it. */
  cpuSeconds: number;
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
    const cpus = variants.map(() => [] as number[]);
    for (let run = 0; run < runs; run++) {
      for (const [i, variant] of variants.entries()) {
        const run = await runOnce(['analyze', ...variant.args, input], join(dir, 'out.jsonl'));
        times[i]?.push(run.ms);
        cpus[i]?.push(run.cpu);
      }
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    return variants.map((variant, i) => {
      const ms = median(times[i] ?? []);
      return {
        label: variant.label,
        rate: CLI_COMMENTS / (ms / 1000),
        seconds: ms / 1000,
        cpuSeconds: median(cpus[i] ?? []),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
