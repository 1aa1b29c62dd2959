import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import type { ThemeMatch } from '../../../../lib/analysis/feedback-analysis.js';
import { chooseMainTheme } from '../../../../lib/analysis/themes/main-theme.js';
import { builtInTaxonomy, loadTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

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
    expect(chooseMainTheme(text, themes, builtInTaxonomy)?.id).toBe('billing');
  });

  it('picks the problem told first when two are told as much', () => {
    const themes = [
      theme('billing', 'negative', ['overcharged']),
      theme('agent_attitude', 'negative', ['rude']),
    ];
    expect(chooseMainTheme(text, themes, builtInTaxonomy)?.id).toBe('agent_attitude');
  });

  it('passes over praise when there is a problem, however much praise is told', () => {
    const themes = [
      theme('agent_attitude', 'positive', ['agent', 'rude', 'again']),
      theme('billing', 'negative', ['fee']),
    ];
    expect(chooseMainTheme(text, themes, builtInTaxonomy)?.id).toBe('billing');
  });

  it('names the main subject of a comment with no problem, and nothing when no theme was found', () => {
    expect(chooseMainTheme(text, [theme('refund', 'neutral', ['fee'])], builtInTaxonomy)?.id).toBe('refund');
    expect(chooseMainTheme(text, [], builtInTaxonomy)).toBeUndefined();
  });
});

describe('chooseMainTheme: the subject over how it was handled, and the opening over what follows', () => {
  it('passes over a wait or the chasing, however often told, when the complaint names what went wrong', () => {
    const story = 'My bill was wrong. I called, called again and waited on hold for an hour.';
    const themes = [
      theme('billing', 'negative', ['bill']),
      theme('repeat_contact', 'negative', ['called', 'called again']),
      theme('wait_time', 'negative', ['on hold', 'waited']),
    ];
    expect(chooseMainTheme(story, themes, builtInTaxonomy)?.id).toBe('billing');
  });

  it('names a backdrop theme when backdrops are all the complaint tells', () => {
    const themes = [
      theme('wait_time', 'negative', ['on hold']),
      theme('repeat_contact', 'negative', ['third time']),
    ];
    expect(chooseMainTheme('third time on hold today', themes, builtInTaxonomy)?.id).toBe('repeat_contact');
  });

  it('credits the problem the first sentence opens with over one told once more later on', () => {
    const story = 'They lost my parcel. Later a fee appeared, then another fee.';
    const themes = [
      theme('billing', 'negative', ['fee', 'fee']),
      theme('lost_or_damaged', 'negative', ['lost my parcel']),
    ];
    expect(chooseMainTheme(story, themes, builtInTaxonomy)?.id).toBe('lost_or_damaged');
    const told = [theme('billing', 'negative', ['fee', 'fee', 'fee', 'fee']), themes[1] as ThemeMatch];
    expect(chooseMainTheme(`${story} And a fee, and a fee.`, told, builtInTaxonomy)?.id).toBe('billing');
  });

  it("reads which themes are backdrop from the account's own taxonomy", () => {
    const own = loadTaxonomy({
      name: 'own',
      version: '1',
      themes: [
        { id: 'queue', label: 'Queue', group: 'store', backdrop: true, cues: ['queue'] },
        { id: 'stock', label: 'Stock', group: 'store', cues: ['out of stock'] },
      ],
    });
    const themes = [
      theme('queue', 'negative', ['queue', 'queue']),
      theme('stock', 'negative', ['out of stock']),
    ];
    expect(chooseMainTheme('queue, queue, then out of stock', themes, own)?.id).toBe('stock');
    expect(chooseMainTheme('queue, queue, then out of stock', themes, builtInTaxonomy)?.id).toBe('queue');
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
