import { describe, expect, it } from 'vitest';
import {
  findPii,
  isValidIban,
  passesLuhnCheck,
  redactExcerpt,
  redactPii,
} from '../../../../lib/analysis/privacy/redact-pii.js';

interface Row {
  input: string;
  expected: string;
}

describe('passesLuhnCheck', () => {
  it.each([
    { digits: '4111111111111111', expected: true },
    { digits: '378282246310005', expected: true },
    { digits: '5555555555554444', expected: true },
    { digits: '30569309025904', expected: true },
    { digits: '4222222222222', expected: true },
    { digits: '6011000000000000001', expected: true },
    { digits: '79927398713', expected: true },
    { digits: '4111111111111112', expected: false },
    { digits: '1234567812345678', expected: false },
    { digits: '79927398710', expected: false },
    { digits: '0', expected: false },
    { digits: '', expected: false },
    { digits: '4111 1111 1111 1111', expected: false },
    { digits: '4111-1111-1111-1111', expected: false },
  ])('$digits -> $expected', ({ digits, expected }) => {
    expect(passesLuhnCheck(digits)).toBe(expected);
  });
});

describe('isValidIban', () => {
  it.each([
    { iban: 'GB82WEST12345698765432', expected: true },
    { iban: 'GB82 WEST 1234 5698 7654 32', expected: true },
    { iban: 'gb82 west 1234 5698 7654 32', expected: true },
    { iban: 'DE89370400440532013000', expected: true },
    { iban: 'FR1420041010050500013M02606', expected: true },
    { iban: 'NL91ABNA0417164300', expected: true },
    { iban: 'BE68539007547034', expected: true },
    { iban: 'GB82WEST12345698765433', expected: false },
    { iban: 'GB28WEST12345698765432', expected: false },
    { iban: 'GB82-WEST-1234-5698-7654-32', expected: false },
    { iban: 'GB82WEST', expected: false },
    { iban: '82GBWEST12345698765432', expected: false },
    { iban: '', expected: false },
  ])('$iban -> $expected', ({ iban, expected }) => {
    expect(isValidIban(iban)).toBe(expected);
  });
});

describe('redactPii', () => {
  const emails: Row[] = [
    { input: 'Email me at jane.doe@example.com please', expected: 'Email me at [EMAIL] please' },
    { input: 'JOHN.SMITH+orders@Mail.Example.co.uk', expected: '[EMAIL]' },
    { input: "o'brien_2@example.ie wrote", expected: '[EMAIL] wrote' },
    { input: 'Write to müller@beispiel.de.', expected: 'Write to [EMAIL].' },
    {
      input: '(jane@example.com), <jane@example.com>; "jane@example.com"',
      expected: '([EMAIL]), <[EMAIL]>; "[EMAIL]"',
    },
    { input: '<a href="mailto:x@y.com">x@y.com</a>', expected: '<a href="mailto:[EMAIL]">[EMAIL]</a>' },
    { input: 'me at &lt;john@x.com&gt;', expected: 'me at &lt;[EMAIL]&gt;' },
    { input: 'jane@example.com and bob@example.org', expected: '[EMAIL] and [EMAIL]' },
    { input: 'x@localhost and @someone on twitter', expected: 'x@localhost and @someone on twitter' },
  ];

  const phones: Row[] = [
    { input: 'Call +44 20 7946 0958.', expected: 'Call [PHONE].' },
    { input: 'Call me on +1 (555) 123-4567!', expected: 'Call me on [PHONE]!' },
    { input: '+44 (0)20 7946 0958', expected: '[PHONE]' },
    { input: '(+44) 20 7946 0958', expected: '[PHONE]' },
    { input: '0044 20 7946 0958', expected: '[PHONE]' },
    { input: 'mobile 07700 900123, landline 020 7946 0958', expected: 'mobile [PHONE], landline [PHONE]' },
    { input: '(020) 7946 0958', expected: '[PHONE]' },
    { input: '020-7946-0958', expected: '[PHONE]' },
    { input: '(555) 123-4567', expected: '[PHONE]' },
    { input: '555-123-4567', expected: '[PHONE]' },
    { input: '555.123.4567', expected: '[PHONE]' },
    { input: '555 123 4567', expected: '[PHONE]' },
    { input: '1-555-123-4567', expected: '[PHONE]' },
    { input: 'ring 07700900123 now', expected: 'ring [PHONE] now' },
    { input: '0123456789', expected: '[PHONE]' },
    { input: '+447700900123', expected: '[PHONE]' },
    { input: '<a href="tel:+442079460958">call</a>', expected: '<a href="tel:[PHONE]">call</a>' },
    { input: '07700 900123 07700 900124', expected: '[PHONE] [PHONE]' },
    { input: 'Appelez le 06 12 34 56 78, merci', expected: 'Appelez le [PHONE], merci' },
  ];

  const cards: Row[] = [
    { input: 'card 4111 1111 1111 1111 thanks', expected: 'card [CARD] thanks' },
    { input: '4111-1111-1111-1111', expected: '[CARD]' },
    { input: 'Card: 4111111111111111, exp 12/25', expected: 'Card: [CARD], exp 12/25' },
    { input: 'Amex 3782 822463 10005.', expected: 'Amex [CARD].' },
    { input: '378282246310005', expected: '[CARD]' },
    { input: 'Diners 3056 930902 5904', expected: 'Diners [CARD]' },
    { input: '5555 5555 5555 4444', expected: '[CARD]' },
    { input: '4222222222222', expected: '[CARD]' },
    { input: '6011 0000 0000 0000 001', expected: '[CARD]' },
    { input: '4111 1111 1111 1111 123', expected: '[CARD] 123' },
    { input: '4111 1111 1111 1111 1225', expected: '[CARD] 1225' },
    { input: 'ref 1234 4111 1111 1111 1111', expected: 'ref 1234 [CARD]' },
  ];

  const otherIdentifiers: Row[] = [
    { input: 'IBAN GB82 WEST 1234 5698 7654 32, thanks', expected: 'IBAN [IBAN], thanks' },
    { input: 'GB82WEST12345698765432', expected: '[IBAN]' },
    { input: 'FR14 2004 1010 0505 0001 3M02 606', expected: '[IBAN]' },
    { input: 'BE68 5390 0754 7034 THANKS', expected: '[IBAN] THANKS' },
    { input: 'my iban is gb82 west 1234 5698 7654 32', expected: 'my iban is [IBAN]' },
    { input: 'gb82west12345698765432 thanks', expected: '[IBAN] thanks' },
    { input: 'my SSN is 123-45-6789.', expected: 'my SSN is [SSN].' },
    { input: 'NI number QQ 12 34 56 C', expected: 'NI number [NINO]' },
    { input: 'QQ123456C', expected: '[NINO]' },
    { input: 'QQ 123456 C', expected: '[NINO]' },
    { input: 'qq123456c', expected: '[NINO]' },
    { input: 'from 192.168.1.1 today', expected: 'from [IP] today' },
    { input: 'IP 10.0.0.254:8080.', expected: 'IP [IP]:8080.' },
    // The shortest identifier there is: four digits.
    { input: 'gateway 1.2.3.4 down', expected: 'gateway [IP] down' },
  ];

  // Numbers that only their label makes personal: the label stays, the value goes.
  const labelled: Row[] = [
    {
      input: 'refund to account number 12345678, sort code 12-34-56 please',
      expected: 'refund to account number [ID], sort code [ID] please',
    },
    { input: 'Acct #: 0012 3456 is frozen', expected: 'Acct #: [ID] is frozen' },
    {
      input: 'my frequent flyer no. is BA1234567 and no miles',
      expected: 'my frequent flyer no. is [ID] and no miles',
    },
    { input: 'Passport number 123 456 789.', expected: 'Passport number [ID].' },
    { input: "driver's licence: SMITH-1234567", expected: "driver's licence: [ID]" },
    { input: 'driving licence no MORGA657054SM9IJ', expected: 'driving licence no [ID]' },
    { input: 'policy no. POL-998877 not renewed', expected: 'policy no. [ID] not renewed' },
    { input: 'member id 00123456 still not credited', expected: 'member id [ID] still not credited' },
    { input: 'My ssn is 123456789', expected: 'My ssn is [ID]' },
    { input: 'DOB: 12/03/1985', expected: 'DOB: [DOB]' },
    {
      input: 'date of birth 3rd of March 1985, postcode wrong',
      expected: 'date of birth [DOB], postcode wrong',
    },
    { input: 'I was born on March 12, 1985', expected: 'I was born on [DOB]' },
    { input: 'I was born 14/07/1983', expected: 'I was born [DOB]' },
    { input: 'birth date: 1983-07-14', expected: 'birth date: [DOB]' },
    { input: 'ＤＯＢ １２/０３/１９８５', expected: 'ＤＯＢ [DOB]' },
  ];

  // Call transcripts and voice notes write a number the way it was said.
  const spoken: Row[] = [
    {
      input: 'my mobile is oh seven seven double oh nine oh oh one two three, call after six',
      expected: 'my mobile is [PHONE], call after six',
    },
    {
      input: 'Customer: zero two zero, seven nine four six, zero nine five eight. Agent: thanks',
      expected: 'Customer: [PHONE]. Agent: thanks',
    },
    {
      input: 'card number four one one one one one one one one one one one one one one one',
      expected: 'card number [CARD]',
    },
    { input: 'ACCOUNT NUMBER TRIPLE SEVEN FOUR TWO ONE EIGHT', expected: 'ACCOUNT NUMBER [ID]' },
    { input: 'reference nine-nine-one-two-three-four-five', expected: 'reference [ID]' },
  ];

  // Digit words that prose and counting use, too few or too short to spell a personal number.
  const notSpokenNumbers: Row[] = [
    { input: 'one two three four and still no answer', expected: 'one two three four and still no answer' },
    { input: 'Flight two two one was delayed', expected: 'Flight two two one was delayed' },
    { input: 'I would give it one or two stars', expected: 'I would give it one or two stars' },
    { input: 'oh no, one two three four five six', expected: 'oh no, one two three four five six' },
    { input: 'open nine to five, seven days', expected: 'open nine to five, seven days' },
  ];

  const notPii: Row[] = [
    { input: 'Ordered on 12/04/2018', expected: 'Ordered on 12/04/2018' },
    { input: 'Ordered on 2018-04-12', expected: 'Ordered on 2018-04-12' },
    { input: 'Delivered 27th December', expected: 'Delivered 27th December' },
    { input: 'Called at 19:39', expected: 'Called at 19:39' },
    { input: 'Booked for 10.30 on 12.04.2018', expected: 'Booked for 10.30 on 12.04.2018' },
    { input: '01.02.2018 12:30 and 01 02 2018 12:30', expected: '01.02.2018 12:30 and 01 02 2018 12:30' },
    { input: 'Open 08.30-12.30 13.30-17.00 weekdays', expected: 'Open 08.30-12.30 13.30-17.00 weekdays' },
    { input: 'Paid £45.99, $1,200.00 and €30', expected: 'Paid £45.99, $1,200.00 and €30' },
    {
      input: 'Held 45 minutes, waited 3 weeks, 80% done',
      expected: 'Held 45 minutes, waited 3 weeks, 80% done',
    },
    { input: 'order 12345678', expected: 'order 12345678' },
    { input: 'order 12345678901', expected: 'order 12345678901' },
    { input: 'order 0000123456', expected: 'order 0000123456' },
    { input: 'ref #A1234567', expected: 'ref #A1234567' },
    { input: 'ticket INC0012345678', expected: 'ticket INC0012345678' },
    {
      input: 'Order number 1234567812345678 never came',
      expected: 'Order number 1234567812345678 never came',
    },
    { input: 'Order number 1234 5678 1234 5678', expected: 'Order number 1234 5678 1234 5678' },
    { input: '4111111111111112', expected: '4111111111111112' },
    { input: 'Customer since 2009, again in 2019', expected: 'Customer since 2009, again in 2019' },
    { input: 'After updating to 2.0.1 it crashed', expected: 'After updating to 2.0.1 it crashed' },
    { input: 'version 1.2.3.4 and v1.2.3.4', expected: 'version 1.2.3.4 and v1.2.3.4' },
    { input: 'It was 1,299 for the sofa', expected: 'It was 1,299 for the sofa' },
    { input: 'Prices 0.99 1.49 2.99 3.99', expected: 'Prices 0.99 1.49 2.99 3.99' },
    { input: 'GB82 WEST 1234 5698 7654 33', expected: 'GB82 WEST 1234 5698 7654 33' },
    { input: 'ab12 cdef 3456 ghij 78 works', expected: 'ab12 cdef 3456 ghij 78 works' },
    {
      input: '000-45-6789 666-12-3456 900-12-3456 123-00-4567 123-45-0000',
      expected: '000-45-6789 666-12-3456 900-12-3456 123-00-4567 123-45-0000',
    },
    { input: 'SSN without dashes 123456789', expected: 'SSN without dashes 123456789' },
    { input: 'order no 123456 a few days ago', expected: 'order no 123456 a few days ago' },
    {
      input: 'booking ref 4XK7P2 and order number 12345678',
      expected: 'booking ref 4XK7P2 and order number 12345678',
    },
    { input: 'account no. 12 was closed', expected: 'account no. 12 was closed' },
    { input: 'date of birth is missing, born in 1985', expected: 'date of birth is missing, born in 1985' },
    { input: 'claim number 12345 and still nothing', expected: 'claim number 12345 and still nothing' },
    { input: '256.1.1.1', expected: '256.1.1.1' },
  ];

  const mixed: Row[] = [
    {
      input:
        'Email a@b.com, call 07700 900123, card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, ' +
        'SSN 123-45-6789, NI QQ 12 34 56 C, IP 192.168.0.1.',
      expected: 'Email [EMAIL], call [PHONE], card [CARD], IBAN [IBAN], SSN [SSN], NI [NINO], IP [IP].',
    },
    {
      input: 'Waited 45 minutes on 12/04/2018 for order 12345678, call 07700 900123 or jane@example.com',
      expected: 'Waited 45 minutes on 12/04/2018 for order 12345678, call [PHONE] or [EMAIL]',
    },
    { input: '📞 07700 900123 😡😡 jane@example.com 👍', expected: '📞 [PHONE] 😡😡 [EMAIL] 👍' },
    { input: '📞07700900123', expected: '📞[PHONE]' },
    {
      input: 'Rufen Sie mich unter 0171 1234567 an, E-Mail: müller@beispiel.de',
      expected: 'Rufen Sie mich unter [PHONE] an, E-Mail: [EMAIL]',
    },
    { input: 'Llámame al +34 612 34 56 78 por favor', expected: 'Llámame al [PHONE] por favor' },
    {
      input: '電話番号は090-1234-5678です。メールはtaro@example.jpまで',
      expected: '電話番号は[PHONE]です。メールは[EMAIL]まで',
    },
  ];

  it.each(emails)('redacts e-mail addresses: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(phones)('redacts phone numbers: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(cards)('redacts Luhn-valid card numbers: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(otherIdentifiers)('redacts IBANs, SSNs, NI numbers and IPs: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(labelled)('redacts numbers their label makes personal: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  // A card's security code, a phone in a shape that alone reads as an order number, a ZIP code, a
  // handle: each only by its label or its place in an address.
  const byLabel: Row[] = [
    { input: 'CVV: 456, expiry 04/27', expected: 'CVV: [CARD], expiry 04/27' },
    {
      input: 'gave them the security code 7391 on the phone',
      expected: 'gave them the security code [CARD] on the phone',
    },
    { input: 'cvc2 0042', expected: 'cvc2 [CARD]' },
    { input: 'call me on 2125550147 after 5', expected: 'call me on [PHONE] after 5' },
    { input: 'my mobile: 447700900143', expected: 'my mobile: [PHONE]' },
    { input: 'text me at 7700 900 144 please', expected: 'text me at [PHONE] please' },
    { input: 'my number is (212) 5550147', expected: 'my number is [PHONE]' },
    {
      input: 'message me: https://wa.me/447700900143?text=hi',
      expected: 'message me: https://wa.me/[PHONE]?text=hi',
    },
    { input: 'zip code 94105 is wrong on the bill', expected: 'zip code [POSTCODE] is wrong on the bill' },
    {
      input: 'ship to Austin, TX 78701-4242 not Dallas',
      expected: 'ship to Austin, TX [POSTCODE] not Dallas',
    },
    { input: 'my twitter is @jane_doe99, DM me', expected: 'my twitter is [HANDLE], DM me' },
    { input: 'My IG: @jane.doe', expected: 'My IG: [HANDLE]' },
    { input: 'sort code 20-00-00 account 55779911', expected: 'sort code [ID] account [ID]' },
    { input: 'login: jsmith and it is locked', expected: 'login: [HANDLE] and it is locked' },
    { input: 'password: Hunter2! please reset', expected: 'password: [SECRET] please reset' },
    { input: 'my password is Summer2024!', expected: 'my password is [SECRET]' },
    { input: 'new password: correcthorsebattery', expected: 'new password: [SECRET]' },
    { input: 'the PIN for my card is 7712', expected: 'the PIN for my card is [SECRET]' },
    { input: 'pin 4821 please', expected: 'pin [SECRET] please' },
    { input: 'TFN: 123456782', expected: 'TFN: [ID]' },
    { input: 'the meter number is 123456789012', expected: 'the meter number is [ID]' },
    { input: 'MPAN 1200023456789 at the new flat', expected: 'MPAN [ID] at the new flat' },
    {
      input: 'my username is jdoe_88 and it is locked',
      expected: 'my username is [HANDLE] and it is locked',
    },
  ];

  // The same labels before what is not personal.
  const notByLabel: Row[] = [
    { input: 'the security code 123456 never came', expected: 'the security code 123456 never came' },
    { input: 'call me at 10.30 tomorrow', expected: 'call me at 10.30 tomorrow' },
    { input: 'my phone is 2 years old', expected: 'my phone is 2 years old' },
    { input: 'order number 21255501478', expected: 'order number 21255501478' },
    {
      input: 'I waited 45 minutes, OK 10000 points later',
      expected: 'I waited 45 minutes, OK 10000 points later',
    },
    { input: 'my login is broken since 12 May', expected: 'my login is broken since 12 May' },
    {
      input: 'my twitter is full of complaints about @united',
      expected: 'my twitter is full of complaints about @united',
    },
    { input: 'the handle is loose', expected: 'the handle is loose' },
    { input: 'our firstborn 12/03/2020 order', expected: 'our firstborn 12/03/2020 order' },
    {
      input: 'I opened the account 2019 and it was fine',
      expected: 'I opened the account 2019 and it was fine',
    },
    { input: 'meter reading 04521 today', expected: 'meter reading 04521 today' },
    { input: 'my password is wrong', expected: 'my password is wrong' },
    { input: "my password doesn't work", expected: "my password doesn't work" },
    { input: "Why won't my passcode work?", expected: "Why won't my passcode work?" },
    { input: 'pin 2 of the plug is bent', expected: 'pin 2 of the plug is bent' },
    { input: 'I forgot my PIN', expected: 'I forgot my PIN' },
    { input: 'my login is broken', expected: 'my login is broken' },
  ];

  it.each(byLabel)('redacts what its label makes personal: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(notByLabel)("leaves the labels' look-alikes alone: $input", ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(spoken)('redacts numbers said digit by digit: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(notSpokenNumbers)(
    'leaves digit words that spell no number alone: $input',
    ({ input, expected }) => {
      expect(redactPii(input)).toBe(expected);
    },
  );

  it.each(notPii)('leaves look-alikes alone: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(mixed)('handles mixed, emoji and non-English text: $input', ({ input, expected }) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each([
    { input: '' },
    { input: 'The delivery was late and nobody called me back.' },
    { input: 'Très bien, merci 🙂' },
    { input: '<p>Great <b>service</b></p>' },
  ])('returns text without identifiers unchanged: $input', ({ input }) => {
    expect(redactPii(input)).toBe(input);
  });

  it('is deterministic across repeated calls', () => {
    const input = 'call 07700 900123, card 4111 1111 1111 1111, order 1234567812345678';
    const first = redactPii(input);
    expect(first).toBe('call [PHONE], card [CARD], order 1234567812345678');
    expect(redactPii(input)).toBe(first);
  });

  it.each([...emails, ...phones, ...cards, ...otherIdentifiers, ...notPii, ...mixed])(
    'finds each identifier at its offsets, in reading order: $input',
    ({ input, expected }) => {
      const spans = findPii(input);
      expect(spans.map((span) => span.placeholder)).toEqual(expected.match(/\[[A-Z]+\]/g) ?? []);
      spans.forEach((span, i) => {
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
      });
    },
  );

  describe('redactExcerpt', () => {
    const text = 'I am switching to joe.bloggs@example.com, call 07700 900123 or 4111 1111 1111 1111';
    const spans = findPii(text);

    it.each([
      ['switching to joe', 'switching to [EMAIL]'],
      ['bloggs@example', '[EMAIL]'],
      ['example.com, call 07700', '[EMAIL], call [PHONE]'],
      ['call 07700 900123 or 4111', 'call [PHONE] or [CARD]'],
      ['I am switching', 'I am switching'],
    ])('redacts the part of an identifier an excerpt holds: %j', (excerpt, expected) => {
      expect(text).toContain(excerpt);
      expect(redactExcerpt(text, excerpt, spans)).toBe(expected);
    });

    it('redacts an excerpt that is not in the text on its own', () => {
      expect(redactExcerpt(text, 'mail me at a.b@example.org', spans)).toBe('mail me at [EMAIL]');
    });
  });

  // These inputs would take minutes with a backtracking-prone pattern; the assertions are on the result.
  describe('long hostile inputs', () => {
    it.each([
      { name: 'digits and spaces', input: '1234 '.repeat(20_000) },
      { name: 'solid digits', input: '1234567890'.repeat(10_000) },
      { name: 'digits and dots', input: '1.'.repeat(50_000) },
      { name: 'zeros and dashes', input: '0-'.repeat(50_000) },
      { name: 'a@a. repeated', input: 'a@a.'.repeat(25_000) },
      { name: 'letters then @', input: `${'a'.repeat(100_000)}@` },
      { name: 'upper-case groups', input: `GB12 ${'ABCD '.repeat(20_000)}` },
    ])('passes through 100 KB of $name unchanged', ({ input }) => {
      expect(input.length).toBeGreaterThanOrEqual(100_000);
      expect(redactPii(input)).toBe(input);
    });

    it('redacts every identifier in 100 KB of repeated phone numbers and cards', () => {
      const chunk = 'call 07700 900123 card 4111 1111 1111 1111 ';
      const input = chunk.repeat(Math.ceil(100_000 / chunk.length));
      const expected = 'call [PHONE] card [CARD] '.repeat(Math.ceil(100_000 / chunk.length));
      expect(redactPii(input)).toBe(expected);
    });
  });
});

describe('names after a title, a relation, or above a mail footer', () => {
  it.each([
    ['Please ask for Mrs Jennifer Wallace when you call', 'Please ask for Mrs [NAME] when you call'],
    ['Spoke to Mr. Okafor and he was great', 'Spoke to Mr. [NAME] and he was great'],
    ['I am Dr. Amelia Hart from the clinic', 'I am Dr. [NAME] from the clinic'],
    ['my wife Sarah Connors booked it', 'my wife [NAME] booked it'],
    ['my kid Tommy, age 7, got sick', 'my kid [NAME], age 7, got sick'],
    ["Thanks\n\nMichael O'Connor\nSent from my iPhone", 'Thanks\n\n[NAME]\nSent from my iPhone'],
    ['Cheers,\nDave\nSent from my Samsung Galaxy', 'Cheers,\n[NAME]\nSent from my Samsung Galaxy'],
    // Staff by their role, or a person "called" something.
    ['our waiter Luis was attentive', 'our waiter [NAME] was attentive'],
    ['Driver Dave left it in the porch', 'Driver [NAME] left it in the porch'],
    ['the engineer, Tomasz Kowalski, tested every room', 'the engineer, [NAME], tested every room'],
    ['an advisor named Priya Shah sorted it', 'an advisor named [NAME] sorted it'],
    ['a guy called Ben picked up', 'a guy called [NAME] picked up'],
  ])('redacts %j', (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each([
    // Brands named after a title, a relation without a name, words of sentiment in title case.
    'Dr Martens boots fell apart',
    'Mr Muscle did nothing',
    'my son and I waited',
    'My Wife Loved It',
    // A name in a sentence after "thanks" may be the agent thanked.
    'thanks, Tom was great',
    // A role before a company, a day, a shouted word or a small word; "Rep" as a party.
    'I called Vodafone twice and a company called Sky',
    'the engineer Monday morning was late',
    'the hostess SLOWLY walked over',
    'the waiter In between courses',
    "As a nurse I've seen worse",
    'the Rep Party',
    // A registration that is no plate, an account with no number.
    'registration took 2 weeks',
    'the car was a 2019 reg',
    'acct closed in 2019',
  ])('keeps %j', (input) => {
    expect(redactPii(input)).toBe(input);
  });
});
