export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Net Promoter Score: % promoters - % detractors, -100..100, rounded to two decimals.
 * Null when there are no responses, because an NPS of 0 would claim a balance nobody measured.
 */
export function npsFromCounts({ promoters, passives, detractors }: NpsCounts): number | null {
  const responses = promoters + passives + detractors;
  if (responses === 0) return null;
  return Math.round(((promoters - detractors) / responses) * 10_000) / 100;
}
