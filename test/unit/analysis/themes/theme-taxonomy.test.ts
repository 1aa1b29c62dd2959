import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
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

  it('reads a word after `=` as itself alone, not as every word with its stem', () => {
    const taxonomy = loadTaxonomy({
      ...minimal,
      wordLists: { LATE: '=late|overdue' },
      themes: [{ ...minimal.themes[0], id: 'delay', cues: ['=late|=later', 'LATE again'] }],
    });
    const delay = (text: string) =>
      analyzeFeedback({ id: 'd', text }, { taxonomy }).themes.some((theme) => theme.id === 'delay');
    expect(delay('the train was late')).toBe(true);
    expect(delay('see you later')).toBe(true);
    expect(delay('overdue again')).toBe(true);
    // "lately" has the stem of "late", "latest" begins with it: neither is the word.
    expect(delay('the service lately')).toBe(false);
    expect(delay('the latest news')).toBe(false);
  });

  it('reads a word list named in a cue as each of its words', () => {
    const taxonomy = loadTaxonomy({
      ...minimal,
      wordLists: { NEIGHBOURS: 'neighbour*|flatmate' },
      themes: [{ ...minimal.themes[0], cues: [{ pattern: 'loud|noisy', near: 'NEIGHBOURS' }] }],
    });
    const noise = (text: string) =>
      analyzeFeedback({ id: 'n', text }, { taxonomy }).themes.some((theme) => theme.id === 'noise');
    expect(noise('the neighbours upstairs are so loud')).toBe(true);
    expect(noise('my flatmate is really noisy')).toBe(true);
    expect(noise('the bar downstairs is loud')).toBe(false);
  });

  it('reads words that are names of object properties as words, not lists', () => {
    const taxonomy = loadTaxonomy({
      ...minimal,
      themes: [{ ...minimal.themes[0], cues: ['constructor|tostring|hasownproperty late'] }],
    });
    const ids = (text: string) => analyzeFeedback({ id: 'c', text }, { taxonomy }).themes.map((t) => t.id);
    expect(ids('the constructor late again')).toEqual(['noise']);
  });

  it("lets an account's cues use the built-in word lists", () => {
    expect(Object.keys(builtInTaxonomy.wordLists ?? {})).toContain('STAFF');
    const taxonomy = loadTaxonomy({
      ...minimal,
      mode: 'extend',
      themes: [{ id: 'dress_code', label: 'Dress code', group: 'people', cues: ['STAFF scruffy'] }],
    });
    const ids = (text: string) => analyzeFeedback({ id: 'd', text }, { taxonomy }).themes.map((t) => t.id);
    expect(ids('the hairdresser scruffy and late')).toContain('dress_code');
    expect(ids('the carpet scruffy and worn')).not.toContain('dress_code');
  });

  it.each([
    [{}, 'name'],
    [{ ...minimal, themes: [{ ...minimal.themes[0], cues: ['STAF rude'] }] }, 'STAF is no word list'],
    [{ ...minimal, wordLists: { staff: 'waiter' } }, 'wordLists.staff'],
    [{ ...minimal, wordLists: { NEG: 'nope' } }, 'NEG stands for any negator'],
    [{ ...minimal, wordLists: { NAME: 'priya' } }, "NAME stands for any person's given name"],
    [{ ...minimal, wordLists: { ROLES: 'waiter|STAFF' } }, 'lower-case words'],
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
