/**
 * Personal identifiers in the many ways people and producers write them, for the redaction gate's
 * tests. `form` is how it appears in a message; `secret` is what must never be found again in anything
 * stored, keyed, published or logged, compared with {@link canonical} on both sides (so a leak cannot
 * hide behind different spacing, full-width digits or an escape).
 */
export interface PiiForm {
  name: string;
  form: string;
  secret: string;
}

const card = (name: string, form: string, digits: string): PiiForm => ({
  name: `card, ${name}`,
  form,
  secret: digits,
});
const phone = (name: string, form: string, significant: string): PiiForm => ({
  name: `phone, ${name}`,
  form,
  secret: significant,
});
const email = (name: string, form: string, address: string): PiiForm => ({
  name: `e-mail, ${name}`,
  form,
  secret: address,
});
const iban = (name: string, form: string, compact: string): PiiForm => ({
  name: `IBAN, ${name}`,
  form,
  secret: compact,
});

const other = (name: string, form: string, secret: string): PiiForm => ({ name, form, secret });

const fullWidth = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replaceAll('@', '\uFF20');
const arabicIndic = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const devanagari = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0966 + Number(d)));
const escaped = (text: string) =>
  [...text]
    .map((c) => (/[0-9@]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');

export const PII_CORPUS: readonly PiiForm[] = [
  card('plain spaces', '4111 1111 1111 1111', '4111111111111111'),
  card('solid', '5105105105105100', '5105105105105100'),
  card('double spaces', '4012  8888  8888  1881', '4012888888881881'),
  card('NBSP', '5555\u00a05555\u00a05555\u00a04444', '5555555555554444'),
  card('thin spaces', '4000\u20090566\u20095566\u20095556', '4000056655665556'),
  card('narrow NBSP', '2223\u202f0031\u202f2200\u202f3222', '2223003122003222'),
  card('zero-width spaces', '4242\u200b4242\u200b4242\u200b4242', '4242424242424242'),
  card('zero-width joiners, solid', '4000\u200d0025\u200d0000\u200d3155', '4000002500003155'),
  card('full-width digits', fullWidth('5200 8282 8282 8210'), '5200828282828210'),
  card('dots', '4012.8888.8888.1881', '4012888888881881'),
  card('mixed separators', '4111 1111-1111.1111', '4111111111111111'),
  card('dashes', '6011-1111-1111-1117', '6011111111111117'),
  card('Amex 4-6-5', '3782 822463 10005', '378282246310005'),
  card('en dashes', '5105\u20131051\u20130510\u20135100', '5105105105105100'),
  card('spaced-out digits', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', '4111111111111111'),
  card('Devanagari digits', devanagari('4111111111111111'), '4111111111111111'),
  card('JSON escapes', escaped('4111111111111111'), '4111111111111111'),
  card('wrapped across lines', '5105 1051\n0510 5100', '5105105105105100'),
  card('wrapped, CRLF and indent', '4012 8888\r\n  8888 1881', '4012888888881881'),
  card('split by a blank line', '5555 5555\n\n5555 4444', '5555555555554444'),
  card('soft hyphens', '3056\u00ad9309\u00ad0259\u00ad04', '30569309025904'),
  card('bidi override around it', '\u202e4111 1111 1111 1111\u202c', '4111111111111111'),

  phone('UK mobile', '07700 900123', '7700900123'),
  phone('UK +44', '+44 7700 900124', '7700900124'),
  phone('UK +44 (0)', '+44 (0) 7700 900125', '7700900125'),
  phone('UK +44 ( 0 )', '+44 ( 0 ) 7700 900126', '7700900126'),
  phone('UK en dashes', '07700\u2013900\u2013127', '7700900127'),
  phone('UK spaced-out digits', '0 7 7 0 0 9 0 0 1 2 8', '7700900128'),
  phone('UK slashes', '07700/900/129', '7700900129'),
  phone('UK +44 slashes', '+44/7700/900130', '7700900130'),
  phone('UK landline', '020 7946 0958', '2079460958'),
  phone('UK NBSP', '+44\u00a07700\u00a0900\u00a0131', '7700900131'),
  phone('UK full-width', fullWidth('07700 900132'), '7700900132'),
  phone('UK Arabic-Indic digits', arabicIndic('07700900133'), '7700900133'),
  phone('UK em dashes', '+44\u20147700\u2014900134', '7700900134'),
  phone('US parentheses', '(212) 555-0147', '2125550147'),
  phone('US +1', '+1 415 555 0148', '4155550148'),
  phone('US dots', '646.555.0149', '6465550149'),
  phone('US 1- prefix', '1-312-555-0150', '3125550150'),
  phone('US minus sign', '+1\u2212202\u2212555\u22120151', '2025550151'),
  phone('FR pairs', '+33 1 42 68 53 07', '142685307'),
  phone('FR national', '06 12 34 56 78', '612345678'),
  phone('DE', '+49 30 12345678', '3012345678'),
  phone('DE (0)', '+49 (0)89 1234567', '891234567'),
  phone('NL', '+31 20 123 4567', '201234567'),
  phone('IE 00', '00353 1 437 2851', '14372851'),
  phone('international 00', '0044 20 7946 0959', '2079460959'),
  phone('JSON escapes', escaped('+44 7700 900135'), '7700900135'),
  phone('wrapped across lines', '07700\n900138', '7700900138'),
  phone('split by a blank line', '07700\n\n900140', '7700900140'),
  phone(
    'said digit by digit',
    'oh seven seven double oh nine oh oh one four two',
    'seven seven double oh nine oh oh one four two',
  ),
  // Shapes that alone read as an order number: only the label says phone.
  phone('solid, labelled', 'call me on 2125550153', '2125550153'),
  phone('without its trunk 0, labelled', 'my mobile: 7700 900 148', '7700900148'),
  phone('country code without +, labelled', 'text me on 447700900149', '7700900149'),
  phone('WhatsApp link', 'wa.me/447700900150', '7700900150'),
  phone('percent-encoded (a link)', '%2B44%207700%20900139', '7700900139'),
  phone('zero-width inside', '0770\u200b0900\u200b136', '7700900136'),

  email('plain', 'pii01.person@example.com', 'pii01.person@example.com'),
  email('upper case', 'PII02.PERSON@EXAMPLE.COM', 'pii02.person@example.com'),
  email('full-width at', 'pii03.person\uFF20example.com', 'pii03.person@example.com'),
  email('small at', 'pii04.person\uFE6Bexample.com', 'pii04.person@example.com'),
  email('spaces around @', 'pii05.person @ example.com', 'pii05.person@example.com'),
  email('space before @', 'pii06.person @example.com', 'pii06.person@example.com'),
  email('NBSP after @', 'pii07.person@\u00a0example.com', 'pii07.person@example.com'),
  email('JSON escape', 'pii08.person\\u0040example.com', 'pii08.person@example.com'),
  email('zero-width in it', 'pii09\u200b.person@example.com', 'pii09.person@example.com'),
  email('full-width letters', 'ｐｉｉ１０.person@example.com', 'pii10.person@example.com'),
  email('percent-encoded @ (a link)', 'pii12.person%40example.com', 'pii12.person@example.com'),
  email('wrapped after @', 'pii13.person@\nexample.com', 'pii13.person@example.com'),
  email('wrapped before @', 'pii14.person\n@example.com', 'pii14.person@example.com'),
  // Spelled out to get past filters: the mailbox is what must not survive.
  email('spelled out, mail service', 'pii15.person at gmail dot com', 'pii15.person'),
  email('spelled out, (at) (dot)', 'pii16.person(at)example(dot)org', 'pii16.person'),
  email('spelled out, [at] [dot]', 'pii17.person [at] example [dot] co [dot] uk', 'pii17.person'),
  email('spelled out, dotted mailbox', 'pii18 dot person at example.com', 'pii18 dot person'),
  email('plus tag', 'pii11.person+orders@mail.example.co.uk', 'pii11.person+orders@mail.example.co.uk'),

  iban('GB grouped', 'GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'),
  iban('DE solid', 'DE89370400440532013000', 'DE89370400440532013000'),
  iban('FR grouped', 'FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'),
  iban('NL NBSP', 'NL91\u00a0ABNA\u00a00417\u00a01643\u00a000', 'NL91ABNA0417164300'),
  iban('BE full-width digits', fullWidth('BE68539007547034'), 'BE68539007547034'),
  iban('GB dashes', 'GB33-BUKB-2020-1555-5555-55', 'GB33BUKB20201555555555'),
  iban('lower case', 'nl91 abna 0417 1643 00', 'NL91ABNA0417164300'),

  // National numbers and postcodes: shapes of their own.
  other('US SSN, dashed', '078-05-1120', '078051120'),
  other('US SSN, spaced', '219 09 9999', '219099999'),
  other('UK NI number, spaced', 'QQ 12 34 56 C', 'qq123456c'),
  other('UK postcode, London', 'SW1A 1AA', 'sw1a1aa'),
  other('UK postcode, short', 'M1 1AE', 'm11ae'),
  other('UK postcode, NBSP', 'EC1A\u00a01BB', 'ec1a1bb'),
  other('UK postcode, full-width digits', fullWidth('B33 8TH'), 'b338th'),

  // In words: the name a customer gives and a street address.
  other('name after "my name is"', 'my name is Siobhán Piiname', 'Siobhán Piiname'),
  other('name in a sign-off', 'Kind regards,\nAnna-Maria Piilast', 'Anna-Maria Piilast'),
  other('name the customer introduces', 'Hi, this is Mark Piintro calling', 'Mark Piintro'),
  other('name after an initial', "Kind regards,\nJ. O'Piibrien", "O'Piibrien"),
  other('name after a title', 'Mrs Jennifer Piiwallace', 'Jennifer Piiwallace'),
  other('name after a title with a dot', 'I am Dr. Amelia Piihart', 'Amelia Piihart'),
  other("name of the customer's own people", 'my wife Sarah Piiconnor', 'Sarah Piiconnor'),
  other('name after a staff role', 'the engineer, Tomasz Piikowalski', 'Tomasz Piikowalski'),
  other('first name after a staff role', 'huge thanks to driver Piidave', 'Piidave'),
  other('name after "called"', 'a lovely lady called Piisue', 'Piisue'),
  other('bare given name and surname', 'a big thank you to Gemma Piibare', 'Gemma Piibare'),
  other('bare first name of staff', 'I spoke to Priya', 'Priya'),
  other('street address, UK', '221B Piiker Street', '221B Piiker Street'),
  other('street address, US', '1600 Piisylvania Avenue', '1600 Piisylvania Avenue'),

  // Numbers that only their label makes personal.
  other('bank account number', 'account number 31926819', '31926819'),
  other('sort code', 'sort code 60-16-13', '601613'),
  other('passport number', 'passport no. 925076473', '925076473'),
  other('bank account number after "account" alone', 'my account 55779911', '55779911'),
  other('tax file number', 'tax file number 123 456 782', '123456782'),
  other('Aadhaar number', 'Aadhaar 2345 6789 0123', '234567890123'),
  other('gas or electricity meter serial', 'meter serial E10BG12345', 'e10bg12345'),
  other('vehicle registration, UK', 'car reg KX19 PQR', 'kx19pqr'),
  other('vehicle registration, US', 'license plate 7ABC123', '7abc123'),
  other('account number after "acct"', 'acct 1047 5521', '10475521'),
  other('Australian branch code', 'BSB 062-913', '062913'),
  other(
    'account number said digit by digit',
    'account four two one seven three three eight nine',
    'two one seven three three eight nine',
  ),
  other('frequent flyer number', 'my frequent flyer number is BA7730219', 'ba7730219'),
  other('policy number, full-width digits', fullWidth('policy number: 48213377'), '48213377'),
  // The label is in the secret: three to five digits alone turn up in any text.
  other('card security code', 'CVV: 8642', 'cvv:8642'),
  other('card security code in words', 'the security code is 5309', 'securitycodeis5309'),
  other('US ZIP code, labelled', 'zip code 94105', 'zipcode94105'),
  other('US ZIP+4 after a city and state', 'Austin, TX 78701-4242', '787014242'),
  other('social handle given as theirs', 'my twitter is @piihandle_01', 'piihandle_01'),
  other('login given after a colon', 'login: piilogin', 'piilogin'),
  other('password', 'password: Piipass2024!', 'piipass2024!'),
  other('PIN of a card', 'the PIN for my card is 4821', 'pinformycardis4821'),
  other('username given as theirs', 'my username is piiuser02', 'piiuser02'),
  other('date of birth', 'DOB 14/07/1983', '14071983'),
  other('date of birth in words', 'born on 14th July 1983', '14thjuly1983'),
  other('date of birth after "born"', 'born 03.09.1979', '03091979'),
];

const FOREIGN_DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];

/**
 * One comparable spelling of a text: JSON escapes (`\u`, `\n`) decoded, NFKC, digits of other scripts as ASCII,
 * lower case, and every separator an identifier can be written with removed.
 */
export function canonical(text: string): string {
  return (
    text
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      // A raw JSON body writes a line break as `\n` (`\\n` once more in JSON): a wrapped number must still be seen.
      .replace(/\\+[nrt]/g, ' ')
      .normalize('NFKC')
      .replace(/\p{Nd}/gu, (digit) => {
        const code = digit.codePointAt(0) ?? 0;
        const zero = FOREIGN_DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
        return zero === undefined ? digit : String(code - zero);
      })
      .toLowerCase()
      .replace(/[\s\-.\u2010-\u2015\u2212/()\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
  );
}

/** The corpus entries whose secret appears in `haystack` (empty when nothing leaked). */
export function leakedForms(haystack: string, corpus: readonly PiiForm[] = PII_CORPUS): PiiForm[] {
  const text = canonical(haystack);
  return corpus.filter((entry) => text.includes(canonical(entry.secret)));
}
