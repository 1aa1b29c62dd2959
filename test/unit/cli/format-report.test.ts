import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../lib/cli/format-report.js';
import { closeTheLoopMetrics } from '../../../lib/reports/close-the-loop.js';
import { buildFeedbackReport } from '../../../lib/reports/feedback-report.js';
import { dailyCounts } from '../../support/daily-counts.js';

describe('closeloop report as text', () => {
  const days = [
    dailyCounts('2026-03-01', {
      feedback: 4,
      responses: 4,
      detractors: 4,
      followUps: 4,
      followUpsResolved: 3,
      // Resolved: wait_time twice (predicted once), delivery once (never predicted).
      rootCauses: { wait_time: 2, delivery: 1 },
      rootCauseAgreement: { wait_time: { predicted: 1, agreed: 1 }, billing: { predicted: 2, agreed: 0 } },
    }),
  ];
  const text = formatReport({
    ...buildFeedbackReport({
      from: '2026-03-01',
      to: '2026-03-01',
      overall: days,
      rejected: 0,
      followUpsOpen: 1,
    }),
    themes: [],
    closeTheLoop: closeTheLoopMetrics(days, 0),
  });

  it('prints NPS and the close-the-loop line', () => {
    expect(text).toMatch(/Overall\s+-100\.00\s+4/);
    expect(text).toContain('4 follow-ups opened');
    expect(text).toContain('3 resolved');
  });

  it('sets root causes against predicted themes both ways', () => {
    expect(text).toContain('predicted billing: confirmed as root cause 0 of 2 (0%)');
    expect(text).toContain('predicted wait_time: confirmed as root cause 1 of 1 (100%)');
    expect(text).toContain('resolved as wait_time: predicted 1 of 2 (50%)');
    expect(text).toContain('resolved as delivery: predicted 0 of 1 (0%)');
  });
});
