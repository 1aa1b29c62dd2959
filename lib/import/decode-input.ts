import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';

/** The text encodings survey exports come in: Excel's "Unicode text" is UTF-16 LE with a BOM. */
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Picks the encoding from the first bytes of a file: a byte-order mark when there is one; else
 * UTF-16 when every other byte of the start is zero (UTF-16 text of mostly ASCII characters, saved
 * without a BOM); else UTF-8.
 */
export function detectEncoding(head: Uint8Array): InputEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 4) {
    const pairs = Math.floor(Math.min(head.length, 64) / 2);
    let zeroHigh = 0;
    let zeroLow = 0;
    for (let i = 0; i < pairs; i++) {
      if (head[2 * i] === 0) zeroLow++;
      if (head[2 * i + 1] === 0) zeroHigh++;
    }
    if (zeroHigh === pairs && zeroLow === 0) return 'utf-16le';
    if (zeroLow === pairs && zeroHigh === 0) return 'utf-16be';
  }
  return 'utf-8';
}

/** Enough bytes to recognise a BOM or a UTF-16 pattern. */
const SNIFF_BYTES = 64;

/**
 * Decodes a byte stream as text, chunk by chunk (never the whole input at once), in the encoding
 * its first bytes announce; the byte-order mark is dropped. `onEncoding` hears the choice once.
 */
export async function* decodeInput(
  input: Readable,
  onEncoding?: (encoding: InputEncoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  for await (const chunk of input) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    if (!decoder) {
      head = Buffer.concat([head, bytes]);
      if (head.length < SNIFF_BYTES) continue;
      decoder = startDecoder(head, onEncoding);
      bytes = head;
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  if (!decoder) {
    // A file shorter than the sniffing window: decode what there is in one go.
    decoder = startDecoder(head, onEncoding);
    const text = decoder.decode(head, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function startDecoder(head: Uint8Array, onEncoding?: (encoding: InputEncoding) => void): TextDecoder {
  const encoding = detectEncoding(head);
  onEncoding?.(encoding);
  // ignoreBOM false (the default) drops the byte-order mark, so it never reaches a header name.
  return new TextDecoder(encoding);
}
