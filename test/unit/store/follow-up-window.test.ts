import { describe, expect, it } from 'vitest';
import { followUpWindow } from '../../../lib/store/follow-up-window.js';

const options = { maxAgeDays: 14, slaHours: 48 };
const receivedAt = '2026-06-20T12:00:00.000Z';

describe('followUpWindow', () => {
  it.each([
    { submittedAt: receivedAt, expected: { tooOld: false, dueAt: '2026-06-22T12:00:00.000Z' } },
    // The SLA clock starts when the customer wrote: two days ago is already due now.
    {
      submittedAt: '2026-06-18T12:00:00.000Z',
      expected: { tooOld: false, dueAt: '2026-06-20T12:00:00.000Z' },
    },
    {
      submittedAt: '2026-06-06T12:00:00.000Z',
      expected: { tooOld: false, dueAt: '2026-06-08T12:00:00.000Z' },
    },
    { submittedAt: '2026-06-06T11:59:59.999Z', expected: { tooOld: true } },
    { submittedAt: '2026-05-01T00:00:00.000Z', expected: { tooOld: true } },
    // A producer's clock ahead of ours: the clock starts at receipt, not in the future.
    {
      submittedAt: '2026-06-25T00:00:00.000Z',
      expected: { tooOld: false, dueAt: '2026-06-22T12:00:00.000Z' },
    },
  ])('submitted $submittedAt', ({ submittedAt, expected }) => {
    expect(followUpWindow(submittedAt, receivedAt, options)).toEqual(expected);
  });

  it('with a window of 0 days follows up only comments submitted at or after receipt', () => {
    expect(followUpWindow('2026-06-20T11:59:00.000Z', receivedAt, { ...options, maxAgeDays: 0 })).toEqual({
      tooOld: true,
    });
    expect(followUpWindow(receivedAt, receivedAt, { ...options, maxAgeDays: 0 }).tooOld).toBe(false);
  });
});
