import { describe, expect, it } from 'vitest';
import { packBytes, packJson, unpackBytes, unpackJson } from '../../../lib/analysis/packed-data.js';

describe('packed data', () => {
  it('gives back the bytes it packed, every byte value included', () => {
    const bytes = Uint8Array.from({ length: 3 * 256 }, (_, i) => (i * 7) % 256);
    expect([...unpackBytes(packBytes(bytes))]).toEqual([...bytes]);
  });

  it('gives back the value it packed, keys in their order and numbers to the last bit', () => {
    const table = { zebra: -2, 'no fuss': 3, abandon: -2, weight: 0.025890521269970733, Siân: [1, 'é'] };
    const read = unpackJson(packJson(table));
    expect(read).toEqual(table);
    expect(Object.keys(read as object)).toEqual(Object.keys(table));
  });

  it('writes a repetitive table in base64 in less space than its JSON', () => {
    const table = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`waited${i}`, i % 11]));
    const { brotli } = packJson(table);
    expect(brotli).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(brotli.length).toBeLessThan(JSON.stringify(table).length / 3);
  });

  it('refuses what is not packed rather than reading it as something else', () => {
    expect(() => unpackJson({ brotli: Buffer.from('{"a":1}').toString('base64') })).toThrow();
  });
});
