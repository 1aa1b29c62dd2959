import { describe, expect, it } from 'vitest';
import { hashtagWords, socialPartAt, unstretch } from '../../../../lib/analysis/text/social-parts.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const words = (text: string) => tokenize(text).map((token) => token.word);

describe('handles, URLs and hashtags in tokenize', () => {
  it.each([
    ['@united lost my bag', ['lost', 'my', 'bag']],
    ['thanks @Delta_Assist!', ['thanks']],
    ['@united_airlines @AmericanAir where is it', ['where', 'is', 'it']],
    ['see https://t.co/Ab12 for the photo', ['see', 'for', 'the', 'photo']],
    ['status at www.example.com/flights?id=9.', ['status', 'at']],
    ['HTTP://EXAMPLE.COM down again', ['down', 'again']],
  ])('%j reads as %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('keeps an e-mail address in words, so it is never mistaken for a handle', () => {
    expect(words('write to jo@united.com')).toEqual(['write', 'to', 'jo', 'united', 'com']);
  });

  it('reads the words of a hashtag with their place in the text', () => {
    const text = 'again #neverflyingagain';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['again', 'never', 'flying', 'again']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['again', 'never', 'flying', 'again']);
  });

  it.each([
    ['#FailWhale', ['fail', 'whale']],
    ['#CustomerServiceFail', ['customer', 'service', 'fail']],
    ['#NYCTrip', ['nyc', 'trip']],
    ['#worstairlineever', ['worst', 'airline', 'ever']],
    ['#delayed', ['delayed']],
    ['#zxqvbnm', ['zxqvbnm']],
    ['#1 fan', ['1', 'fan']],
  ])('%s reads as %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('splits a hashtag body by offsets, unknown runs staying whole', () => {
    const text = 'xx#BadServicezzqq';
    expect(hashtagWords(text, 3, text.length).map(([s, e]) => text.slice(s, e))).toEqual([
      'Bad',
      'Servicezzqq',
    ]);
  });

  it('takes no hostile or huge input badly', () => {
    expect(words('@'.repeat(1000))).toEqual([]);
    expect(words('#'.repeat(1000))).toEqual([]);
    expect(words(`#${'a'.repeat(5000)}`)).toHaveLength(1);
    expect(tokenize('http:// www. @ #').some((token) => token.lexeme.symbol)).toBe(false);
    expect(socialPartAt('', 0)).toBeUndefined();
  });
});

describe('emoticons and emoji in tokenize', () => {
  it.each([
    ['great flight :)', ['great', 'flight', ':)']],
    ['lost my bag :-(', ['lost', 'my', 'bag', ':-(']],
    ['love you guys <3', ['love', 'you', 'guys', '<3']],
    ['so funny :D', ['so', 'funny', ':d']],
    ['nice:)', ['nice', ':)']],
    ['ok :/ whatever', ['ok', ':/', 'whatever']],
  ])('%j reads as %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each(['meet at 10:30', 'see (a) and (b)', 'ratio 3:1', 'Note:Please'])('finds no face in %j', (text) => {
    expect(tokenize(text).some((t) => t.lexeme.symbol)).toBe(false);
  });

  it('never negates an emoticon or emoji: "not again :(" stays sad', () => {
    const tokens = tokenize('not again :( not 😡');
    expect(tokens.filter((t) => t.lexeme.symbol).map((t) => t.negated)).toEqual([false, false]);
  });

  it('ends the clause at an emoticon, as the punctuation it is made of would', () => {
    const [before, face, after] = tokenize('awful :( still waiting').map((t) => t.clause);
    expect(face).toBe(before);
    expect(after).toBe((before as number) + 1);
  });
});

describe('unstretch', () => {
  it.each([
    ['sooo', 'so'],
    ['gooood', 'good'],
    ['pleeeease', 'please'],
    ['noooo', 'no'],
    ['baaaad', 'bad'],
    ['good', 'good'],
    ['zzzzz', 'zz'],
  ])('%s -> %s', (stretched, word) => {
    expect(unstretch(stretched)).toBe(word);
  });

  it('gives tokens the word, marked as stretched', () => {
    const [token] = tokenize('Gooood');
    expect(token?.word).toBe('good');
    expect(token?.lexeme.stretched).toBe(true);
  });
});
