import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { readThemes } from '../../../../lib/analysis/themes/match-themes.js';
import { builtInTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

function complaintsIn(text: string): [byNature: number, byCue: number] {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  const reading = readThemes(text, tokens, builtInTaxonomy, lexical.clauseValence, 'neutral');
  return [reading.complaints, reading.complaintsByCue];
}

describe('readThemes: which themes found are complaints', () => {
  it.each([
    // A complaint by nature: its default sentiment is negative.
    ['on hold for an hour', [1, 0]],
    // A complaint told by the cue itself, with no word of the lexicon in it.
    ['the front desk shrugged', [0, 1]],
    ['another burst main on our road', [0, 1]],
    // Found negative through its clause's words only: the lexicon counts it already.
    ['the app is awful', [0, 0]],
    // Not negative at all.
    ['the app is great', [0, 0]],
    ['power back on after six hours', [0, 0]],
  ])('"%s": %j by nature and by cue', (text, counts) => {
    expect(complaintsIn(text)).toEqual(counts);
  });
});

describe('a complaint told as a fact by a theme cue is a complaint', () => {
  it.each([
    '@StayWell booked a sea view room, got a view of the bins. Front desk shrugged',
    '@WaterWays third burst main on our street this year. when are you going to actually replace the pipes',
  ])('"%s" reads negative', (text) => {
    expect(analyzeFeedback({ id: 'c', text, channel: 'social' }).sentiment.label).toBe('negative');
  });

  it.each([
    // Beside praise, the lexicon's balance decides: a conceded gripe does not outweigh the verdict.
    'We will definitely book with them again, although the transfer was slow and the food was cold',
    'the engineer shrugged off the rain and fixed it in minutes, brilliant',
    'water back on, thanks to the crew working through the night',
  ])('"%s" still reads positive', (text) => {
    expect(analyzeFeedback({ id: 'c', text, channel: 'social' }).sentiment.label).toBe('positive');
  });
});
