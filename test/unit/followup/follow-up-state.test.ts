import { describe, expect, it } from 'vitest';
import { contactBucket } from '../../../lib/followup/follow-up-metrics.js';
import {
  applyFollowUpCommand,
  FollowUpConflictError,
  isOverdue,
} from '../../../lib/followup/follow-up-state.js';
import type { FollowUpState } from '../../../lib/model/follow-up-state.js';

const open: FollowUpState = {
  status: 'open',
  priority: 80,
  reasons: ['detractor'],
  version: 0,
  dueAt: '2026-06-03T08:00:00.000Z',
  history: [],
};

describe('follow-up workflow', () => {
  it('claims, contacts and resolves, bumping the version and keeping who did what', () => {
    const claimed = applyFollowUpCommand(
      open,
      { action: 'claim', owner: 'ana' },
      'ana',
      '2026-06-01T10:00:00Z',
    );
    const contacted = applyFollowUpCommand(claimed, { action: 'contacted' }, 'ana', '2026-06-01T11:00:00Z');
    const resolved = applyFollowUpCommand(
      contacted,
      { action: 'resolve', rootCause: 'billing', resolution: 'refunded' },
      'ana',
      '2026-06-01T12:00:00Z',
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      version: 3,
      owner: 'ana',
      contactedAt: '2026-06-01T11:00:00Z',
      resolvedAt: '2026-06-01T12:00:00Z',
      rootCause: 'billing',
      action: 'refunded',
    });
    expect(resolved.history.map((h) => `${h.from}->${h.to}`)).toEqual([
      'open->claimed',
      'claimed->contacted',
      'contacted->resolved',
    ]);
    expect(open.history).toEqual([]);
  });

  it('refuses what does not follow: a second claim, contact after resolution, reopening what is open', () => {
    const claimed = applyFollowUpCommand(
      open,
      { action: 'claim', owner: 'ana' },
      'ana',
      '2026-06-01T10:00:00Z',
    );
    expect(() => applyFollowUpCommand(claimed, { action: 'claim', owner: 'ben' }, 'ben', 'x')).toThrow(
      /cannot claim a follow-up that is claimed by ana/,
    );
    const resolved = applyFollowUpCommand(
      open,
      { action: 'resolve', rootCause: 'x', resolution: 'y' },
      'a',
      'z',
    );
    expect(() => applyFollowUpCommand(resolved, { action: 'contacted' }, 'a', 'z')).toThrow(
      FollowUpConflictError,
    );
    expect(() => applyFollowUpCommand(open, { action: 'reopen' }, 'a', 'z')).toThrow(FollowUpConflictError);
  });

  it('keeps the first contact time when a customer is contacted again after a reopen', () => {
    const contacted = applyFollowUpCommand(open, { action: 'contacted' }, 'ana', '2026-06-01T11:00:00Z');
    const resolved = applyFollowUpCommand(
      contacted,
      { action: 'resolve', rootCause: 'x', resolution: 'y' },
      'a',
      'b',
    );
    const reopened = applyFollowUpCommand(resolved, { action: 'reopen' }, 'ana', '2026-06-05T00:00:00Z');
    const again = applyFollowUpCommand(reopened, { action: 'contacted' }, 'ana', '2026-06-06T00:00:00Z');
    expect(again.contactedAt).toBe('2026-06-01T11:00:00Z');
    expect(reopened.resolvedAt).toBeUndefined();
  });

  it('is overdue when nobody made contact by the due time, or contact came late', () => {
    expect(isOverdue(open, '2026-06-03T07:59:59.000Z')).toBe(false);
    expect(isOverdue(open, '2026-06-03T08:00:01.000Z')).toBe(true);
    expect(isOverdue({ ...open, contactedAt: '2026-06-02T00:00:00.000Z' }, '2026-06-09T00:00:00.000Z')).toBe(
      false,
    );
    expect(isOverdue({ ...open, contactedAt: '2026-06-04T00:00:00.000Z' }, '2026-06-09T00:00:00.000Z')).toBe(
      true,
    );
    expect(isOverdue({ ...open, status: 'none' }, '2027-01-01T00:00:00.000Z')).toBe(false);
  });

  it('files first-contact times in hour buckets', () => {
    expect([0.5, 1, 1.01, 30, 48, 200].map(contactBucket)).toEqual([
      'contactHours_1',
      'contactHours_1',
      'contactHours_4',
      'contactHours_48',
      'contactHours_48',
      'contactHours_over168',
    ]);
  });
});
