import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { loadTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';
import { themeIds } from '../../../support/theme-ids.js';

function themeOf(text: string, id: string) {
  return analyzeFeedback({ id: 'judged', text, channel: 'review' }).themes.find((theme) => theme.id === id);
}

describe('the judged cue option', () => {
  const taxonomy = loadTaxonomy({
    name: 'judged',
    version: '1',
    themes: [
      { id: 'porter', label: 'Porters', group: 'g', cues: [{ pattern: 'porter*', judged: true }] },
      { id: 'lift', label: 'Lifts', group: 'g', cues: ['lift'] },
    ],
  });

  it('counts the cue only in a clause that says something good or bad', () => {
    expect(themeIds('the porter was wonderful', taxonomy)).toEqual(['porter']);
    expect(themeIds('the porter was rude to my mother', taxonomy)).toEqual(['porter']);
    expect(themeIds('the porter took our cases up', taxonomy)).toEqual([]);
  });

  it('leaves cues without it alone, and judges each clause on its own', () => {
    expect(themeIds('the lift took our cases up', taxonomy)).toEqual(['lift']);
    expect(themeIds('the porter took our cases up. The room was awful', taxonomy)).toEqual([]);
  });
});

// Staff, table service and dishes count only where the clause says something good or bad of them.
describe('staff, service and dishes told by what was said of them', () => {
  it.each([
    ['our waiter forgot the drinks twice', 'agent_attitude', 'negative'],
    ['the cabin crew were fantastic from start to finish', 'agent_attitude', 'positive'],
    ['the waitress overcharged us by a bottle of wine', 'agent_attitude', 'negative'],
    ['the bar staff were horrendous', 'agent_attitude', 'negative'],
    ['no waiter came near us for twenty minutes, terrible', 'agent_attitude', 'negative'],
    ['we went for a birthday dinner and were let down by the service', 'agent_attitude', 'negative'],
    ['great food along with genuinely attentive service', 'agent_attitude', 'positive'],
    ['the service at breakfast was a shambles', 'agent_attitude', 'negative'],
    ['the pasta was awful and cold', 'product_quality', 'negative'],
    ['their sushi is superb', 'product_quality', 'positive'],
    ['a wonderful bottle of wine with the lamb', 'product_quality', 'positive'],
  ])('"%s" is %s, %s', (text, id, sentiment) => {
    expect(themeOf(text, id)?.sentiment).toBe(sentiment);
  });

  it.each([
    ['the waiter brought the menu', 'agent_attitude'],
    ['the server was down all morning and the app kept failing', 'agent_attitude'],
    ['the hostess showed us to our table', 'agent_attitude'],
    // A train's or a courier's service is no restaurant's or hotel's staff.
    ['the train service was dreadful again this morning', 'agent_attitude'],
    ['the delivery service for our dinner was dreadful', 'agent_attitude'],
    ['dinner service starts at six', 'agent_attitude'],
    ['we ordered the pasta and a salad', 'product_quality'],
    ['I paid for the coffee with my card', 'product_quality'],
    ['the seafood platter came after the soup', 'product_quality'],
  ])('"%s" names it but judges nothing: no %s', (text, id) => {
    expect(themeOf(text, id)).toBeUndefined();
  });
});
