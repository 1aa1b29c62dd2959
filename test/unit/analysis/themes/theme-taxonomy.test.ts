import { describe, expect, it } from 'vitest';
import {
  builtInTaxonomy,
  InvalidTaxonomyError,
  loadTaxonomy,
} from '../../../../lib/analysis/themes/theme-taxonomy.js';

const minimal = {
  name: 'mine',
  version: '1',
  themes: [{ id: 'noise', label: 'Noise', group: 'place', cues: ['loud|noisy'] }],
};

describe('loadTaxonomy', () => {
  it('replaces the built-in themes by default', () => {
    const taxonomy = loadTaxonomy(minimal);
    expect(taxonomy.themes.map((t) => t.id)).toEqual(['noise']);
    expect(taxonomy.themes[0]?.defaultSentiment).toBe('neutral');
  });

  it('extends the built-in themes, replacing those with the same id', () => {
    const taxonomy = loadTaxonomy({
      ...minimal,
      mode: 'extend',
      themes: [...minimal.themes, { id: 'billing', label: 'Invoices', group: 'money', cues: ['invoice*'] }],
    });
    expect(taxonomy.themes.length).toBe(builtInTaxonomy.themes.length + 1);
    expect(taxonomy.themes.find((t) => t.id === 'billing')?.label).toBe('Invoices');
    expect(taxonomy.name).toBe('closeloop-cx+mine');
  });

  it.each([
    [{}, 'name'],
    [{ ...minimal, themes: [] }, 'themes'],
    [{ ...minimal, themes: [{ ...minimal.themes[0], id: 'Bad Id' }] }, 'themes.0.id'],
    [{ ...minimal, themes: [minimal.themes[0], minimal.themes[0]] }, 'duplicate theme id noise'],
    [{ ...minimal, themes: [{ ...minimal.themes[0], cues: [] }] }, 'themes.0.cues'],
    [{ ...minimal, themes: [{ ...minimal.themes[0], cues: ['(regex)+'] }] }, 'themes.0.cues.0'],
    [{ ...minimal, themes: [{ ...minimal.themes[0], cues: [{ pattern: 'x', window: 99 }] }] }, 'window'],
    [
      { ...minimal, themes: [{ ...minimal.themes[0], cues: [{ pattern: 'x', sentiment: 'angry' }] }] },
      'sentiment',
    ],
    [{ ...minimal, themes: [{ ...minimal.themes[0], backdrop: 'yes' }] }, 'themes.0.backdrop'],
    [{ ...minimal, extra: true }, 'extra'],
  ])('rejects %j naming %s', (definition, expected) => {
    let error: unknown;
    try {
      loadTaxonomy(definition);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidTaxonomyError);
    expect((error as InvalidTaxonomyError).message).toContain(expected);
  });
});
