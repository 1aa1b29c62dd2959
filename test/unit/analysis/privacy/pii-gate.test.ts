import { describe, expect, it } from 'vitest';
import { piiView } from '../../../../lib/analysis/privacy/pii-view.js';
import { redactSegment } from '../../../../lib/analysis/privacy/redact-fields.js';
import { findPii, redactPii, truncateRedacted } from '../../../../lib/analysis/privacy/redact-pii.js';
import { canonical, leakedForms, PII_CORPUS } from '../../../support/pii-corpus.js';

describe('the redaction gate on the PII corpus', () => {
  it('holds at least 60 forms', () => {
    expect(PII_CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PII_CORPUS)('redacts $name inside a sentence', ({ form, secret }) => {
    const text = `Please call me on ${form} before Friday.`;
    // Invisible controls around an identifier may stay: they are not part of it.
    const redacted = redactPii(text).replace(/[\u202a-\u202e]/g, '');
    expect(canonical(redacted)).not.toContain(canonical(secret));
    // A name keeps its cue ("my name is [NAME]") and a number its label ("passport no. [ID]"): only
    // the name or number itself is personal data.
    expect(redacted).toMatch(
      /^Please call me on (?:my name is |Kind regards,\n|wa\.me\/|[A-Za-z][A-Za-z .:,]* )?\[(?:CARD|PHONE|EMAIL|IBAN|SSN|NINO|POSTCODE|NAME|ADDRESS|ID|DOB|HANDLE|SECRET)\](?: calling)? before Friday\.$/,
    );
  });

  it.each(PII_CORPUS)('redacts $name as a whole field (a segment value)', ({ form }) => {
    expect(leakedForms(redactPii(form))).toEqual([]);
  });

  it('finds nothing to redact in the corpus secrets once redacted: the gate is idempotent', () => {
    for (const { form } of PII_CORPUS) {
      const once = redactPii(form);
      expect(redactPii(once)).toBe(once);
    }
  });
});

describe('piiView', () => {
  it('maps every character of the view back to where it came from', () => {
    const original = 'a\u00a0b\u200bc\\u0040d  e';
    const view = piiView(original);
    expect(view.text).toBe('a bc@d e');
    expect(view.text.split('').map((_, i) => original.slice(view.starts[i], view.ends[i]))).toEqual([
      'a',
      '\u00a0',
      'b',
      'c',
      '\\u0040',
      'd',
      ' ',
      'e',
    ]);
  });

  it('leaves plain text alone', () => {
    expect(piiView('On hold for 45 minutes, order 12345678.').text).toBe(
      'On hold for 45 minutes, order 12345678.',
    );
  });
});

describe('redactPii keeps what is not an identifier', () => {
  it.each([
    'Order 12345678 arrived on 01/02/2024 after 45 minutes on hold',
    'Rated it 5 4 3 2 1 across the board',
    'Version 10.0.1.5 crashed twice — again – and again',
    'Ｔｈａｎｋｓ for the ２０% discount',
    'مرحبا ١٢ دقيقة',
    'The fee was £4.99 (was £12.50)',
    'Saved 20% (was 40%) on order 12345678, 100%25 sure',
    'Rated 9\n10 would recommend\n2024 was better',
    'Stuck on the M25 3PM, printed on A4 2AM, flight BA1 2PM',
    'Model SW1A1AA and ref ab12 3cd, waited 123 45 minutes',
    'I shopped at amazon dot com, ordered at amazon.co.uk and waited at home.It was late',
    'My name is not important, with regards to the 3 Way switch and 2 Dr appointments',
    'Their name is Bob; the call centre at Main Street was rude',
  ])('%s', (text) => {
    expect(redactPii(text)).toBe(text);
  });

  it('replaces only the original characters of an identifier, whatever the view changed around it', () => {
    expect(redactPii('Ｍｙ card: ４１１１ １１１１ １１１１ １１１１ ｔｈａｎｋｓ')).toBe(
      'Ｍｙ card: [CARD] ｔｈａｎｋｓ',
    );
  });

  it('finds identifiers in the query string of a link, percent-encoded', () => {
    expect(redactPii('https://shop.example/cb?email=jo.bloggs%40example.com&tel=%2B447700900123&x=1')).toBe(
      'https://shop.example/cb?email=[EMAIL]&tel=[PHONE]&x=1',
    );
  });

  it.each([
    ['write to john dot smith at gmail dot com please', 'write to [EMAIL] please'],
    ['email j.smith at example.co.uk today', 'email [EMAIL] today'],
    ["My name's Siobhán O'Neill and I waited", "My name's [NAME] and I waited"],
    ['name: Invalid input: expected string', 'name: Invalid input: expected string'],
    ['Flat 3, 12 High Street, Leeds LS1 4AP', 'Flat 3, [ADDRESS], Leeds [POSTCODE]'],
    ['Sincerely,\nJane Doe', 'Sincerely,\n[NAME]'],
    ["Kind regards,\nJ. O'Brien", 'Kind regards,\n[NAME]'],
    ['Cheers,\nDave Smith', 'Cheers,\n[NAME]'],
    ['Hi, this is Mark Jones calling about my bill', 'Hi, this is [NAME] calling about my bill'],
    ["I'm Sarah Lee, the account holder", "I'm [NAME], the account holder"],
    ['Good morning! I am Anne-Marie Okafor from flat 2', 'Good morning! I am [NAME] from flat 2'],
    // Title case that is no name: words the lexicons know, or a name that does not end there.
    ['This is Very Poor Service', 'This is Very Poor Service'],
    ['I am Very Disappointed.', 'I am Very Disappointed.'],
    ['Hello, I am Customer Service', 'Hello, I am Customer Service'],
    ['This is Notice that I dispute the debt', 'This is Notice that I dispute the debt'],
    ['the app is Great', 'the app is Great'],
    ['Still no refund. Thank you\r\nMaria', 'Still no refund. Thank you\r\n[NAME]'],
    ['Best,\n  Li Wei  \n', 'Best,\n  [NAME]  \n'],
    // A sign-off word not ending the message, or a line that is not a name, is left.
    ['Thanks, Tom, for sorting it', 'Thanks, Tom, for sorting it'],
    ['Thanks\nThe app still crashes', 'Thanks\nThe app still crashes'],
    ['Thanks,\nA frustrated customer', 'Thanks,\nA frustrated customer'],
  ])('finds personal data written in words: %s', (text, expected) => {
    expect(redactPii(text)).toBe(expected);
  });

  it('finds identifiers wrapped across lines', () => {
    expect(redactPii('call me on 07700\r\n900123 or\nwrite to jo.bloggs@\nexample.com\nthanks')).toBe(
      'call me on [PHONE] or\nwrite to [EMAIL]\nthanks',
    );
  });

  it('finds an identifier behind JSON escapes in a raw body', () => {
    expect(findPii('{"text":"\\u0034111111111111111"}')).toEqual([
      { start: 9, end: 30, placeholder: '[CARD]' },
    ]);
  });
});

describe('truncateRedacted', () => {
  it('cuts after redaction, so a cut cannot leave part of an identifier', () => {
    const body = `${'x'.repeat(1_990)} CUT.PERSON@EXAMPLE.COM and card 5105 1051 0510 5100`;
    const stored = truncateRedacted(redactPii(body), 2_000);
    expect(stored).toHaveLength(2_000);
    expect(stored).not.toContain('CUT.PERSON');
    expect(stored.slice(1_991)).toBe('[EMAIL] a');
  });
});

describe('redactSegment', () => {
  it('redacts every value of a segment and keeps the ordinary ones', () => {
    expect(
      redactSegment({
        department: 'Billing',
        agent: 'jane.doe@corp.example.com',
        product: 'card 4111 1111 1111 1111',
        team: 'Team +44 7700 900123',
      }),
    ).toEqual({ department: 'Billing', agent: '[EMAIL]', product: 'card [CARD]', team: 'Team [PHONE]' });
  });
});
