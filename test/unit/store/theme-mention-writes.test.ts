import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import type { FeedbackRecord } from '../../../lib/store/feedback-store.js';
import { themeMentionItems } from '../../../lib/store/theme-mention-writes.js';

function record(text: string): FeedbackRecord {
  const { redactedText, ...analysis } = analyzeFeedback({ id: 'm1', text, score: 2 });
  return {
    id: 'm1',
    receivedAt: '2026-11-02T12:00:00.000Z',
    submittedAt: '2026-11-02T11:00:00.000Z',
    day: '2026-11-02',
    redactedText,
    analysis,
    followUp: { status: 'none', priority: 0, reasons: [], version: 0, history: [] },
  };
}

describe('theme mention items', () => {
  it('hold the key, the day and the sentiment: no copy of the text or its evidence', () => {
    const items = themeMentionItems(
      record('On hold for 45 minutes, mail me at jo@example.com'),
      1_800_000_000,
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.find((item) => item.PK === 'THEME#wait_time#2026-11')).toEqual({
      PK: 'THEME#wait_time#2026-11',
      SK: '2026-11-02#m1',
      type: 'theme_mention',
      id: 'm1',
      day: '2026-11-02',
      sentiment: 'negative',
      expiresAt: 1_800_000_000,
    });
    expect(JSON.stringify(items)).not.toMatch(/hold|jo@example|EMAIL/);
  });

  it('leave out expiresAt without a retention', () => {
    expect(themeMentionItems(record('On hold for 45 minutes'), undefined)[0]).not.toHaveProperty('expiresAt');
  });
});
