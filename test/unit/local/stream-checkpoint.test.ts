import { describe, expect, it } from 'vitest';
import { lowestSequenceNumber } from '../../../lib/local/stream-poller.js';

describe('the stream checkpoint after a partial failure', () => {
  it('is the lowest failed sequence number, whatever order the failures are listed in', () => {
    expect(
      lowestSequenceNumber(['000000000000000000070', '000000000000000000011', '000000000000000000012']),
    ).toBe('000000000000000000011');
  });

  it('compares numbers, not strings, when the lengths differ', () => {
    expect(lowestSequenceNumber(['100000000000000000000000070', '99'])).toBe('99');
  });

  it('is none when nothing failed', () => {
    expect(lowestSequenceNumber([])).toBeUndefined();
  });
});
