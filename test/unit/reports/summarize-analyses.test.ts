import { describe, expect, it } from 'vitest';
import type { FeedbackAnalysis, ThemeMatch } from '../../../lib/analysis/feedback-analysis.js';
import { redactPii } from '../../../lib/analysis/privacy/redact-pii.js';
import { AnalysisSummaryBuilder, summarizeAnalyses } from '../../../lib/reports/summarize-analyses.js';

function analysis(
  id: string,
  npsScore: number | undefined,
  label: FeedbackAnalysis['sentiment']['label'],
  themes: Array<Pick<ThemeMatch, 'id' | 'sentiment'>> = [],
  priority = 0,
): FeedbackAnalysis {
  const category =
    npsScore === undefined ? undefined : npsScore >= 9 ? 'promoter' : npsScore >= 7 ? 'passive' : 'detractor';
  return {
    id,
    analyzerVersion: 'test',
    language: 'en',
    languageConfidence: 1,
    textAnalysed: true,
    sentiment: { label, score: 0 },
    themes: themes.map((t) => ({ ...t, label: t.id.toUpperCase(), group: 'g', evidence: ['x'] })),
    signals: { waitMinutes: null, contactCount: null, transferCount: null, intents: [], evidence: {} },
    ...(category && npsScore !== undefined && { nps: { category, score: npsScore } }),
    mismatch: false,
    followUp: { required: priority > 0, priority, reasons: priority > 0 ? ['detractor'] : [] },
    redactedText: redactPii(''),
  };
}

describe('summarizeAnalyses', () => {
  // 2 promoters, 1 passive, 3 detractors -> NPS (2 - 3) / 6 = -16.67; one comment has no score.
  const analyses = [
    analysis('a', 10, 'positive'),
    analysis('b', 9, 'positive', [{ id: 'billing', sentiment: 'positive' }]),
    analysis('c', 8, 'neutral'),
    analysis(
      'd',
      0,
      'negative',
      [
        { id: 'wait_time', sentiment: 'negative' },
        { id: 'billing', sentiment: 'negative' },
      ],
      70,
    ),
    analysis('e', 3, 'negative', [{ id: 'wait_time', sentiment: 'negative' }], 55),
    analysis('f', 6, 'neutral', [], 40),
    analysis('g', undefined, 'negative', [{ id: 'wait_time', sentiment: 'negative' }], 45),
  ];
  const summary = summarizeAnalyses(analyses, 3);

  it.each([[1], [2], [3], [6]])(
    'merges summaries of parts (as worker threads send them) into the summary of the whole, split after %i',
    (cut) => {
      const whole = new AnalysisSummaryBuilder(3);
      whole.merge(summarizeAnalyses(analyses.slice(0, cut), 3));
      whole.merge(summarizeAnalyses([], 3));
      whole.merge(summarizeAnalyses(analyses.slice(cut), 3));
      expect(whole.build()).toEqual(summary);
    },
  );

  it('counts NPS bands and computes NPS to two decimals', () => {
    expect(summary.nps).toEqual({ promoters: 2, passives: 1, detractors: 3, responses: 6, score: -16.67 });
  });

  it('splits sentiment', () => {
    expect(summary.sentiment).toEqual({ negative: 3, neutral: 2, positive: 2 });
  });

  it('ranks themes by mentions with their share among detractors', () => {
    // Detractors: d, e, f (NPS) and g (no score, follow-up required) = 4.
    expect(summary.detractors).toBe(4);
    expect(summary.themes.map((t) => [t.id, t.mentions, t.negative, t.detractorMentions])).toEqual([
      ['wait_time', 3, 3, 3],
      ['billing', 2, 1, 1],
    ]);
    expect(summary.themes[0]?.detractorShare).toBe(0.75);
  });

  it('lists the highest-priority follow-ups first', () => {
    expect(summary.followUpsRequired).toBe(4);
    expect(summary.topFollowUps.map((f) => f.id)).toEqual(['d', 'e', 'g']);
  });

  it('summarises nothing without dividing by zero', () => {
    const empty = summarizeAnalyses([]);
    expect(empty.nps.score).toBeNull();
    expect(empty.themes).toEqual([]);
  });
});
