import { CONTACT_HOUR_BUCKETS } from '../followup/follow-up-metrics.js';
import type { CloseTheLoopMetrics } from '../model/close-the-loop-metrics.js';
import type { DailyCounts } from '../model/daily-counts.js';

export type { CloseTheLoopMetrics };

function median(histogram: Record<string, number>): string | null {
  const buckets = [...CONTACT_HOUR_BUCKETS.map(String), 'over168'];
  const total = buckets.reduce((sum, bucket) => sum + (histogram[bucket] ?? 0), 0);
  if (total === 0) return null;
  let seen = 0;
  for (const bucket of buckets) {
    seen += histogram[bucket] ?? 0;
    if (seen >= total / 2) return bucket === 'over168' ? '> 168 h' : `<= ${bucket} h`;
  }
  return null;
}

/** Close-the-loop figures from the account's daily counters over a period. Pure. */
export function closeTheLoopMetrics(days: readonly DailyCounts[], overdueNow: number): CloseTheLoopMetrics {
  const sum = (pick: (day: DailyCounts) => number) => days.reduce((total, day) => total + pick(day), 0);
  const merge = (pick: (day: DailyCounts) => Record<string, number>) => {
    const merged: Record<string, number> = {};
    for (const day of days)
      for (const [key, value] of Object.entries(pick(day))) merged[key] = (merged[key] ?? 0) + value;
    return merged;
  };
  const agreement = new Map<string, { predicted: number; agreed: number }>();
  for (const day of days) {
    for (const [theme, counts] of Object.entries(day.rootCauseAgreement)) {
      const total = agreement.get(theme) ?? { predicted: 0, agreed: 0 };
      total.predicted += counts.predicted;
      total.agreed += counts.agreed;
      agreement.set(theme, total);
    }
  }
  const contacted = sum((day) => day.followUpsContacted);
  const withinSla = sum((day) => day.contactedWithinSla);
  const rootCauses = Object.fromEntries(
    Object.entries(merge((day) => day.rootCauses)).filter(([, n]) => n > 0),
  );
  return {
    opened: sum((day) => day.followUps),
    tooOldToFollowUp: sum((day) => day.followUpsTooOld),
    contacted,
    contactedWithinSla: withinSla,
    withinSlaRate: contacted === 0 ? null : Math.round((withinSla / contacted) * 100) / 100,
    resolved: sum((day) => day.followUpsResolved),
    medianTimeToContact: median(merge((day) => day.contactHours)),
    overdueNow,
    rootCauses,
    rootCauseAgreement: [...agreement]
      .filter(([, counts]) => counts.predicted > 0)
      .map(([theme, counts]) => ({
        theme,
        ...counts,
        rate: share(counts.agreed, counts.predicted),
      }))
      .sort((a, b) => b.predicted - a.predicted || a.theme.localeCompare(b.theme)),
    rootCausePrediction: rootCausePrediction(rootCauses, agreement),
  };
}

const share = (part: number, whole: number) => Math.round((part / whole) * 100) / 100;

/**
 * Root causes against the themes predicted for them: the resolutions per root cause, and of those
 * the ones whose theme was predicted (the `agreed` count of the same theme). Free-text causes (`other`)
 * name no theme and cannot have been predicted: left out.
 */
function rootCausePrediction(
  rootCauses: Record<string, number>,
  agreement: ReadonlyMap<string, { predicted: number; agreed: number }>,
): CloseTheLoopMetrics['rootCausePrediction'] {
  return Object.entries(rootCauses)
    .filter(([rootCause, resolved]) => rootCause !== 'other' && resolved > 0)
    .map(([rootCause, resolved]) => {
      const predicted = Math.min(agreement.get(rootCause)?.agreed ?? 0, resolved);
      return { rootCause, resolved, predicted, rate: share(predicted, resolved) };
    })
    .sort((a, b) => b.resolved - a.resolved || a.rootCause.localeCompare(b.rootCause));
}
