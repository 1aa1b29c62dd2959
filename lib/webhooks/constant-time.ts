import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a received credential with the expected one in time that depends on neither: both are hashed
 * first, so even their lengths do not leak through `timingSafeEqual`'s length check.
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
