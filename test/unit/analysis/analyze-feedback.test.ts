import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import { analyzerVersion } from '../../../lib/analysis/analyzer-version.js';
import { loadTaxonomy } from '../../../lib/analysis/themes/theme-taxonomy.js';
import type { FeedbackMessage } from '../../../lib/feedback/feedback-message.js';

function analyze(text: string, extra: Partial<FeedbackMessage> = {}) {
  return analyzeFeedback({ id: 'fb-1', text, ...extra });
}

describe('analyzeFeedback', () => {
  // The result is built a field at a time (see analyze-feedback.ts), so the compiler does not check that
  // every field is there; this does, and pins the order the JSON output is written in.
  it('gives every field of an analysis, the optional ones only when they apply, in a fixed order', () => {
    const required = ['id', 'analyzerVersion', 'language', 'languageConfidence', 'textAnalysed'];
    const plain = analyze('The engineer was late and rude');
    expect(Object.keys(plain)).toEqual([
      ...required,
      'sentiment',
      'themes',
      'mainTheme',
      'signals',
      'mismatch',
      'followUp',
      'redactedText',
    ]);
    const scored = analyze('ok I suppose', { score: 3, scale: 'nps' });
    expect(Object.keys(scored)).toEqual([
      ...required,
      'sentiment',
      'themes',
      'signals',
      'nps',
      'mismatch',
      'followUp',
      'redactedText',
    ]);
  });

  it.each([
    ['I waited on hold for 45 minutes'],
    ["Third time I've called about this"],
    ['Not happy at all. Nobody called me back.'],
    ['Engineer never turned up and nobody rang to explain'],
    ['I was transferred 4 times and still no answer'],
    ["I'm cancelling my account and switching to another provider"],
    ['Still waiting for my refund after 3 weeks'],
  ])('reads the CX complaint "%s" as negative', (text) => {
    expect(analyze(text).sentiment.label).toBe('negative');
  });

  it.each([
    ['Quick and easy, sorted first time'],
    ['The agent was lovely and fixed it in one call'],
    ['No problems at all, great service'],
  ])('reads "%s" as positive', (text) => {
    expect(analyze(text).sentiment.label).toBe('positive');
  });

  it('returns the contract fields for a full message', () => {
    const result = analyze('On hold for 45 minutes, third time I have called. Email me at jo@example.com', {
      score: 2,
      scale: 'nps',
    });
    expect(result.id).toBe('fb-1');
    expect(result.analyzerVersion).toBe(analyzerVersion);
    expect(result.language).toBe('en');
    expect(result.textAnalysed).toBe(true);
    expect(result.nps).toEqual({ category: 'detractor', score: 2 });
    expect(result.themes.map((t) => t.id)).toEqual(expect.arrayContaining(['wait_time', 'repeat_contact']));
    expect(result.signals.waitMinutes).toBe(45);
    expect(result.signals.contactCount).toBe(3);
    expect(result.followUp.required).toBe(true);
    expect(result.followUp.reasons).toEqual(expect.arrayContaining(['detractor', 'repeat_contact:3']));
    expect(result.redactedText).toBe('On hold for 45 minutes, third time I have called. Email me at [EMAIL]');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('redacts identifiers inside theme and signal evidence, not only in the stored text', () => {
    const result = analyzeFeedback({
      id: 'fb-pii',
      text: 'I waited on 07700 900123 for 2 hours. Long 07700900123 wait',
    });
    expect(result.signals.evidence.waitMinutes).toBe('waited on [PHONE] for 2 hours');
    expect(result.themes.find((t) => t.id === 'wait_time')?.evidence).toContain('Long [PHONE] wait');
    expect(JSON.stringify(result)).not.toMatch(/07700/);
  });

  it('redacts the part of an identifier that evidence cuts off', () => {
    const result = analyzeFeedback({
      id: 'fb-pii-2',
      text: 'Useless, I am switching to Joe.Bloggs@example.com',
    });
    expect(result.signals.evidence.churn_risk).toBe('switching to [EMAIL]');
    expect(JSON.stringify(result)).not.toMatch(/joe|bloggs/i);
  });

  it.each(['10', '4', '0', '5/10', '!!!', '...'])(
    'reads a comment with no words (%j) as neutral, whatever the model learnt from numbers',
    (text) => {
      const result = analyze(text, { score: 9 });
      expect(result.sentiment).toEqual({ label: 'neutral', score: 0 });
      expect(result.mismatch).toBe(false);
    },
  );

  it('still reads emoji in a comment with no words', () => {
    expect(analyze('😡😡').sentiment.label).toBe('negative');
    expect(analyze('👍').sentiment.label).toBe('positive');
  });

  it('maps CSAT and CES scores to their bands', () => {
    expect(analyze('fine', { score: 2, scale: 'csat' }).csat).toEqual({ category: 'dissatisfied', score: 2 });
    expect(analyze('fine', { score: 6, scale: 'ces' }).ces).toEqual({ category: 'low_effort', score: 6 });
    expect(analyze('fine', { score: 6, scale: 'ces' }).nps).toBeUndefined();
  });

  it('flags a promoter score with an angry comment as a mismatch', () => {
    expect(
      analyze('Absolutely appalling, worst service ever, nobody called me back', { score: 10 }).mismatch,
    ).toBe(true);
    expect(analyze('Absolutely brilliant, best service ever', { score: 10 }).mismatch).toBe(false);
  });

  it('requires follow-up for a clearly negative comment with no score, and for churn from a promoter', () => {
    expect(analyze('Appalling. Third time I have called and still not fixed.').followUp.reasons).toContain(
      'negative_text',
    );
    const churn = analyze("Great so far but I'm switching to another provider next month", { score: 9 });
    expect(churn.followUp.required).toBe(true);
    expect(churn.followUp.reasons).toContain('churn_risk');
  });

  it('gives a CSAT of 1 the reason dissatisfied and a CES of 1 the reason high_effort, not detractor', () => {
    expect(analyze('ok', { score: 1, scale: 'csat' }).followUp.reasons).toEqual(['dissatisfied']);
    expect(analyze('ok', { score: 1, scale: 'ces' }).followUp.reasons).toEqual(['high_effort']);
  });

  it('does not force English rules onto other languages', () => {
    const result = analyze('El técnico no vino y nadie me llamó, estoy muy enfadado con el servicio', {
      score: 1,
    });
    expect(result.language).toBe('es');
    expect(result.textAnalysed).toBe(false);
    expect(result.themes).toEqual([]);
    expect(result.sentiment).toEqual({ label: 'neutral', score: 0 });
    // The score still speaks: a detractor is followed up in any language.
    expect(result.followUp.reasons).toEqual(['detractor']);
  });

  it.each([
    ['', { score: 9 }],
    ['😡😡😡', {}],
    ['<script>alert("x")</script><p>Terrible <b>service</b></p>', {}],
    ['\u0000\u0007 control \u001b characters', {}],
    ['Service was fine. '.repeat(6000), {}],
    ['؟ لماذا لم يتصل بي أحد', {}],
    ['配達が三日も遅れました', {}],
  ] as const)('handles odd input %#', (text, extra) => {
    const result = analyze(text, extra);
    expect(['negative', 'neutral', 'positive']).toContain(result.sentiment.label);
    expect(result.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(result.sentiment.score).toBeLessThanOrEqual(1);
    expect(result.followUp.priority).toBeGreaterThanOrEqual(0);
    expect(result.followUp.priority).toBeLessThanOrEqual(100);
  });

  it('reads HTML comments by their words, not their markup', () => {
    const result = analyze('<p>Terrible <b>service</b>, on hold for an hour</p>');
    expect(result.sentiment.label).toBe('negative');
    expect(result.themes.map((t) => t.id)).toContain('wait_time');
    expect(result.redactedText).toContain('<p>');
  });

  it('is deterministic', () => {
    const text = 'Transferred three times, then cut off. Billing is wrong again.';
    expect(analyze(text)).toEqual(analyze(text));
  });

  it('uses a custom taxonomy when given one, extending the built-in themes', () => {
    const taxonomy = loadTaxonomy({
      name: 'airline',
      version: '1',
      mode: 'extend',
      themes: [
        {
          id: 'baggage_fees',
          label: 'Baggage fees',
          group: 'money',
          defaultSentiment: 'negative',
          cues: ['bag|baggage|luggage fee|fees'],
        },
      ],
    });
    const result = analyzeFeedback(
      { id: 'x', text: 'Outrageous baggage fees and a long wait' },
      { taxonomy },
    );
    const ids = result.themes.map((t) => t.id);
    expect(ids).toContain('baggage_fees');
    expect(ids).toContain('wait_time');
    expect(result.themes.find((t) => t.id === 'baggage_fees')?.evidence).toEqual(['baggage fees']);
  });
});
