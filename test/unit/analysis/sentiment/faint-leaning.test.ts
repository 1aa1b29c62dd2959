import { describe, expect, it } from 'vitest';
import { readCommentText } from '../../../../lib/analysis/read-comment-text.js';
import { neutralIfFaintPraise } from '../../../../lib/analysis/sentiment/faint-leaning.js';
import type { SentimentEvidence } from '../../../../lib/analysis/sentiment/sentiment-features.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { builtInTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

const evidenceFrom = (family: SentimentEvidence['family'], symbols = 0) =>
  ({ family, symbols }) as SentimentEvidence;

describe('neutralIfFaintPraise', () => {
  it('reads one mild warm word in a social post as no verdict', () => {
    const result = neutralIfFaintPraise({ label: 'positive', score: 0.3 }, evidenceFrom('social'));
    expect(result.label).toBe('neutral');
    expect(result.score).toBeGreaterThan(0);
  });

  it('keeps clearer praise in a social post', () => {
    expect(neutralIfFaintPraise({ label: 'positive', score: 0.63 }, evidenceFrom('social')).label).toBe(
      'positive',
    );
  });

  it('keeps faint praise told with an emoji or emoticon: the writer chose it', () => {
    expect(neutralIfFaintPraise({ label: 'positive', score: 0.378 }, evidenceFrom('social', 1)).label).toBe(
      'positive',
    );
  });

  it('keeps a faint complaint a complaint', () => {
    expect(neutralIfFaintPraise({ label: 'negative', score: -0.2 }, evidenceFrom('social')).label).toBe(
      'negative',
    );
  });

  it.each(['survey', 'review', 'support', undefined] as const)('leaves the %s family alone', (family) => {
    expect(neutralIfFaintPraise({ label: 'positive', score: 0.3 }, evidenceFrom(family)).label).toBe(
      'positive',
    );
  });
});

describe('the rules alone read faint praise by channel', () => {
  const rules = (text: string, channel: string) =>
    readCommentText(text, tokenize(text), builtInTaxonomy, channel).evidence.rulesAlone.label;

  it('calls a post about free tickets news, and the same survey comment praise', () => {
    expect(rules('tickets are free this weekend', 'twitter')).toBe('neutral');
    expect(rules('tickets are free this weekend', 'survey')).toBe('positive');
  });

  it('keeps a post with a clear warm word praise', () => {
    expect(rules('the new lounge is great', 'twitter')).toBe('positive');
  });
});
