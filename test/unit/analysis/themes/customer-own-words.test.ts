import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';
import { themeIds } from '../../../support/theme-ids.js';

describe('the notAfter cue option', () => {
  const taxonomy = loadTaxonomy({
    name: 'not-after',
    version: '1',
    themes: [
      { id: 'hang_up', label: 'Hung up', group: 'g', cues: [{ pattern: 'hung up', notAfter: 'i we' }] },
    ],
  });

  it('drops the cue when one of its words stands just before it', () => {
    expect(themeIds('then I hung up', taxonomy)).toEqual([]);
    expect(themeIds('so we hung up on them', taxonomy)).toEqual([]);
  });

  it('keeps the cue after any other word, or at the start of a clause', () => {
    expect(themeIds('then she hung up', taxonomy)).toEqual(['hang_up']);
    expect(themeIds('Hung up on me twice', taxonomy)).toEqual(['hang_up']);
    expect(themeIds('I waited. Hung up on again', taxonomy)).toEqual(['hang_up']);
  });

  it('is refused when it holds anything but words', () => {
    expect(() =>
      loadTaxonomy({
        name: 'bad',
        version: '1',
        themes: [{ id: 'x', label: 'X', group: 'g', cues: [{ pattern: 'x', notAfter: 'a, b' }] }],
      }),
    ).toThrow(/notAfter/);
  });
});

describe('the notBefore cue option', () => {
  const taxonomy = loadTaxonomy({
    name: 'not-before',
    version: '1',
    themes: [
      { id: 'late', label: 'Late', group: 'g', cues: [{ pattern: 'late', notBefore: 'husband night' }] },
    ],
  });

  it('drops the cue when one of its words stands just after it', () => {
    expect(themeIds('about my late husband', taxonomy)).toEqual([]);
    expect(themeIds('a late night out', taxonomy)).toEqual([]);
  });

  it('keeps the cue before any other word, at the end of a clause, or with a word of the next clause after it', () => {
    expect(themeIds('the late train again', taxonomy)).toEqual(['late']);
    expect(themeIds('he was late', taxonomy)).toEqual(['late']);
    expect(themeIds('running late. Night fell', taxonomy)).toEqual(['late']);
  });

  it('is refused when it holds anything but words', () => {
    expect(() =>
      loadTaxonomy({
        name: 'bad',
        version: '1',
        themes: [{ id: 'x', label: 'X', group: 'g', cues: [{ pattern: 'x', notBefore: 'a, b' }] }],
      }),
    ).toThrow(/notBefore/);
  });
});

// What the customer did, knew or meant, told in words that name a theme when said of the company.
const notTheTheme: ReadonlyArray<readonly [id: string, text: string]> = [
  ['agent_attitude', 'after an hour on the line I hung up'],
  ['agent_attitude', 'To my understanding they should have answered within a week'],
  ['agent_attitude', 'my complaint was dismissed by the ombudsman'],
  ['agent_attitude', 'I want to pay the loan off aggressively this year'],
  ['agent_knowledge', 'I explained everything to the agent twice'],
  ['agent_knowledge', "These orders are not mine and I don't know where they came from"],
  ['agent_knowledge', "We didn't know they had moved the date"],
  ['communication', "I told them about the mistake but they didn't want to hear it"],
  ['product_quality', 'I kept calling and got a busy signal every time'],
  ['product_quality', 'I asked them to drop off the late fee'],
  ['unresolved', 'that tariff is no longer available to new customers'],
];

// Told the same way by or about the company, they still name the theme.
const stillTheTheme: ReadonlyArray<readonly [id: string, text: string]> = [
  ['agent_attitude', 'the supervisor hung up on me'],
  ['agent_attitude', 'the agent was very understanding about the mix-up'],
  ['agent_attitude', 'the manager was dismissive of my complaint'],
  ['agent_attitude', 'the debt collector was aggressive on the phone'],
  ['agent_attitude', 'their sales calls are aggressive'],
  ['agent_knowledge', 'she explained everything about the new tariff'],
  ['agent_knowledge', "the rep didn't know how to cancel my contract"],
  ['communication', 'I have not heard from them since Monday'],
  ['product_quality', 'the signal keeps dropping in the kitchen'],
  ['product_quality', 'the wifi keeps cutting out every evening'],
  ['unresolved', 'I wrote to them three times to no avail'],
];

describe('words the customer says of themselves', () => {
  it.each(notTheTheme)('do not raise %s: "%s"', (id, text) => {
    expect(themeIds(text)).not.toContain(id);
  });

  it.each(stillTheTheme)('said of the company still raise %s: "%s"', (id, text) => {
    expect(themeIds(text)).toContain(id);
  });
});
