import type {
  FeedbackAnalysis,
  FollowUp,
  SentimentLabel,
  SentimentResult,
  ThemeMatch,
} from '../analysis/feedback-analysis.js';
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

/**
 * The part of an analysis the summary reads: `closeloop analyze` worker threads send back only this,
 * not the whole analysis, so less crosses between threads.
 */
export type SummarisedAnalysis = Pick<FeedbackAnalysis, 'id' | 'nps'> & {
  sentiment: Pick<SentimentResult, 'label'>;
  themes: Array<Pick<ThemeMatch, 'id' | 'label' | 'sentiment'>>;
  followUp: FollowUp;
};

function isDetractor(analysis: SummarisedAnalysis): boolean {
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

  add(analysis: SummarisedAnalysis): void {
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
