import { createHmac, timingSafeEqual } from 'node:crypto';
import { feedbackKey } from './table-keys.js';

/** Thrown for a page cursor that this table did not hand out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursorError';
  }
}

/**
 * Page cursors as `<base64url key>.<base64url HMAC>`; the HMAC covers the key and the query it came
 * from, so a forged, edited or borrowed cursor fails before it reaches DynamoDB.
 */
export class CursorSigner {
  constructor(private readonly secret: string) {}

  private mac(payload: string, query: string): Buffer {
    return createHmac('sha256', this.secret).update(query).update('\n').update(payload).digest();
  }

  sign(payload: string, query: string): string {
    return `${Buffer.from(payload).toString('base64url')}.${this.mac(payload, query).toString('base64url')}`;
  }

  /** The payload of a cursor this signer made for `query`; {@link InvalidCursorError} for any other. */
  open(cursor: string, query: string): string {
    const match = /^([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{43})$/.exec(cursor);
    if (!match) throw new InvalidCursorError();
    const payload = Buffer.from(match[1] as string, 'base64url').toString();
    const given = Buffer.from(match[2] as string, 'base64url');
    const expected = this.mac(payload, query);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
    return payload;
  }
}

/**
 * A cursor is the last key of the previous page; besides its signature, only a complete key of the
 * partition being read is accepted (belt and braces: a leaked signing key still cannot reach another
 * kind of item).
 */
export function decodeCursor(
  payload: string,
  partitionAttribute: string,
  partition: string,
): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(payload);
  } catch {
    throw new InvalidCursorError();
  }
  const entries = key && typeof key === 'object' && !Array.isArray(key) ? Object.entries(key) : [];
  const expected = ['FU_SK', 'PK', 'SK', partitionAttribute].sort();
  const record = key as Record<string, string>;
  const id = /^\d{3}#\d{13}#(.+)$/.exec(String(record?.FU_SK))?.[1];
  if (
    entries.length !== expected.length ||
    entries.some(([, value]) => typeof value !== 'string') ||
    entries
      .map(([name]) => name)
      .sort()
      .join() !== expected.join() ||
    record[partitionAttribute] !== partition ||
    id === undefined ||
    record.PK !== feedbackKey(id).PK ||
    record.SK !== feedbackKey(id).SK
  ) {
    throw new InvalidCursorError();
  }
  return record;
}
