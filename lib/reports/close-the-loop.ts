import { CONTACT_HOUR_BUCKETS } from '../followup/follow-up-metrics.js';
import type { DailyCounts } from '../model/daily-counts.js';

export interface CloseTheLoopMetrics {
  /** Follow-ups opened by comments submitted in the period. */
  opened: number;
  /** Comments of the period that needed a follow-up but arrived too old for one (a backfill). */
  tooOldToFollowUp: number;
  /** First contacts made in the period, and how many within the SLA. */
  contacted: number;
  contactedWithinSla: number;
  withinSlaRate: number | null;
  resolved: number;
  /** The time-to-first-contact bucket holding the median contact (`<= 24 h`, `> 168 h`), or null. */
  medianTimeToContact: string | null;
  /** Open or claimed follow-ups past their first-contact deadline right now. */
  overdueNow: number;
  rootCauses: Record<string, number>;
  /** Per theme: of resolved follow-ups the analysis tagged with it, the share the team confirmed as root cause. */
  rootCauseAgreement: Array<{ theme: string; predicted: number; agreed: number; rate: number }>;
}

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
        rate: Math.round((counts.agreed / counts.predicted) * 100) / 100,
      }))
      .sort((a, b) => b.predicted - a.predicted || a.theme.localeCompare(b.theme)),
  };
}
