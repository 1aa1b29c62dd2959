import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

// The analysis's largest tables are generated files that every Lambda bundle carries, and the ingest
// function had 6 KB left of its 1 MB. Brotli-compressed and written in base64, a table of words takes
// about a third of the bytes it took as JSON; Node's own zlib (already in every bundle for the AWS SDK)
// unpacks one in about as long as a cold start took to read it as an object literal.

/** A generated table as its file holds it: the JSON text brotli-compressed, in base64. */
export interface PackedJson {
  brotli: string;
}

/** The bytes brotli-compressed at its densest setting, in base64. */
export function packBytes(bytes: Uint8Array): string {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).toString('base64');
}

/** The bytes {@link packBytes} packed. */
export function unpackBytes(packed: string): Buffer {
  return brotliDecompressSync(Buffer.from(packed, 'base64'));
}

export function packJson(value: unknown): PackedJson {
  return { brotli: packBytes(Buffer.from(JSON.stringify(value), 'utf8')) };
}

/** The value {@link packJson} packed; the caller names its type, as for a JSON import. */
export function unpackJson(packed: PackedJson): unknown {
  return JSON.parse(unpackBytes(packed.brotli).toString('utf8'));
}
