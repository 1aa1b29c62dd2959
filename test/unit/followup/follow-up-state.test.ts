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

  it('unclaims, assigns and notes: which status each starts from and leads to', () => {
    const at = '2026-06-01T10:00:00Z';
    const claimed = applyFollowUpCommand(open, { action: 'claim', owner: 'ana' }, 'ana', at);
    const rows: Array<{
      from: FollowUpState;
      command: Parameters<typeof applyFollowUpCommand>[1];
      status: string;
      owner?: string;
    }> = [
      { from: claimed, command: { action: 'unclaim' }, status: 'open', owner: undefined },
      { from: open, command: { action: 'assign', owner: 'ben' }, status: 'claimed', owner: 'ben' },
      { from: claimed, command: { action: 'assign', owner: 'ben' }, status: 'claimed', owner: 'ben' },
      { from: open, command: { action: 'note', note: 'left a voicemail' }, status: 'open', owner: undefined },
      {
        from: claimed,
        command: { action: 'note', note: 'left a voicemail' },
        status: 'claimed',
        owner: 'ana',
      },
    ];
    for (const { from, command, status, owner } of rows) {
      const next = applyFollowUpCommand(from, command, 'lou', at);
      expect(next.status, command.action).toBe(status);
      expect(next.owner, command.action).toBe(owner);
      expect(next.version).toBe(from.version + 1);
      expect(next.history.at(-1)).toMatchObject({
        action: command.action,
        by: 'lou',
        from: from.status,
        to: status,
      });
    }
    expect(() => applyFollowUpCommand(open, { action: 'unclaim' }, 'lou', at)).toThrow(FollowUpConflictError);
    const resolved = applyFollowUpCommand(
      open,
      { action: 'resolve', rootCause: 'x', resolution: 'y' },
      'lou',
      at,
    );
    expect(() => applyFollowUpCommand(resolved, { action: 'assign', owner: 'ben' }, 'lou', at)).toThrow(
      'cannot assign a follow-up that is resolved',
    );
    expect(applyFollowUpCommand(resolved, { action: 'note', note: 'called again' }, 'lou', at).status).toBe(
      'resolved',
    );
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
