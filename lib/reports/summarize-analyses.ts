import type { FeedbackAnalysis, SentimentLabel } from '../analysis/feedback-analysis.js';
import { type NpsCounts, npsFromCounts } from './nps.js';

export interface ThemeSummary {
  id: string;
  label: string;
  mentions: number;
  negative: number;
  /** Mentions among detractors (NPS detractors, or follow-up-required comments without an NPS score). */
  detractorMentions: number;
  /** Share of detractors whose comment raised this theme, 0..1. */
  detractorShare: number;
}

export interface AnalysisSummary {
  analysed: number;
  nps: NpsCounts & { responses: number; score: number | null };
  sentiment: Record<SentimentLabel, number>;
  detractors: number;
  themes: ThemeSummary[];
  followUpsRequired: number;
  topFollowUps: Array<{ id: string; priority: number; reasons: string[] }>;
}

function isDetractor(analysis: FeedbackAnalysis): boolean {
  if (analysis.nps) return analysis.nps.category === 'detractor';
  return analysis.followUp.required;
}

/**
 * Builds an {@link AnalysisSummary} one analysis at a time, so a CLI can summarise a file of any size
 * while streaming it; only the follow-up shortlist is kept, never the analyses.
 */
export class AnalysisSummaryBuilder {
  private analysed = 0;
  private detractors = 0;
  private readonly nps: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  private readonly sentiment: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  private readonly themes = new Map<string, ThemeSummary>();
  private followUpsRequired = 0;
  private shortlist: AnalysisSummary['topFollowUps'] = [];

  constructor(private readonly topFollowUps = 5) {}

  add(analysis: FeedbackAnalysis): void {
    this.analysed++;
    if (analysis.nps) this.nps[`${analysis.nps.category}s` as keyof NpsCounts]++;
    this.sentiment[analysis.sentiment.label]++;
    const detractor = isDetractor(analysis);
    if (detractor) this.detractors++;
    for (const theme of analysis.themes) {
      const summary = this.themes.get(theme.id) ?? {
        id: theme.id,
        label: theme.label,
        mentions: 0,
        negative: 0,
        detractorMentions: 0,
        detractorShare: 0,
      };
      summary.mentions++;
      if (theme.sentiment === 'negative') summary.negative++;
      if (detractor) summary.detractorMentions++;
      this.themes.set(theme.id, summary);
    }
    if (analysis.followUp.required) {
      this.followUpsRequired++;
      this.shortlist.push({
        id: analysis.id,
        priority: analysis.followUp.priority,
        reasons: analysis.followUp.reasons,
      });
      this.shortlist.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
      this.shortlist.length = Math.min(this.shortlist.length, this.topFollowUps);
    }
  }

  /**
   * Adds a summary built from other analyses (each counted once in one of the two): how `closeloop
   * analyze` joins what its worker threads summarised, batch by batch. Each part keeps its own top
   * follow-ups, so the joined shortlist is the top of the union.
   */
  merge(part: AnalysisSummary): void {
    this.analysed += part.analysed;
    this.detractors += part.detractors;
    this.nps.promoters += part.nps.promoters;
    this.nps.passives += part.nps.passives;
    this.nps.detractors += part.nps.detractors;
    for (const label of Object.keys(this.sentiment) as SentimentLabel[])
      this.sentiment[label] += part.sentiment[label];
    for (const theme of part.themes) {
      const summary = this.themes.get(theme.id);
      if (summary) {
        summary.mentions += theme.mentions;
        summary.negative += theme.negative;
        summary.detractorMentions += theme.detractorMentions;
      } else {
        this.themes.set(theme.id, { ...theme, detractorShare: 0 });
      }
    }
    this.followUpsRequired += part.followUpsRequired;
    this.shortlist.push(...part.topFollowUps);
    this.shortlist.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
    this.shortlist.length = Math.min(this.shortlist.length, this.topFollowUps);
  }

  build(): AnalysisSummary {
    const detractors = this.detractors;
    return {
      analysed: this.analysed,
      nps: {
        ...this.nps,
        responses: this.nps.promoters + this.nps.passives + this.nps.detractors,
        score: npsFromCounts(this.nps),
      },
      sentiment: { ...this.sentiment },
      detractors,
      themes: [...this.themes.values()]
        .map((theme) => ({
          ...theme,
          detractorShare: detractors === 0 ? 0 : theme.detractorMentions / detractors,
        }))
        .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id)),
      followUpsRequired: this.followUpsRequired,
      topFollowUps: [...this.shortlist],
    };
  }
}

/** Aggregates analyses into the figures a CX lead reads first: NPS, sentiment, theme drivers, follow-ups. */
export function summarizeAnalyses(analyses: readonly FeedbackAnalysis[], topFollowUps = 5): AnalysisSummary {
  const builder = new AnalysisSummaryBuilder(topFollowUps);
  for (const analysis of analyses) builder.add(analysis);
  return builder.build();
}
