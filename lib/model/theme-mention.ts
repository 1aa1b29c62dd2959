/**
 * One theme found in one comment, as stored beside the record for reads by theme and period. The
 * evidence is read from the record itself (one copy of the text).
 */
export interface ThemeMention {
  id: string;
  day: string;
  sentiment: string;
}
