import type { DailyCounts } from '../../lib/store/feedback-store.js';

/** A day of counters with everything at zero but what the test sets. */
export function dailyCounts(date: string, counts: Partial<DailyCounts>): DailyCounts {
  return {
    day: date,
    feedback: 0,
    responses: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    negative: 0,
    followUps: 0,
    csatResponses: 0,
    csatSatisfied: 0,
    csatScoreSum: 0,
    cesResponses: 0,
    cesHighEffort: 0,
    cesScoreSum: 0,
    followUpsTooOld: 0,
    themes: {},
    followUpsContacted: 0,
    contactedWithinSla: 0,
    followUpsResolved: 0,
    contactHours: {},
    rootCauses: {},
    rootCauseAgreement: {},
    segments: {},
    ...counts,
  };
}
