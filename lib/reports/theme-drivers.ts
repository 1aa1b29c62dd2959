import type { DailyCounts } from '../model/daily-counts.js';
import type { ThemeDriver } from '../model/theme-driver.js';

export type { ThemeDriver };

function sumThemes(days: readonly DailyCounts[]) {
  const totals = new Map<string, { mentions: number; negative: number; detractors: number }>();
  for (const day of days) {
    for (const [id, counts] of Object.entries(day.themes)) {
      const total = totals.get(id) ?? { mentions: 0, negative: 0, detractors: 0 };
      total.mentions += counts.mentions;
      total.negative += counts.negative;
      total.detractors += counts.detractors;
      totals.set(id, total);
    }
  }
  return totals;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Themes of a period ranked by their NPS impact, with the trend against the period before. Pure. */
export function themeDrivers(
  current: readonly DailyCounts[],
  previous: readonly DailyCounts[],
  labels: ReadonlyMap<string, string>,
): ThemeDriver[] {
  const responses = current.reduce((total, day) => total + day.responses, 0);
  const now = sumThemes(current);
  const before = sumThemes(previous);
  return [...now]
    .map(([id, counts]) => {
      const previousMentions = before.get(id)?.mentions ?? 0;
      return {
        id,
        label: labels.get(id) ?? id,
        mentions: counts.mentions,
        negative: counts.negative,
        negativeShare: counts.mentions === 0 ? 0 : round2(counts.negative / counts.mentions),
        detractorMentions: counts.detractors,
        npsImpact: responses === 0 ? 0 : round2((100 * counts.detractors) / responses),
        previousMentions,
        mentionsChange: counts.mentions - previousMentions,
      };
    })
    .sort((a, b) => b.npsImpact - a.npsImpact || b.mentions - a.mentions || a.id.localeCompare(b.id));
}

/** The period of the same length that ends the day before `from` (days as yyyy-mm-dd). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const length = Date.parse(`${to}T00:00:00Z`) - start + day;
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  return { from: iso(start - length), to: iso(start - day) };
}
