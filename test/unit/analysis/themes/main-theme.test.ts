import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import type { ThemeMatch } from '../../../../lib/analysis/feedback-analysis.js';
import { chooseMainTheme } from '../../../../lib/analysis/themes/main-theme.js';

const theme = (id: string, sentiment: ThemeMatch['sentiment'], evidence: string[]): ThemeMatch => ({
  id,
  label: id,
  group: 'test',
  sentiment,
  evidence,
});

describe('chooseMainTheme', () => {
  const text = 'the agent was rude, I was overcharged, overcharged again and then charged a fee';

  it('picks the problem told with the most evidence', () => {
    const themes = [
      theme('agent_attitude', 'negative', ['rude']),
      theme('billing', 'negative', ['overcharged', 'fee']),
    ];
    expect(chooseMainTheme(text, themes)?.id).toBe('billing');
  });

  it('picks the problem told first when two are told as much', () => {
    const themes = [
      theme('billing', 'negative', ['overcharged']),
      theme('agent_attitude', 'negative', ['rude']),
    ];
    expect(chooseMainTheme(text, themes)?.id).toBe('agent_attitude');
  });

  it('passes over praise when there is a problem, however much praise is told', () => {
    const themes = [
      theme('agent_attitude', 'positive', ['agent', 'rude', 'again']),
      theme('billing', 'negative', ['fee']),
    ];
    expect(chooseMainTheme(text, themes)?.id).toBe('billing');
  });

  it('names the main subject of a comment with no problem, and nothing when no theme was found', () => {
    expect(chooseMainTheme(text, [theme('refund', 'neutral', ['fee'])])?.id).toBe('refund');
    expect(chooseMainTheme(text, [])).toBeUndefined();
  });
});

describe('mainTheme in the analysis', () => {
  it('is one of the themes found, and absent when none is', () => {
    const analysis = analyzeFeedback({
      id: 'main-1',
      text: 'I waited 40 minutes on hold, then the agent was rude and hung up on me. Rude and unhelpful.',
    });
    expect(analysis.themes.map((t) => t.id)).toContain(analysis.mainTheme);
    expect(analyzeFeedback({ id: 'main-2', text: 'ok' }).mainTheme).toBeUndefined();
  });
});
