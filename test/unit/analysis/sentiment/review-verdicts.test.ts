import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const label = (text: string, channel?: string) =>
  analyzeFeedback({ id: 'verdict', text, ...(channel ? { channel } : {}) }).sentiment.label;

describe('what the customer will do next is the verdict', () => {
  it.each([
    'would fly them again',
    'will definitely fly with them again, the crew were lovely though the food was cold and we left late',
    'I would use this company again',
    'would buy from them again without a second thought',
    'will definitely shop there again',
  ])('%j is positive', (text) => {
    expect(label(text)).toBe('positive');
  });

  it.each([
    'I would not fly them again',
    'never use them again',
    "won't book with them again",
    'Never renting from them again.',
  ])('%j is negative', (text) => {
    expect(label(text)).toBe('negative');
  });
});

describe('praise of a competitor is a complaint', () => {
  it.each([
    'Delta is so much better than you',
    'Southwest treats people better than you do',
    'you guys are better than this',
  ])('%j is negative', (text) => {
    expect(label(text, 'social')).toBe('negative');
  });

  it.each(['better than ever', 'the new app is better than expected'])('%j stays positive', (text) => {
    expect(label(text, 'social')).toBe('positive');
  });
});

describe('time stuck, told by where the customer still is', () => {
  it.each(['we are still at the gate', 'still on the tarmac, no update', 'still on hold'])(
    '%j is negative',
    (text) => {
      expect(label(text, 'social')).toBe('negative');
    },
  );
});

describe('praise said by denying a complaint, and a first-time fix', () => {
  it.each(["couldn't have asked for more", 'nothing to complain about', 'no complaints', 'fixed first time'])(
    '%j is positive',
    (text) => {
      expect(label(text)).toBe('positive');
    },
  );
});

describe('a reply that is no reply', () => {
  it.each(["that's not an answer", "you didn't answer my question", 'my question still not answered'])(
    '%j is negative',
    (text) => {
      expect(label(text, 'social')).toBe('negative');
    },
  );

  it('an answer given is no complaint', () => {
    expect(label('they answered my question about the fee')).not.toBe('negative');
  });
});

describe('a service that is down and money asked back', () => {
  it.each([
    'ur website is down AGAIN',
    'the app was down all morning',
    'systems are down so nobody could help',
    'your app has been down since 9am and I cannot pay my rent',
    'received the wrong size twice now, third time lucky?',
    'sort yourselves out',
    'I want my money back',
    'thx for nothing',
    'thank you for nothing',
  ])('%j is negative', (text) => {
    expect(label(text, 'social')).toBe('negative');
  });

  it.each(['the price is down this month', 'wait times are down, nice', 'I got my money back quickly'])(
    '%j is not negative: only a service goes down',
    (text) => {
      expect(label(text, 'social')).not.toBe('negative');
    },
  );
});

describe('not doing what the service is for', () => {
  it.each(['the manager refused to help', 'the agent refuses to refund me', 'they refused to cancel it'])(
    '%j is negative',
    (text) => {
      expect(label(text)).toBe('negative');
    },
  );

  it.each(["wouldn't hesitate to book again", 'would not hesitate to recommend them'])(
    '%j is positive: the denied doubt is the recommendation',
    (text) => {
      expect(label(text)).toBe('positive');
    },
  );
});

describe('a score outside the scale, and a verdict in the middle', () => {
  it.each(['Would give 0 if I could', 'I would give zero stars', '0 stars, avoid'])(
    '%j is negative',
    (text) => {
      expect(label(text, 'review')).toBe('negative');
    },
  );

  it.each(['not great not terrible', 'not great, not terrible', 'not the best not the worst'])(
    '%j is neutral',
    (text) => {
      expect(label(text, 'survey')).toBe('neutral');
    },
  );

  it.each(['not good, not bad', 'neither good nor bad'])('%j holds no praise and no complaint', (text) => {
    const lexical = scoreLexicalSentiment(text, tokenize(text));
    expect([lexical.positive, lexical.negative]).toEqual([0, 0]);
  });
});

describe('effort the customer should not have spent', () => {
  it.each([
    'too many steps to update my address online',
    'why do I need to print, sign and post a form',
    "couldn't find how to cancel anywhere on the website",
    'the chatbot kept sending me in circles',
  ])('%j is negative', (text) => {
    expect(label(text, 'survey')).toBe('negative');
  });

  it('"not too many steps" is no complaint', () => {
    expect(label('not too many steps, quick and easy', 'survey')).not.toBe('negative');
  });
});

describe('agent notes', () => {
  it('a missed visit that cost a day off work is a complaint, its goodwill credit no praise', () => {
    expect(
      label(
        'Engineer missed appt again, cust took day off work. Rebooked for Tues, goodwill credit applied.',
        'support',
      ),
    ).toBe('negative');
  });
});

describe('relief and a clean record', () => {
  it.each(["finally someone who knows what they're doing, thanks Gary", 'Sorted it out in minutes, thanks'])(
    '%j is positive',
    (text) => {
      expect(label(text, 'social')).toBe('positive');
    },
  );

  it('"never had an issue in 5 years" is praise', () => {
    expect(label('never had an issue with them in 5 years', 'survey')).toBe('positive');
  });

  it('"finally" after a wait stays the wait', () => {
    expect(label('finally got through after 2 hours', 'social')).toBe('negative');
  });
});

describe('a place held given to someone else', () => {
  it.each([
    'They gave away our room even though we had a confirmed booking',
    'the host gave our table away',
    'they sold my seat to someone else',
  ])('%j is negative', (text) => {
    expect(label(text, 'review')).toBe('negative');
  });

  it('a gift given away is no complaint', () => {
    expect(label('they gave away a free dessert with every main', 'review')).not.toBe('negative');
  });
});

describe('what is owed and not there', () => {
  it.each([
    'my points were not credited',
    'my refund has not arrived',
    'missed my connection',
    'we missed our connecting flight in Denver',
  ])('%j is negative on the social channel too', (text) => {
    expect(label(text, 'social')).toBe('negative');
  });

  it.each(['the engineer arrived', 'my refund arrived today'])('%j is no complaint', (text) => {
    expect(label(text, 'social')).not.toBe('negative');
  });
});
