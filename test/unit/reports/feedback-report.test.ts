import { describe, expect, it } from 'vitest';
import { buildFeedbackReport } from '../../../lib/reports/feedback-report.js';
import { dailyCounts as day } from '../../support/daily-counts.js';

describe('buildFeedbackReport', () => {
  const overall = [
    day('2026-05-01', {
      feedback: 5,
      responses: 4,
      promoters: 2,
      passives: 1,
      detractors: 1,
      themes: { wait_time: { mentions: 2, negative: 2, detractors: 1 } },
    }),
    day('2026-05-02', {
      feedback: 3,
      responses: 3,
      promoters: 0,
      passives: 1,
      detractors: 2,
      themes: {
        wait_time: { mentions: 1, negative: 1, detractors: 1 },
        billing: { mentions: 3, negative: 1, detractors: 0 },
      },
    }),
  ];
  const input = {
    from: '2026-05-01',
    to: '2026-05-02',
    overall,
    rejected: 2,
    followUpsOpen: 3,
  };

  it('sums the days into NPS: (2 - 3) / 7 responses = -14.29', () => {
    const report = buildFeedbackReport(input);
    expect(report.overall).toEqual({
      feedback: 8,
      responses: 7,
      promoters: 2,
      passives: 2,
      detractors: 3,
      nps: -14.29,
      csat: { responses: 0, satisfiedPercent: null, mean: null },
      ces: { responses: 0, mean: null, highEffortPercent: null },
    });
    expect(report.rejected).toBe(2);
    expect(report.followUpsOpen).toBe(3);
  });

  it('shows CSAT (% satisfied, mean) and CES (mean, % high effort) overall and for a department with only CSAT', () => {
    const csatDay = day('2026-05-01', { feedback: 4, csatResponses: 4, csatSatisfied: 3, csatScoreSum: 17 });
    const cesDay = day('2026-05-02', { feedback: 2, cesResponses: 2, cesHighEffort: 1, cesScoreSum: 8 });
    const report = buildFeedbackReport({
      ...input,
      by: 'department',
      overall: [csatDay, cesDay],
      segments: [{ key: 'Care', days: [csatDay] }],
    });
    expect(report.overall.csat).toEqual({ responses: 4, satisfiedPercent: 75, mean: 4.25 });
    expect(report.overall.ces).toEqual({ responses: 2, mean: 4, highEffortPercent: 50 });
    // NPS has no responses there, but the department is not empty: its CSAT is shown.
    expect(report.segments).toEqual([
      expect.objectContaining({ key: 'Care', responses: 0, nps: null, csat: report.overall.csat }),
    ]);
  });

  it('gives one row per day with --by day, and null NPS where nobody scored', () => {
    const report = buildFeedbackReport({
      ...input,
      by: 'day',
      overall: [...overall, day('2026-05-03', { feedback: 1 })],
    });
    expect(report.segments.map((s) => [s.key, s.nps])).toEqual([
      ['2026-05-01', 25],
      ['2026-05-02', -66.67],
      ['2026-05-03', null],
    ]);
  });

  it('ranks segments by volume', () => {
    const report = buildFeedbackReport({
      ...input,
      by: 'department',
      segments: [
        { key: 'Sales', days: [day('2026-05-01', { feedback: 1, responses: 1, promoters: 1 })] },
        { key: 'Billing', days: [day('2026-05-01', { feedback: 4, responses: 4, detractors: 4 })] },
      ],
    });
    expect(report.segments.map((s) => [s.key, s.nps])).toEqual([
      ['Billing', -100],
      ['Sales', 100],
    ]);
  });
});

describe('isoWeek', () => {
  it('names ISO 8601 weeks, including those that belong to the neighbouring year', async () => {
    const { isoWeek } = await import('../../../lib/reports/feedback-report.js');
    expect(['2026-01-01', '2025-12-29', '2026-11-23', '2021-01-03', '2027-01-01'].map(isoWeek)).toEqual([
      '2026-W01',
      '2026-W01',
      '2026-W48',
      '2020-W53',
      '2026-W53',
    ]);
  });
});
