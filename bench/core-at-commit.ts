import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';

const root = resolve(import.meta.dirname, '..');

/**
 * `analyzeFeedback` as it was at git commit `ref` (its lib/ taken from git, this checkout's
 * node_modules), bundled in a temporary directory and imported: speed benches time it beside the
 * working tree's core in the same process and rounds.
 */
export function importCoreAtCommit(ref: string): Promise<typeof analyzeFeedback> {
  return importBundledCore(ref);
}

/**
 * The working tree's `analyzeFeedback`, bundled the same way: timing it through tsx beside a bundled
 * baseline would credit the bundler's inlining to the change (about 2%).
 */
export function importWorkingTreeCore(): Promise<typeof analyzeFeedback> {
  return importBundledCore(undefined);
}

/** The core at `ref` (the working tree when undefined), bundled in a temporary directory and imported. */
async function importBundledCore(ref: string | undefined): Promise<typeof analyzeFeedback> {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-core-at-'));
  try {
    return await bundleAndImport(ref, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bundleAndImport(ref: string | undefined, dir: string): Promise<typeof analyzeFeedback> {
  const outfile = await bundleCore(ref, dir);
  const core = (await import(pathToFileURL(outfile).href)) as { analyzeFeedback: typeof analyzeFeedback };
  return core.analyzeFeedback;
}

/**
 * Bundles `analyzeFeedback` as it is at `ref` (the working tree when undefined) into `dir`, with the
 * module `entry` (default: the core's export alone) as its entry, and returns the bundle's path.
 */
export async function bundleCore(
  ref: string | undefined,
  dir: string,
  entry = "export { analyzeFeedback } from './lib/analysis/analyze-feedback.js';",
  minify = false,
): Promise<string> {
  let source = root;
  if (ref !== undefined) {
    source = join(dir, 'source');
    mkdirSync(source);
    const archive = execFileSync('git', ['archive', ref, 'lib'], { cwd: root, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', source], { input: archive });
    symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  }
  const outfile = join(dir, 'core.mjs');
  await build({
    stdin: { contents: entry, resolveDir: source, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    minify,
    logLevel: 'error',
  });
  return outfile;
}
