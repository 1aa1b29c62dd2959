import { describe, expect, it } from 'vitest';
import { closeTheLoopMetrics } from '../../../lib/reports/close-the-loop.js';
import { previousPeriod, themeDrivers } from '../../../lib/reports/theme-drivers.js';
import { dailyCounts as day } from '../../support/daily-counts.js';

describe('previousPeriod', () => {
  it('is the same number of days just before', () => {
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(previousPeriod('2026-06-01', '2026-06-01')).toEqual({ from: '2026-05-31', to: '2026-05-31' });
  });
});

describe('themeDrivers', () => {
  it('gives each theme the NPS points its detractor comments cost, and the change in mentions', () => {
    const current = [
      day('2026-03-02', {
        responses: 8,
        themes: {
          billing: { mentions: 4, negative: 3, detractors: 2 },
          wait_time: { mentions: 1, negative: 1, detractors: 1 },
        },
      }),
    ];
    const previous = [
      day('2026-03-01', { responses: 5, themes: { billing: { mentions: 6, negative: 1, detractors: 0 } } }),
    ];
    expect(themeDrivers(current, previous, new Map([['billing', 'Billing and charges']]))).toEqual([
      {
        id: 'billing',
        label: 'Billing and charges',
        mentions: 4,
        negative: 3,
        negativeShare: 0.75,
        detractorMentions: 2,
        npsImpact: 25,
        previousMentions: 6,
        mentionsChange: -2,
      },
      {
        id: 'wait_time',
        label: 'wait_time',
        mentions: 1,
        negative: 1,
        negativeShare: 1,
        detractorMentions: 1,
        npsImpact: 12.5,
        previousMentions: 0,
        mentionsChange: 1,
      },
    ]);
  });
});

describe('closeTheLoopMetrics', () => {
  it('sums contacts, SLA, resolutions and finds the median contact bucket', () => {
    const metrics = closeTheLoopMetrics(
      [
        day('2026-03-01', {
          followUps: 5,
          followUpsTooOld: 3,
          followUpsContacted: 3,
          contactedWithinSla: 2,
          contactHours: { '4': 1, '24': 1, over168: 1 },
          followUpsResolved: 2,
          rootCauses: { billing: 1, other: 1 },
          rootCauseAgreement: { billing: { predicted: 2, agreed: 1 } },
        }),
        day('2026-03-02', { followUpsContacted: 1, contactHours: { over168: 1 } }),
      ],
      4,
    );
    expect(metrics).toEqual({
      opened: 5,
      tooOldToFollowUp: 3,
      contacted: 4,
      contactedWithinSla: 2,
      withinSlaRate: 0.5,
      resolved: 2,
      medianTimeToContact: '<= 24 h',
      overdueNow: 4,
      rootCauses: { billing: 1, other: 1 },
      rootCauseAgreement: [{ theme: 'billing', predicted: 2, agreed: 1, rate: 0.5 }],
      rootCausePrediction: [{ rootCause: 'billing', resolved: 1, predicted: 1, rate: 1 }],
    });
  });

  it('sets root causes against predicted themes both ways, over the days of the period', () => {
    const metrics = closeTheLoopMetrics(
      [
        day('2026-03-01', {
          followUpsResolved: 4,
          // Resolved: wait_time twice (once predicted), billing once (predicted), free text once.
          rootCauses: { wait_time: 2, billing: 1, other: 1 },
          rootCauseAgreement: {
            wait_time: { predicted: 1, agreed: 1 },
            billing: { predicted: 3, agreed: 1 },
            staff_attitude: { predicted: 2, agreed: 0 },
          },
        }),
        day('2026-03-02', {
          followUpsResolved: 1,
          rootCauses: { delivery: 1 },
          rootCauseAgreement: { wait_time: { predicted: 1, agreed: 0 } },
        }),
      ],
      0,
    );
    expect(metrics.rootCauseAgreement).toEqual([
      { theme: 'billing', predicted: 3, agreed: 1, rate: 0.33 },
      { theme: 'staff_attitude', predicted: 2, agreed: 0, rate: 0 },
      { theme: 'wait_time', predicted: 2, agreed: 1, rate: 0.5 },
    ]);
    expect(metrics.rootCausePrediction).toEqual([
      { rootCause: 'wait_time', resolved: 2, predicted: 1, rate: 0.5 },
      { rootCause: 'billing', resolved: 1, predicted: 1, rate: 1 },
      // Never predicted: a cause the taxonomy did not see coming.
      { rootCause: 'delivery', resolved: 1, predicted: 0, rate: 0 },
    ]);
  });

  it('has no rate or median before anyone was contacted', () => {
    expect(closeTheLoopMetrics([], 0)).toMatchObject({ withinSlaRate: null, medianTimeToContact: null });
  });
});
