import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import { assembleThemeComments } from '../../../lib/reports/report-assembly.js';
import type { FeedbackRecord, FeedbackStore, ThemeMention } from '../../../lib/store/feedback-store.js';

function record(id: string, text: string, day: string): FeedbackRecord {
  const { redactedText, ...analysis } = analyzeFeedback({ id, text, score: 3 });
  return {
    id,
    receivedAt: `${day}T12:00:00.000Z`,
    submittedAt: `${day}T11:00:00.000Z`,
    day,
    score: 3,
    scale: 'nps',
    redactedText,
    analysis,
    followUp: { status: 'none', priority: 0, reasons: [], version: 0, history: [] },
  };
}

/** The two reads the drill-down makes, over fixed mentions and records. */
function storeWith(mentions: ThemeMention[], records: FeedbackRecord[]): FeedbackStore {
  return {
    listThemeMentions: async () => mentions,
    getFeedback: async (id: string) => records.find((r) => r.id === id),
  } as unknown as FeedbackStore;
}

describe("a theme's comments", () => {
  it('takes the evidence from the record, and drops mentions the record no longer has', async () => {
    const kept = record('kept', 'I was on hold for 45 minutes', '2026-11-02');
    const moved = record('moved', 'I was on hold for 45 minutes', '2026-11-05');
    const changed = record('changed', 'Lovely staff, thank you', '2026-11-02');
    const store = storeWith(
      [
        { id: 'kept', day: '2026-11-02', sentiment: 'negative' },
        // Stale: a newer version moved the record to another day, or dropped the theme.
        { id: 'moved', day: '2026-11-02', sentiment: 'negative' },
        { id: 'changed', day: '2026-11-02', sentiment: 'negative' },
        { id: 'gone', day: '2026-11-02', sentiment: 'negative' },
      ],
      [kept, moved, changed],
    );
    const { items } = await assembleThemeComments(store, 'wait_time', {
      from: '2026-11-01',
      to: '2026-11-03',
    });
    expect(items.map((item) => item.id)).toEqual(['kept']);
    const theme = kept.analysis.themes.find((t) => t.id === 'wait_time');
    expect(items[0]?.evidence).toEqual(theme?.evidence);
    expect(items[0]?.evidence.length).toBeGreaterThan(0);
  });
});
