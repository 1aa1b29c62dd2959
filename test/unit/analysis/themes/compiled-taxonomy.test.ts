import { describe, expect, it } from 'vitest';
import { type PackedJson, unpackJson } from '../../../../lib/analysis/packed-data.js';
import {
  readCompiledTaxonomy,
  type ThemeTaxonomy,
  writeCompiledTaxonomy,
} from '../../../../lib/analysis/themes/compiled-taxonomy.js';
import compiledJson from '../../../../lib/analysis/themes/taxonomy/cx-taxonomy.compiled.json' with {
  type: 'json',
};
import sourceJson from '../../../../lib/analysis/themes/taxonomy/cx-taxonomy.json' with { type: 'json' };
import { builtInTaxonomy, loadTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';
import { themeIds } from '../../../support/theme-ids.js';

const NO_BASE: ThemeTaxonomy = { name: '', version: '', themes: [] };

// One theme with every option a cue can take, and shorthand ("flight" reads "flt").
const everyOption = loadTaxonomy(
  {
    name: 'every-option',
    version: '2',
    wordLists: { SITTING: 'sat|sitting' },
    themes: [
      {
        id: 'flight_delay',
        label: 'Flight delays',
        group: 'operations',
        description: 'Late departures.',
        defaultSentiment: 'negative',
        backdrop: true,
        cues: [
          'delayed|delays flight',
          {
            pattern: ['NEG take* off', 'SITTING tarmac', 'thanks NAME'],
            window: 3,
            negatable: false,
            judged: true,
            sentiment: 'negative',
            near: 'hours minutes',
            unless: 'early',
            notAfter: 'we',
            notBefore: 'night',
          },
        ],
      },
    ],
  },
  NO_BASE,
);

describe('the compiled built-in taxonomy', () => {
  it('is cx-taxonomy.json validated and compiled (else run `npm run build:tables`)', () => {
    expect(unpackJson(compiledJson as PackedJson)).toEqual(
      writeCompiledTaxonomy(loadTaxonomy(sourceJson, NO_BASE)),
    );
  });

  it('is what a cold start reads as the built-in taxonomy', () => {
    expect(builtInTaxonomy).toEqual(loadTaxonomy(sourceJson, NO_BASE));
  });
});

describe('writeCompiledTaxonomy and readCompiledTaxonomy', () => {
  it('read back every option of a cue, its stems, shorthand and negators', () => {
    expect(readCompiledTaxonomy(writeCompiledTaxonomy(everyOption))).toEqual(everyOption);
  });

  it('write each word as its stem, a prefix with its star, any negator as NEG and any given name as NAME', () => {
    const [plain, withOptions] = writeCompiledTaxonomy(everyOption).themes[0]?.cues ?? [];
    expect(plain).toBe('delai|dlyd flight|flt');
    expect(withOptions).toMatchObject({
      s: ['NEG take* off', 'SITTING tarmac', 'thank NAME'],
      a: 'hour|minut',
    });
  });

  it("write a word list's words once, and its name where a term holds them", () => {
    const file = writeCompiledTaxonomy(everyOption);
    expect(file.wordLists).toEqual({ SITTING: 'sat|sit' });
    const [, withOptions] = readCompiledTaxonomy(file).themes[0]?.cues ?? [];
    expect(withOptions?.sequences[1]?.[0]).toEqual([
      { kind: 'stem', stem: 'sat' },
      { kind: 'stem', stem: 'sit' },
    ]);
  });

  it("leave out a cue's options at their defaults, and write the others in short", () => {
    const [plain, withOptions] = writeCompiledTaxonomy(everyOption).themes[0]?.cues ?? [];
    expect(plain).toBe('delai|dlyd flight|flt');
    expect(withOptions).toEqual({
      s: ['NEG take* off', 'SITTING tarmac', 'thank NAME'],
      w: 3,
      n: 0,
      j: 1,
      p: -1,
      a: 'hour|minut',
      u: 'earli',
      b: 'we',
      f: 'night',
    });
  });

  it('match the same comments as the taxonomy they were written from', () => {
    const reread = readCompiledTaxonomy(JSON.parse(JSON.stringify(writeCompiledTaxonomy(everyOption))));
    for (const text of [
      'a delayed flight',
      'a dlyd flt',
      'sat on the tarmac for 3 hours',
      'flight on time',
    ]) {
      expect(themeIds(text, reread)).toEqual(themeIds(text, everyOption));
    }
    expect(themeIds('a dlyd flt', reread)).toEqual(['flight_delay']);
    expect(themeIds('flight on time', reread)).toEqual([]);
  });
});

describe('compiling a term', () => {
  it('keeps each stem once: "delayed|delays" is one alternative, then its shorthand', () => {
    const [cue] = everyOption.themes[0]?.cues ?? [];
    expect(cue?.sequences[0]?.[0]).toEqual([
      { kind: 'stem', stem: 'delai' },
      { kind: 'stem', stem: 'dlyd' },
    ]);
  });
});
