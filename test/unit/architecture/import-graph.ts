import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import of one source file: the file it names (repository-relative) and whether it is `import type`. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

// `import ... from '...'`, `export ... from '...'`, `import '...'` and `import('...')`; the scanner reads
// source text, not a syntax tree, which is enough for code formatted by Biome (no `from` inside strings
// on import lines).
const STATIC_IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every `.ts`/`.tsx` file under `dir` (repository-relative paths), skipping generated and vendored folders. */
export function sourceFiles(root: string, dir: string): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'cdk.out'].includes(entry.name)) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(relative(root, child));
    }
  };
  if (existsSync(join(root, dir))) walk(join(root, dir));
  return files.sort();
}

/** The relative imports of one file's text, resolved to repository-relative `.ts`/`.tsx` paths. */
export function importsOf(root: string, file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('.')) return; // packages are not layers
    const target = resolve(root, dirname(file), specifier);
    const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target];
    const found = candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
    edges.push({ from: file, to: relative(root, found as string), typeOnly });
  };
  for (const match of text.matchAll(STATIC_IMPORT)) add(match[3] as string, match[2] !== undefined);
  for (const match of text.matchAll(DYNAMIC_IMPORT)) add(match[1] as string, false);
  return edges;
}

/** Every relative import of every source file under `dirs`. */
export function readImportGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  return dirs
    .flatMap((dir) => sourceFiles(root, dir))
    .flatMap((file) => importsOf(root, file, readFileSync(join(root, file), 'utf8')));
}
