import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of closeloop's own package.json. The CLI runs from source (tests, tsx) and from the bundle in
 * `dist/cli/`, whose chunks sit at other depths than the source files, so paths to shipped files (package.json,
 * samples) are found by walking up to the package root instead of counting `../`.
 */
function findPackageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file shipped with closeloop, by its path from the package root (e.g. `samples/feedback.jsonl`). */
export function packageFile(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
