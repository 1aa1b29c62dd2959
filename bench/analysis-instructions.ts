/**
 * The analysis core's work in machine instructions per comment, counted by valgrind's callgrind: a
 * figure that, unlike comments per second, does not move with the load of a shared machine. Node runs
 * with `--single-threaded --predictable`, so V8 compiles on the main thread at the same points every
 * run. Each tree is counted after WARM_PASSES over the 1,577 development comments and after those plus
 * `--passes` more; the difference, per comment, is the steady cost, V8's late compiling and garbage
 * collection still in it (a few per cent: two runs of one tree differ by ~1%, so only a larger change
 * shows). Instructions are not time (a cache miss costs many), so a speed claim still needs
 * `bench:throughput`; this tells whether a change does less work at all.
 * Run with `CLOSELOOP_DATA_DIR=/path/to/data npm run bench:instructions [-- --baseline REF --passes N]`
 * (valgrind from Debian's packages; about three minutes a tree). `--cold-start` counts instead what a
 * fresh process spends importing the minified core, as a Lambda handler bundles it, and then analysing
 * its first comment: the import target's figure, free of the load that moves its milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleCore } from './core-at-commit.js';
import { loadMams, loadTelecomNps } from './labelled-data.js';

const { values } = parseArgs({
  options: { baseline: { type: 'string' }, passes: { type: 'string' }, 'cold-start': { type: 'boolean' } },
});
// V8 keeps optimising for the first passes: after 2, compiling was ~40% of what the next 4 counted;
// after 12, ~8% (the core-speed-lookups branch split callgrind's counts by function).
const WARM_PASSES = 12;
const passes = Number(values.passes ?? 6);

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('valgrind is not installed (Debian package valgrind)');
  process.exit(1);
}

// Through JSON, as comments arrive in production (see throughput.ts).
const texts: string[] = JSON.parse(
  JSON.stringify(
    [...loadTelecomNps().map((c) => c.text), ...loadMams('val').map((s) => s.text)].filter(
      (text) => text.trim() !== '',
    ),
  ),
);

const DRIVER = `import { readFileSync } from 'node:fs';
import { analyzeFeedback } from './lib/analysis/analyze-feedback.js';
const texts = JSON.parse(readFileSync(process.env.CLOSELOOP_TEXTS, 'utf8'));
const passes = Number(process.env.CLOSELOOP_PASSES);
for (let pass = 0; pass < passes; pass++) texts.forEach((text, i) => analyzeFeedback({ id: 'c' + i, text }));`;

/** Instructions callgrind counts for the whole process running `bundle` over the texts `runs` times. */
function countInstructions(bundle: string, textsFile: string, runs: number, dir: string): number {
  const out = join(dir, `callgrind-${runs}-${basename(bundle)}.out`);
  const child = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}`,
      process.execPath,
      '--single-threaded',
      '--predictable',
      bundle,
    ],
    { encoding: 'utf8', env: { ...process.env, CLOSELOOP_TEXTS: textsFile, CLOSELOOP_PASSES: String(runs) } },
  );
  const refs = /Collected : (\d+)/.exec(child.stderr)?.[1];
  if (child.status !== 0 || refs === undefined)
    throw new Error(`callgrind failed: ${child.stderr.slice(-500)}`);
  rmSync(out, { force: true });
  return Number(refs);
}

/** Steady instructions per comment of the core at `ref` (the working tree when undefined). */
async function perComment(ref: string | undefined, textsFile: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-instructions-'));
  try {
    const bundle = await bundleCore(ref, dir, DRIVER);
    const warm = countInstructions(bundle, textsFile, WARM_PASSES, dir);
    const more = countInstructions(bundle, textsFile, WARM_PASSES + passes, dir);
    return (more - warm) / (passes * texts.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const COLD_COMMENT = 'I waited on hold for 45 minutes and nobody called me back';

/**
 * Instructions of a fresh process that imports the core (less one that imports nothing), and of its
 * first comment after that, at `ref` (the working tree when undefined).
 */
async function coldStart(ref: string | undefined, textsFile: string) {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-cold-'));
  try {
    await bundleCore(ref, dir, undefined, true);
    const script = (name: string, body: string) => {
      writeFileSync(join(dir, name), body);
      return join(dir, name);
    };
    const nothing = countInstructions(script('nothing.mjs', ''), textsFile, 0, dir);
    const imported = countInstructions(
      script('import.mjs', "await import('./core.mjs');"),
      textsFile,
      0,
      dir,
    );
    const first = countInstructions(
      script(
        'first.mjs',
        `const { analyzeFeedback } = await import('./core.mjs');
analyzeFeedback({ id: 'cold-1', text: ${JSON.stringify(COLD_COMMENT)} });`,
      ),
      textsFile,
      0,
      dir,
    );
    return { importing: imported - nothing, firstComment: first - imported };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function printColdStart(textsFile: string) {
  const millions = (count: number) => `${(count / 1e6).toFixed(0)}M`.padStart(6);
  console.log('Cold start: instructions to import the minified core, then to analyse a first comment');
  const now = await coldStart(undefined, textsFile);
  console.log(
    `  working tree   import ${millions(now.importing)}   first comment ${millions(now.firstComment)}`,
  );
  if (values.baseline !== undefined) {
    const before = await coldStart(values.baseline, textsFile);
    console.log(
      `  at ${values.baseline.padEnd(12)} import ${millions(before.importing)}   first comment ${millions(before.firstComment)}`,
    );
    console.log(
      `  the working tree imports with ${(before.importing / now.importing).toFixed(2)}x less work, and does ` +
        `${((before.importing + before.firstComment) / (now.importing + now.firstComment)).toFixed(2)}x less to its first reading`,
    );
  }
}

async function printSteadyWork(textsFile: string) {
  console.log(
    `Instructions per comment, ${passes} passes over ${texts.length} development comments after ${WARM_PASSES} warm ones`,
  );
  const now = await perComment(undefined, textsFile);
  console.log(`  working tree   ${Math.round(now).toLocaleString('en-GB')} instructions a comment`);
  if (values.baseline !== undefined) {
    const before = await perComment(values.baseline, textsFile);
    console.log(
      `  at ${values.baseline.padEnd(12)} ${Math.round(before).toLocaleString('en-GB')} instructions a comment`,
    );
    console.log(`  the working tree does ${(before / now).toFixed(3)}x less work than ${values.baseline}`);
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'closeloop-texts-'));
try {
  const textsFile = join(workDir, 'texts.json');
  writeFileSync(textsFile, JSON.stringify(texts));
  if (values['cold-start']) await printColdStart(textsFile);
  else await printSteadyWork(textsFile);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
