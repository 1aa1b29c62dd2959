import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeInput, detectEncoding } from '../../../lib/import/decode-input.js';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return be;
}

const text = 'id\ttext\nr1\tTrès bien, 非常好 👍\n';

async function decode(chunks: Buffer[]): Promise<{ text: string; encoding: string | undefined }> {
  let encoding: string | undefined;
  let out = '';
  for await (const part of decodeInput(Readable.from(chunks), (e) => {
    encoding = e;
  }))
    out += part;
  return { text: out, encoding };
}

/** Splits bytes into 1..7-byte chunks, so characters and BOMs are cut in every possible place. */
function shredded(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0, size = 1; i < bytes.length; i += size, size = (size % 7) + 1) {
    chunks.push(bytes.subarray(i, i + size));
  }
  return chunks;
}

describe('detectEncoding', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x69], 'utf-8'],
    [[0xff, 0xfe, 0x69, 0x00], 'utf-16le'],
    [[0xfe, 0xff, 0x00, 0x69], 'utf-16be'],
    [[0x69, 0x00, 0x64, 0x00, 0x2c, 0x00], 'utf-16le'],
    [[0x00, 0x69, 0x00, 0x64, 0x00, 0x2c], 'utf-16be'],
    [[0x69, 0x64, 0x2c, 0x74], 'utf-8'],
    [[], 'utf-8'],
  ])('%j is %s', (bytes, expected) => {
    expect(detectEncoding(Uint8Array.from(bytes))).toBe(expected);
  });
});

describe('decodeInput', () => {
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    [
      'UTF-16 LE with BOM (Excel "Unicode text")',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf-16le',
    ],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'utf-16be'],
  ])('decodes %s without the BOM, however the chunks fall', async (_name, bytes, encoding) => {
    expect(await decode([bytes])).toEqual({ text, encoding });
    expect(await decode(shredded(bytes))).toEqual({ text, encoding });
  });

  // Excel on Windows saves "CSV (Comma delimited)" in the ANSI code page: é is the one byte 0xE9.
  const ansi = 'id,text\nr1,Très bien, déçu – 20 € “ok”\n';
  const ansiBytes = Buffer.from(
    [...ansi].map((c) => ({ '–': 0x96, '€': 0x80, '“': 0x93, '”': 0x94 })[c] ?? c.charCodeAt(0)),
  );

  it('reads an export saved in Windows-1252 (Latin-1) as such, not as replacement characters', async () => {
    expect(await decode([ansiBytes])).toEqual({ text: ansi, encoding: 'windows-1252' });
    expect(await decode(shredded(ansiBytes))).toEqual({ text: ansi, encoding: 'windows-1252' });
  });

  it('decides between UTF-8 and Windows-1252 on the first accented letter, however far in', async () => {
    const ascii = `id,text\n${'r0,plain ascii row\n'.repeat(10_000)}`;
    const late1252 = Buffer.concat([Buffer.from(ascii), ansiBytes]);
    expect(await decode(shredded(late1252))).toEqual({ text: ascii + ansi, encoding: 'windows-1252' });
    const lateUtf8 = Buffer.from(ascii + text);
    expect(await decode(shredded(lateUtf8))).toEqual({ text: ascii + text, encoding: 'utf-8' });
  });

  it('decodes a file shorter than the sniffing window, and an empty one', async () => {
    expect(await decode([Buffer.from('id,text\n')])).toEqual({ text: 'id,text\n', encoding: 'utf-8' });
    expect(await decode([])).toEqual({ text: '', encoding: 'utf-8' });
  });
});
