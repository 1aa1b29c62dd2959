/** A theme's weight in a period, as the reports and the dashboard show it. */
export interface ThemeDriver {
  id: string;
  label: string;
  mentions: number;
  negative: number;
  /** Share of the theme's mentions that were negative, 0..1. */
  negativeShare: number;
  detractorMentions: number;
  /**
   * NPS points the period would gain if this theme's detractor comments had been passives:
   * 100 x detractor mentions / responses. A driver analysis in the simplest honest form.
   */
  npsImpact: number;
  /** The same length of time just before: mentions then, and the change in mentions. */
  previousMentions: number;
  mentionsChange: number;
}
