import { describe, expect, it } from 'vitest';
import type { FeedbackSignals, SentimentResult } from '../../../lib/analysis/feedback-analysis.js';
import { isMismatch, planFollowUp } from '../../../lib/analysis/plan-follow-up.js';

function signals(overrides: Partial<FeedbackSignals> = {}): FeedbackSignals {
  return {
    waitMinutes: null,
    contactCount: null,
    transferCount: null,
    intents: [],
    evidence: {},
    ...overrides,
  };
}
const neutral: SentimentResult = { label: 'neutral', score: 0 };
const angry: SentimentResult = { label: 'negative', score: -0.9 };
const glowing: SentimentResult = { label: 'positive', score: 0.8 };

describe('planFollowUp', () => {
  it('requires follow-up for a detractor even with neutral text', () => {
    const plan = planFollowUp({ rating: 'negative', sentiment: neutral, signals: signals() });
    expect(plan).toEqual({ required: true, priority: 40, reasons: ['detractor'] });
  });

  it.each([
    ['nps', 'detractor'],
    ['csat', 'dissatisfied'],
    ['ces', 'high_effort'],
  ] as const)('names an unhappy %s score by its scale: %s', (scale, reason) => {
    const plan = planFollowUp({ rating: 'negative', scale, sentiment: neutral, signals: signals() });
    expect(plan.reasons).toEqual([reason]);
  });

  it('requires follow-up for clearly negative text with no score, but not for a passive', () => {
    expect(planFollowUp({ sentiment: angry, signals: signals() }).reasons).toEqual(['negative_text']);
    expect(planFollowUp({ rating: 'neutral', sentiment: angry, signals: signals() }).required).toBe(false);
    expect(planFollowUp({ sentiment: { label: 'negative', score: -0.2 }, signals: signals() }).required).toBe(
      false,
    );
  });

  it('requires follow-up for churn and escalation whatever the score', () => {
    const plan = planFollowUp({
      rating: 'positive',
      sentiment: neutral,
      signals: signals({ intents: ['churn_risk'] }),
    });
    expect(plan.required).toBe(true);
    expect(plan.reasons).toEqual(['churn_risk']);
    expect(
      planFollowUp({ sentiment: neutral, signals: signals({ intents: ['escalation'] }) }).reasons,
    ).toEqual(['escalation']);
  });

  it('raises priority with negativity, churn, repeat contacts and long waits, capped at 100', () => {
    const base = planFollowUp({ rating: 'negative', sentiment: neutral, signals: signals() }).priority;
    const angrier = planFollowUp({ rating: 'negative', sentiment: angry, signals: signals() }).priority;
    const repeat = planFollowUp({
      rating: 'negative',
      sentiment: angry,
      signals: signals({ contactCount: 3 }),
    });
    const everything = planFollowUp({
      rating: 'negative',
      sentiment: angry,
      signals: signals({
        contactCount: 5,
        waitMinutes: 3 * 24 * 60,
        transferCount: 4,
        intents: ['churn_risk', 'escalation', 'callback_request'],
      }),
    });
    expect(angrier).toBeGreaterThan(base);
    expect(repeat.priority).toBeGreaterThan(angrier);
    expect(repeat.reasons).toContain('repeat_contact:3');
    expect(everything.priority).toBe(100);
    expect(everything.reasons).toEqual([
      'detractor',
      'churn_risk',
      'escalation',
      'repeat_contact:5',
      'long_wait:4320m',
      'transfers:4',
      'callback_request',
    ]);
  });

  it('gives priority 0 and no reasons when no follow-up is needed', () => {
    expect(
      planFollowUp({ rating: 'positive', sentiment: glowing, signals: signals({ contactCount: 2 }) }),
    ).toEqual({
      required: false,
      priority: 0,
      reasons: [],
    });
  });
});

describe('isMismatch', () => {
  it('flags a promoter with an angry comment and a detractor with praise', () => {
    expect(isMismatch('positive', angry)).toBe(true);
    expect(isMismatch('negative', glowing)).toBe(true);
  });

  it('does not flag agreement, passives, mixed praise or missing scores', () => {
    expect(isMismatch('positive', glowing)).toBe(false);
    expect(isMismatch('negative', angry)).toBe(false);
    expect(isMismatch('neutral', angry)).toBe(false);
    expect(isMismatch(undefined, angry)).toBe(false);
    expect(isMismatch('negative', { ...glowing, mixed: true })).toBe(false);
  });
});
