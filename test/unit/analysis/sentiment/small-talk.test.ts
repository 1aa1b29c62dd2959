import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { isSmallTalk } from '../../../../lib/analysis/sentiment/small-talk.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const label = (text: string, channel?: string) =>
  analyzeFeedback({ id: 'small-talk', text, ...(channel && { channel }) }).sentiment.label;

describe('isSmallTalk', () => {
  it.each([
    'thanks!',
    'Thank you so much',
    'ok lol',
    'good evening team',
    'no worries, will do',
    'DM sent',
    'sent you a DM',
    'thanks, DM sent with my account number',
    'sent my details and postcode',
    'ref QX48TZ',
    '12345',
    'None',
    'nil, see above',
    'see previous survey',
  ])('%j is small talk', (text) => {
    expect(isSmallTalk(tokenize(text))).toBe(true);
  });

  it.each([
    '',
    'good service',
    'thanks for nothing',
    'ok the refund arrived',
    'thanks :(',
    'lol the app crashed again',
    'nothing works',
    'none of the staff helped',
    'thanks, DM sent with my account number, still no reply',
    'my account is locked',
  ])('%j is not', (text) => {
    expect(isSmallTalk(tokenize(text))).toBe(false);
  });
});

describe('small talk is neutral in every channel', () => {
  it.each(['thanks!', 'ok lol', 'good morning', 'no worries', 'XK7P2Q', 'None', 'see previous survey'])(
    '%j',
    (text) => {
      expect(label(text, 'social')).toBe('neutral');
      expect(label(text)).toBe('neutral');
    },
  );

  it('keeps praise and complaints that come with a polite formula', () => {
    expect(label('thanks, the engineer was brilliant')).toBe('positive');
    expect(label('thanks for nothing, still no refund')).toBe('negative');
  });
});
