/**
 * Writes lib/analysis/themes/taxonomy/cx-taxonomy.compiled.json: the built-in taxonomy
 * (`cx-taxonomy.json`) validated and compiled, every word already its stem, so that a cold start reads it
 * instead of compiling it; packed (`packed-data.ts`), as every Lambda bundle carries it. Run by
 * `npm run build:tables` after changing the taxonomy; `test/unit/analysis/themes/compiled-taxonomy.test.ts`
 * fails until it is run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packJson } from '../lib/analysis/packed-data.js';
import { writeCompiledTaxonomy } from '../lib/analysis/themes/compiled-taxonomy.js';
import { loadTaxonomy } from '../lib/analysis/themes/theme-taxonomy.js';

const source = fileURLToPath(new URL('../lib/analysis/themes/taxonomy/cx-taxonomy.json', import.meta.url));
const target = fileURLToPath(
  new URL('../lib/analysis/themes/taxonomy/cx-taxonomy.compiled.json', import.meta.url),
);
const compiled = loadTaxonomy(JSON.parse(readFileSync(source, 'utf8')), {
  name: '',
  version: '',
  themes: [],
});
writeFileSync(target, `${JSON.stringify(packJson(writeCompiledTaxonomy(compiled)))}\n`);
console.log(`wrote ${target}: ${compiled.themes.length} themes`);
