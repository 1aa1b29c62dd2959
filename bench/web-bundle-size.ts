/**
 * Size of the built web app (`npm run bench:web` builds it first): raw and gzipped bytes per file and
 * the JS total against the 250 KB gzipped budget. Exits 1 over budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 250 * 1024;
const root = join(import.meta.dirname, '..', 'dist', 'web');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let jsGzip = 0;
for (const file of filesUnder(root).filter((f) => !f.endsWith('.map'))) {
  const body = readFileSync(file);
  const gzip = gzipSync(body, { level: 9 }).length;
  if (file.endsWith('.js')) jsGzip += gzip;
  console.log(
    `${file.slice(root.length + 1).padEnd(36)} ${kb(body.length).padStart(10)} ${kb(gzip).padStart(10)} gzip`,
  );
}
console.log(`JS total: ${kb(jsGzip)} gzipped (budget ${kb(BUDGET_GZIP_BYTES)})`);
if (jsGzip > BUDGET_GZIP_BYTES) {
  console.error('over budget');
  process.exitCode = 1;
}
