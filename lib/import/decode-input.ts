import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';

/** The text encodings survey exports come in: Excel's "Unicode text" is UTF-16 LE with a BOM. */
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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
/** ASCII read before the first non-ASCII byte that is held back waiting for it to settle the encoding. */
const DECIDE_BYTES = 64 * 1024;

/**
 * Whether the bytes from `at` (a byte of 0x80 or more) start a well-formed UTF-8 sequence;
 * undefined when the bytes end before that can be told.
 */
function startsUtf8Sequence(bytes: Uint8Array, at: number): boolean | undefined {
  const lead = bytes[at] as number;
  const length =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  if (length === 0) return false;
  for (let i = 1; i < length; i++) {
    if (at + i >= bytes.length) return undefined;
    if (((bytes[at + i] as number) & 0xc0) !== 0x80) return false;
  }
  return true;
}

/** The index of the first byte of 0x80 or more, or -1 (checked natively first: most exports are ASCII). */
const firstNonAscii = (bytes: Buffer) => (isAscii(bytes) ? -1 : bytes.findIndex((byte) => byte >= 0x80));

/**
 * Decodes a byte stream as text, chunk by chunk (never the whole input at once), in the encoding
 * its first bytes announce; the byte-order mark is dropped. A file without a BOM that is not UTF-16
 * is UTF-8 unless its first non-ASCII character is not valid UTF-8: then it is Windows-1252, the
 * code page Excel on Windows saves "CSV" in (reading it as UTF-8 would turn every accented letter
 * into a replacement character). `onEncoding` hears the choice, and once more if that first
 * non-ASCII byte comes after text already handed on (which is ASCII, the same in both).
 */
export async function* decodeInput(
  input: Readable,
  onEncoding?: (encoding: InputEncoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  // UTF-8 without a BOM, until the first non-ASCII byte says whether it really is.
  let undecided: Utf8Decision | undefined;
  for await (const chunk of input) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    if (!decoder && !undecided) {
      head = Buffer.concat([head, bytes]);
      if (head.length < SNIFF_BYTES) continue;
      decoder = startDecoder(head, onEncoding);
      bytes = head;
      if (decoder.encoding === 'utf-8' && !hasUtf8Bom(head)) {
        decoder = undefined;
        undecided = new Utf8Decision(onEncoding);
      }
    }
    if (undecided) {
      const ascii = undecided.take(bytes);
      if (ascii) yield ascii;
      if (!undecided.decoder) continue;
      ({ decoder, rest: bytes } = undecided.decoder);
      undecided = undefined;
    }
    const text = (decoder as TextDecoder).decode(bytes, { stream: true });
    if (text) yield text;
  }
  if (!decoder && !undecided) {
    // A file shorter than the sniffing window: decode what there is in one go.
    decoder = startDecoder(head, onEncoding);
    if (decoder.encoding === 'utf-8' && !hasUtf8Bom(head)) {
      decoder = undefined;
      undecided = new Utf8Decision(onEncoding);
      const ascii = undecided.take(head);
      if (ascii) yield ascii;
    } else {
      const text = decoder.decode(head, { stream: true });
      if (text) yield text;
    }
  }
  if (undecided) {
    const ascii = undecided.finish();
    if (ascii) yield ascii;
    if (undecided.decoder) ({ decoder } = undecided.decoder);
    const text = decoder?.decode(undecided.decoder?.rest ?? Buffer.alloc(0), { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

/**
 * Reads the ASCII start of a file without a BOM up to its first non-ASCII byte, which chooses UTF-8
 * or Windows-1252. The ASCII is held back while it is short, so that the header line is usually read
 * after the choice (and the "reading CSV" line names it).
 */
class Utf8Decision {
  decoder: { decoder: TextDecoder; rest: Buffer } | undefined;
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** The start of a non-ASCII sequence cut by the end of a chunk (at most 3 bytes). */
  private tail: Buffer = Buffer.alloc(0);

  constructor(private readonly onEncoding: ((encoding: InputEncoding) => void) | undefined) {}

  /** The ASCII text that can be handed on now. */
  take(chunk: Buffer): string {
    const bytes = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    const at = firstNonAscii(bytes);
    const ascii = at < 0 ? bytes : bytes.subarray(0, at);
    this.tail = at < 0 ? Buffer.alloc(0) : bytes.subarray(at);
    this.held.push(ascii);
    this.heldBytes += ascii.length;
    if (at >= 0) {
      const utf8 = startsUtf8Sequence(bytes, at);
      if (utf8 !== undefined) this.choose(utf8 ? 'utf-8' : 'windows-1252');
    }
    return this.decoder || this.heldBytes >= DECIDE_BYTES ? this.release() : '';
  }

  /** At the end of the input: what is held, the choice made if a non-ASCII byte was seen. */
  finish(): string {
    if (!this.decoder && this.tail.length > 0) this.choose('windows-1252');
    return this.release();
  }

  private choose(encoding: InputEncoding): void {
    if (encoding !== 'utf-8') this.onEncoding?.(encoding);
    this.decoder = { decoder: new TextDecoder(encoding, { ignoreBOM: true }), rest: this.tail };
  }

  private release(): string {
    const text = Buffer.concat(this.held).toString('latin1');
    this.held = [];
    this.heldBytes = 0;
    return text;
  }
}

const hasUtf8Bom = (head: Uint8Array) => head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;

function startDecoder(head: Uint8Array, onEncoding?: (encoding: InputEncoding) => void): TextDecoder {
  const encoding = detectEncoding(head);
  onEncoding?.(encoding);
  // ignoreBOM false (the default) drops the byte-order mark, so it never reaches a header name.
  return new TextDecoder(encoding);
}
