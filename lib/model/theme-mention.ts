/** One theme found in one comment, as stored beside the record for reads by theme and period. */
export interface ThemeMention {
  id: string;
  day: string;
  sentiment: string;
  evidence: string[];
}
