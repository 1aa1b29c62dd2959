import { describe, expect, it } from 'vitest';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { matchThemes } from '../../../../lib/analysis/themes/match-themes.js';
import { builtInTaxonomy, loadTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

function themesOf(text: string) {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return matchThemes(text, tokens, builtInTaxonomy, lexical.clauseValence, 'neutral');
}

function theme(text: string, id: string) {
  return themesOf(text).find((match) => match.id === id);
}

// Each row: a comment that must raise the theme, with the sentiment the theme must carry.
const mentions: ReadonlyArray<readonly [id: string, text: string, sentiment: string]> = [
  ['wait_time', 'I waited on hold for 45 minutes', 'negative'],
  ['wait_time', 'The queue to speak to someone was ridiculously long', 'negative'],
  ['wait_time', 'Took ages to answer the phone', 'negative'],
  ['wait_time', 'Phone was answered quickly and politely', 'positive'],
  ['delay', 'My parcel arrived three days late', 'negative'],
  ['delay', 'Installation was delayed twice', 'negative'],
  ['delay', 'Took 7 weeks just to get broadband fitted', 'negative'],
  ['delay', 'Our flight was delayed by 5 hours', 'negative'],
  ['delay', 'Delivered on time and well packed', 'positive'],
  ['cancellation', 'They cancelled my order without telling me', 'negative'],
  ['cancellation', 'The engineer appointment was cancelled the night before', 'negative'],
  ['cancellation', 'Our flight got cancelled at the gate', 'negative'],
  ['repeat_contact', "This is the third time I've called about this", 'negative'],
  ['repeat_contact', 'I have called 5 times and emailed twice', 'negative'],
  ['repeat_contact', 'I had to keep chasing them for an answer', 'negative'],
  ['repeat_contact', 'Had to repeat my story to every person', 'negative'],
  ['unresolved', 'The fault is still not fixed', 'negative'],
  ['unresolved', 'Three weeks on and nobody has resolved my issue', 'negative'],
  ['unresolved', 'It still does not work', 'negative'],
  ['resolution', 'Problem was fixed first time', 'positive'],
  ['resolution', 'She sorted everything out in one call', 'positive'],
  ['unresolved', 'They never resolved the problem', 'negative'],
  ['transfer', 'I was transferred 4 times', 'negative'],
  ['transfer', 'Passed from pillar to post', 'negative'],
  ['transfer', 'Kept being passed around different departments', 'negative'],
  ['callback', 'Nobody called me back', 'negative'],
  ['callback', 'They promised to call me back and never did', 'negative'],
  ['callback', 'Please can someone ring me back', 'neutral'],
  ['phone_menu', 'The automated system kept sending me round in circles', 'negative'],
  ['phone_menu', 'Press 1 for this, press 2 for that, I just wanted to speak to a real person', 'negative'],
  ['agent_attitude', 'The agent was rude and hung up on me', 'negative'],
  ['agent_attitude', 'The lady on the phone was lovely and very patient', 'positive'],
  ['agent_attitude', 'Our waiter was friendly and attentive', 'positive'],
  ['agent_attitude', 'Staff could not care less', 'negative'],
  ['agent_knowledge', 'The advisor clearly had no idea what he was doing', 'negative'],
  ['agent_knowledge', 'Every person gave me conflicting information', 'negative'],
  ['agent_knowledge', 'Very knowledgeable engineer who explained everything', 'positive'],
  ['communication', 'No communication at all about the delay', 'negative'],
  ['communication', 'Kept me informed at every step', 'positive'],
  ['communication', 'I was never told the date had changed', 'negative'],
  ['billing', 'I was charged twice this month', 'negative'],
  ['billing', 'My first bill was wrong', 'negative'],
  ['refund', 'Still waiting for my refund after 3 weeks', 'negative'],
  ['refund', 'Refund came through within two days, great', 'positive'],
  ['price_value', 'Good value for money', 'positive'],
  ['price_value', 'Far too expensive for what you get', 'negative'],
  ['product_quality', 'The router was faulty from day one', 'negative'],
  ['product_quality', 'My internet keeps dropping out', 'negative'],
  ['product_quality', 'The food was delicious', 'positive'],
  ['lost_or_damaged', 'They lost my luggage', 'negative'],
  ['lost_or_damaged', 'The parcel arrived damaged', 'negative'],
  ['lost_or_damaged', 'My order never arrived', 'negative'],
  ['booking', 'Could not complete my order online', 'negative'],
  ['booking', 'Booking was quick and easy', 'positive'],
  ['appointment', "The engineer didn't turn up", 'negative'],
  ['appointment', 'Took a day off work and nobody came', 'negative'],
  ['appointment', 'They rescheduled my appointment three times', 'negative'],
  ['digital_experience', "I couldn't log in to the app", 'negative'],
  ['digital_experience', 'The website is easy to use', 'positive'],
  ['churn_threat', 'I will be cancelling my contract', 'negative'],
  ['churn_threat', "I'm switching to another provider", 'negative'],
  ['churn_threat', 'Will never use you again', 'negative'],
  ['installation', 'Installation was quick and the engineer tidy', 'positive'],
  ['ease_of_process', 'Very easy process from start to finish', 'positive'],
  ['ease_of_process', 'The whole thing was complicated and confusing', 'negative'],
];

// Each row: a comment that must NOT raise the theme (negation, other senses of the cue words).
const nonMentions: ReadonlyArray<readonly [id: string, text: string]> = [
  ['wait_time', "I didn't have to wait"],
  ['cancellation', 'I want to cancel my contract'],
  ['repeat_contact', 'Sorted on my first call'],
  ['unresolved', 'Everything was resolved quickly'],
  ['transfer', 'Spoke to one person who handled it all'],
  ['callback', 'Great service from the shop'],
  ['agent_attitude', 'The website was helpful'],
  ['agent_knowledge', 'Easy to set up'],
  ['billing', 'Great broadband speed'],
  ['refund', 'Delivered quickly'],
  ['lost_or_damaged', 'Everything arrived in perfect condition'],
  ['appointment', 'Ordered online in five minutes'],
  ['churn_threat', 'I would not hesitate to recommend you to anyone'],
  ['churn_threat', 'Will definitely use you again'],
  ['digital_experience', 'The engineer was on time'],
  ['phone_menu', 'The staff were lovely'],
];

// Each row: a comment that may mention the theme but must not read as a complaint about it.
const notComplaints: ReadonlyArray<readonly [id: string, text: string]> = [
  ['wait_time', 'No wait at all, answered straight away'],
  ['wait_time', 'Short wait and a helpful agent'],
  ['delay', 'Everything arrived on time'],
  ['delay', 'No delays whatsoever'],
  ['billing', 'Billing is clear and simple'],
  ['agent_attitude', 'Nobody was rude to me'],
];

describe('matchThemes with the built-in CX taxonomy', () => {
  it.each(mentions)('%s in "%s" (%s)', (id, text, sentiment) => {
    const match = theme(text, id);
    expect(
      match,
      `themes found: ${themesOf(text)
        .map((m) => m.id)
        .join(', ')}`,
    ).toBeDefined();
    expect(match?.sentiment).toBe(sentiment);
    expect(match?.evidence.length).toBeGreaterThan(0);
    for (const words of match?.evidence ?? []) expect(text).toContain(words);
  });

  it.each(nonMentions)('no %s in "%s"', (id, text) => {
    expect(theme(text, id)).toBeUndefined();
  });

  it.each(notComplaints)('%s in "%s" is not a complaint', (id, text) => {
    expect(theme(text, id)?.sentiment ?? 'absent').not.toBe('negative');
  });

  it('gives the triggering words as evidence, in text order', () => {
    const match = theme('On hold for an hour, then on hold again', 'wait_time');
    expect(match?.evidence).toEqual(['On hold', 'on hold']);
  });

  it('covers every theme id the product promises', () => {
    const ids = builtInTaxonomy.themes.map((t) => t.id);
    for (const id of [
      'wait_time',
      'delay',
      'cancellation',
      'repeat_contact',
      'unresolved',
      'transfer',
      'callback',
      'phone_menu',
      'agent_attitude',
      'agent_knowledge',
      'communication',
      'billing',
      'refund',
      'price_value',
      'product_quality',
      'lost_or_damaged',
      'booking',
      'appointment',
      'digital_experience',
      'resolution',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('finds nothing in text with no cue words', () => {
    expect(themesOf('Polyester?')).toEqual([]);
    expect(themesOf('')).toEqual([]);
  });

  it("reaches each sequence's second word within that cue's own window, however many cues share a first word", () => {
    // Four cues start on any negator, so a negator is matched through the shared look-ahead.
    const taxonomy = loadTaxonomy({
      name: 'windows',
      version: '1',
      themes: [
        {
          id: 'near_fix',
          label: 'Fix',
          group: 'g',
          cues: [{ pattern: 'NEG fixed', window: 0, negatable: false }],
        },
        {
          id: 'far_fix',
          label: 'Far fix',
          group: 'g',
          cues: [{ pattern: 'NEG repaired', window: 3, negatable: false }],
        },
        {
          id: 'call',
          label: 'Call',
          group: 'g',
          cues: [{ pattern: 'NEG called', window: 1, negatable: false }],
        },
        {
          id: 'prefix',
          label: 'Prefix',
          group: 'g',
          cues: [{ pattern: 'NEG refund*', window: 2, negatable: false }],
        },
        {
          // Wider than any cue starting on a negator: the look-ahead reads each word's own widest.
          id: 'lost',
          label: 'Lost',
          group: 'g',
          cues: [
            { pattern: 'parcel lost', window: 5, negatable: false },
            { pattern: 'parcel late', window: 0, negatable: false },
            { pattern: 'parcel damaged', window: 1, negatable: false },
          ],
        },
      ],
    });
    const found = (text: string) => {
      const tokens = tokenize(text);
      const lexical = scoreLexicalSentiment(text, tokens);
      return matchThemes(text, tokens, taxonomy, lexical.clauseValence, 'neutral').map((t) => t.id);
    };
    expect(found('not fixed')).toEqual(['near_fix']);
    expect(found('not really fixed')).toEqual([]);
    expect(found('not one bit properly repaired')).toEqual(['far_fix']);
    expect(found('not one little bit properly repaired')).toEqual([]);
    expect(found('never once called')).toEqual(['call']);
    expect(found('never once even called')).toEqual([]);
    expect(found('no sign of a refund')).toEqual([]);
    expect(found('no sign of refunds')).toEqual(['prefix']);
    expect(found('not fixed. repaired')).toEqual(['near_fix']);
    expect(found('not called and never fixed')).toEqual(['near_fix', 'call']);
    expect(found('parcel one two three four five lost')).toEqual(['lost']);
    expect(found('parcel one two three four five six lost')).toEqual([]);
    expect(found('not one two three four repaired')).toEqual([]);
  });

  it('never rules out a sequence whose second word may be any word', () => {
    // "best" starts three sequences, so their second words are looked ahead for; `*` is every word.
    const taxonomy = loadTaxonomy({
      name: 'any',
      version: '1',
      themes: [
        { id: 'praise', label: 'Praise', group: 'g', cues: ['best *'] },
        { id: 'staff', label: 'Staff', group: 'g', cues: ['best waiter', 'best barista'] },
      ],
    });
    const found = (text: string) => {
      const tokens = tokenize(text);
      const lexical = scoreLexicalSentiment(text, tokens);
      return matchThemes(text, tokens, taxonomy, lexical.clauseValence, 'neutral').map((t) => t.id);
    };
    expect(found('the best croissant')).toEqual(['praise']);
    expect(found('the best waiter')).toEqual(['praise', 'staff']);
    expect(found('the best')).toEqual([]);
  });
});

describe('matchThemes sorts the hits of all themes in one list', () => {
  // Cues of three themes alternate in the text; each theme must come out once, in taxonomy order,
  // with its evidence in reading order, as many hits as a comment has.
  const fruit = loadTaxonomy({
    name: 'fruit',
    version: '1',
    themes: [
      { id: 'plum', label: 'Plum', group: 'g', cues: [{ pattern: 'plum' }, { pattern: 'plum jam' }] },
      { id: 'pear', label: 'Pear', group: 'g', cues: [{ pattern: 'pear' }] },
      { id: 'fig', label: 'Fig', group: 'g', cues: [{ pattern: 'fig' }] },
    ],
  });

  function evidenceOf(text: string) {
    const tokens = tokenize(text);
    const lexical = scoreLexicalSentiment(text, tokens);
    return matchThemes(text, tokens, fruit, lexical.clauseValence, 'neutral').map((match) => [
      match.id,
      match.evidence,
    ]);
  }

  it('gives themes in taxonomy order and evidence in text order, the longer of two hits on a word', () => {
    expect(evidenceOf('A fig, a pear and plum jam. Then Pear and Plum.')).toEqual([
      ['plum', ['plum jam', 'Plum']],
      ['pear', ['pear', 'Pear']],
      ['fig', ['fig']],
    ]);
  });

  it('keeps that order with more hits than a comment usually has', () => {
    const text = Array.from({ length: 10 }, (_, n) => `fig ${n} pear plum jam`).join('. ');
    expect(evidenceOf(text)).toEqual([
      ['plum', Array.from({ length: 10 }, () => 'plum jam')],
      ['pear', Array.from({ length: 10 }, () => 'pear')],
      ['fig', Array.from({ length: 10 }, () => 'fig')],
    ]);
  });

  it("counts a clause's valence once however many of a theme's hits stand in it", () => {
    // Two plum hits in one mildly bad clause: counted twice, the clause would turn the theme negative.
    const text = 'plum and plum again, slightly disappointing';
    const tokens = tokenize(text);
    const clause = (tokens[0] as { clause: number }).clause;
    const valence = new Map([[clause, -0.3]]);
    const [plum] = matchThemes(text, tokens, fruit, valence, 'positive');
    expect(plum?.evidence).toEqual(['plum', 'plum']);
    expect(plum?.sentiment).toBe('positive');
  });
});
