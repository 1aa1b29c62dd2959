import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import { redactSegment } from '../../../lib/analysis/privacy/redact-fields.js';
import type { Segment } from '../../../lib/feedback/feedback-message.js';
import { counterDifference } from '../../../lib/store/counter-difference.js';
import type { FeedbackRecord } from '../../../lib/store/feedback-store.js';
import { compareVersions } from '../../../lib/store/response-version.js';
import { reviseRecord } from '../../../lib/store/revise-record.js';

function record(
  text: string,
  score: number,
  options: { segment?: Segment; day?: string; updatedAt?: string; contentHash?: string } = {},
): FeedbackRecord {
  const { redactedText, ...analysis } = analyzeFeedback({ id: 'r', text, score });
  const day = options.day ?? '2026-11-01';
  return {
    id: 'r',
    receivedAt: `${day}T12:00:00.000Z`,
    submittedAt: `${day}T11:00:00.000Z`,
    day,
    score,
    scale: 'nps',
    segment: redactSegment(options.segment ?? {}),
    redactedText,
    ...(options.updatedAt && { updatedAt: options.updatedAt }),
    contentHash: options.contentHash ?? `sha256:${text.length}-${score}`,
    analysis,
    followUp: {
      status: analysis.followUp.required ? 'open' : 'none',
      priority: analysis.followUp.priority,
      reasons: analysis.followUp.reasons,
      version: 0,
      history: [],
    },
  };
}

/** The differences as plain objects, keyed by counter item, for readable expectations. */
function plain(stored: FeedbackRecord, next: FeedbackRecord) {
  return Object.fromEntries(
    counterDifference(stored, next).map(({ key, increments }) => [
      `${key.PK} ${key.SK}`,
      Object.fromEntries([...increments].map(([k, v]) => [k, typeof v === 'number' ? v : [...v]])),
    ]),
  );
}

const angry = 'Waited 50 minutes on hold and the invoice was wrong. I am cancelling.';
const happy = 'Great support, the agent answered quickly.';

describe('counterDifference', () => {
  it('is empty for a record replaced by itself', () => {
    const same = record(angry, 2, { segment: { department: 'Billing' } });
    expect(counterDifference(same, same)).toEqual([]);
  });

  it('moves a detractor to a promoter on the items both touch, as one net change per item', () => {
    const stored = record(angry, 2, { segment: { department: 'Billing' } });
    const next = record(happy, 10, { segment: { department: 'Billing' } });
    const difference = plain(stored, next);
    expect(Object.keys(difference).sort()).toEqual([
      'COUNTS#all DAY#2026-11-01',
      'COUNTS#department#Billing DAY#2026-11-01',
    ]);
    expect(difference['COUNTS#department#Billing DAY#2026-11-01']).toMatchObject({
      detractors: -1,
      promoters: 1,
      followUps: -1,
    });
    // `feedback` and `responses` are +1 -1 on the same item: no change, so not written.
    expect(difference['COUNTS#department#Billing DAY#2026-11-01']).not.toHaveProperty('feedback');
    expect(difference['COUNTS#department#Billing DAY#2026-11-01']).not.toHaveProperty('responses');
  });

  it('takes a record out of its old segment and day and into the new ones', () => {
    const stored = record(angry, 2, { segment: { department: 'Billing' }, day: '2026-11-01' });
    const next = record(angry, 2, { segment: { department: 'Support' }, day: '2026-11-02' });
    const difference = plain(stored, next);
    expect(difference['COUNTS#department#Billing DAY#2026-11-01']).toMatchObject({
      feedback: -1,
      detractors: -1,
    });
    expect(difference['COUNTS#department#Support DAY#2026-11-02']).toMatchObject({
      feedback: 1,
      detractors: 1,
    });
    expect(difference['COUNTS#all DAY#2026-11-01']).toMatchObject({ feedback: -1 });
    // The new day's account item lists the new segment value; sets are never subtracted.
    expect(difference['COUNTS#all DAY#2026-11-02']).toMatchObject({
      feedback: 1,
      segments_department: ['Support'],
    });
    expect(difference['COUNTS#all DAY#2026-11-01']).not.toHaveProperty('segments_department');
  });

  it('counts a worked follow-up as the one opened at insert on both sides', () => {
    const stored = record(angry, 2);
    const claimed = { ...stored, followUp: { ...stored.followUp, status: 'claimed' as const, owner: 'sam' } };
    const next = { ...record(angry.replace('50', '55'), 1), followUp: claimed.followUp };
    expect(plain(claimed, next)['COUNTS#all DAY#2026-11-01'] ?? {}).not.toHaveProperty('followUps');
  });
});

describe('compareVersions', () => {
  const at = (updatedAt?: string, contentHash = 'sha256:b') => ({ updatedAt, contentHash });
  it.each([
    [at('2026-11-01T10:00:00Z', 'sha256:a'), at('2026-11-01T09:00:00Z', 'sha256:a'), 'redelivery'],
    [at('2026-11-01T10:00:00Z', 'sha256:a'), at('2026-11-01T10:00:01Z'), 'newer'],
    [at('2026-11-01T10:00:00Z', 'sha256:a'), at('2026-11-01T09:59:59Z'), 'older'],
    [at('2026-11-01T10:00:00Z', 'sha256:a'), at('2026-11-01T11:00:00+01:00'), 'same-version-other-content'],
    [at(undefined, 'sha256:a'), at('2020-01-01T00:00:00Z'), 'newer'],
    [at('2020-01-01T00:00:00Z', 'sha256:a'), at(undefined), 'older'],
    [at(undefined, 'sha256:a'), at(undefined), 'same-version-other-content'],
  ] as const)('stored %j, received %j: %s', (stored, received, verdict) => {
    expect(compareVersions(stored, received)).toBe(verdict);
  });
});

describe('reviseRecord', () => {
  it('gives an open, unclaimed follow-up the new decision, keeping its deadline, and closes it when none is needed', () => {
    const stored = {
      ...record(angry, 2),
      followUp: { ...record(angry, 2).followUp, dueAt: '2026-11-03T11:00:00.000Z' },
    };
    const worse = reviseRecord(stored, record(`${angry} Never again.`, 0), '2026-11-02T00:00:00.000Z');
    expect(worse.change).toBeUndefined();
    expect(worse.record.followUp).toMatchObject({
      status: 'open',
      version: 1,
      dueAt: '2026-11-03T11:00:00.000Z',
    });
    expect(worse.record).toMatchObject({
      receivedAt: stored.receivedAt,
      revisedAt: '2026-11-02T00:00:00.000Z',
    });
    const better = reviseRecord(stored, record(happy, 10), '2026-11-02T00:00:00.000Z');
    expect(better.record.followUp).toMatchObject({ status: 'none', version: 1 });
  });

  it('keeps a worked follow-up and adds a response_updated entry without the customer text', () => {
    const base = record(angry, 2);
    const claim = {
      at: '2026-11-01T13:00:00.000Z',
      by: 'sam',
      action: 'claim' as const,
      from: 'open' as const,
      to: 'claimed' as const,
    };
    const stored = {
      ...base,
      followUp: { ...base.followUp, status: 'claimed' as const, owner: 'sam', version: 1, history: [claim] },
    };
    const { record: revised, change } = reviseRecord(stored, record(happy, 9), '2026-11-02T00:00:00.000Z');
    expect(revised.followUp).toMatchObject({ status: 'claimed', owner: 'sam', version: 2 });
    expect(revised.followUp.history).toEqual([claim, change]);
    expect(change).toMatchObject({
      action: 'response_updated',
      by: 'closeloop',
      from: 'claimed',
      to: 'claimed',
    });
    expect(change?.note).toBe(
      'The customer updated their response; score 2 -> 9; comment changed; it would no longer need a follow-up.',
    );
    expect(revised.score).toBe(9);
  });
});
