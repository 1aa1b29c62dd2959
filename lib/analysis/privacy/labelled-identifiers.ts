/**
 * Identifiers known by the label the customer puts before them: a bank account number and sort code,
 * a passport or licence number, a membership or policy number ("account no. 12345678", "passport
 * number: 123456789", "my frequent flyer number is BA1234567"), and a date of birth ("DOB 12/03/1985").
 * Unlabelled, such a number is an order number as often as anything: only the label says whose it is.
 * Order, booking, ticket, case and claim references are left out: they name the transaction a team
 * has to find, not the person.
 */

// The kind of bank account a label may name first: "savings account no. 12345678".
const ACCOUNT_KIND = '(?:bank |savings |current |checking )?';

/** Labels of a number that identifies a person or their account, as data. */
const IDENTIFIER_LABELS = [
  String.raw`${ACCOUNT_KIND}account (?:number|no\.?|num|#)`,
  String.raw`acc(?:oun)?t (?:no\.?|num|#|number)`,
  String.raw`a/c(?: no\.?)?`,
  'sort code',
  'routing (?:number|no\\.?)',
  String.raw`passport(?: number| no\.?| #)?`,
  String.raw`driv(?:ing|er'?s) licen[cs]e(?: number| no\.?)?`,
  String.raw`(?:frequent flyer|frequent flier|loyalty|membership|member|customer|policy|patient|nhs|medicare|medicaid|insurance|national id|national insurance|tax|taxpayer|social security|ssn|sin) (?:number|no\.?|num|#|id)`,
  'ssn',
  'national id',
  // "account 55779911" with no "number": only before six digits or more, so "account 2019" is a year.
  String.raw`${ACCOUNT_KIND}account(?=[ \t]*[:#]?[ \t]*\d{6})`,
  String.raw`tax file (?:number|no\.?)`,
  'tfn',
  String.raw`aadhaa?r(?: number| no\.?| card)?`,
  // A gas or electricity meter's number names the customer's home.
  String.raw`meter (?:serial(?: number| no\.?)?|number|no\.?|id)`,
  'mpan',
  'mprn',
  // An Australian bank's branch code, and "acct" before its number ("acct 1234 5678").
  String.raw`bsb(?: number| no\.?)?`,
  String.raw`acct(?=[ \t]*[:#]?[ \t]*\d)`,
];

/** Labels of a date of birth. */
const BIRTH_DATE_LABELS = [
  'date of birth',
  String.raw`d\.?o\.?b\.?`,
  'born(?: on)?',
  'birthday is',
  'birth ?date',
];

// What may stand between a label and its value: "account number: 123", "passport no. is 123".
const LABEL_GAP = String.raw`[ \t]*[:#=-]?[ \t]*(?:is[ \t]+|was[ \t]+)?`;

// A value: a prefix of up to six letters or digits (a UK licence starts with a surname), then digit
// groups joined by one space, dash, dot or slash ("12345678", "12-34-56", "SMITH-1234567"). Groups
// after the first start with a digit, so the words that follow a number are never taken with it.
const VALUE = String.raw`[A-Za-z0-9]{0,6}-?\d[A-Za-z0-9]{0,15}(?:[ ./-]\d[A-Za-z0-9]{0,7}){0,4}`;

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// "12/03/1985", "1985-03-12", "12 March 1985", "12th of March, 1985", "March 12, 1985".
const BIRTH_DATE_VALUE = String.raw`(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:${MONTH})\.?,?[ \t]+\d{4}|(?:${MONTH})\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4})`;

/**
 * A label and the value after it, the value as group 1: only the value is replaced, so the comment
 * still says what it was. The label comes first in the pattern, so a long text is searched for labels,
 * not tried at every letter.
 */
function afterLabel(labels: readonly string[], value: string): RegExp {
  return new RegExp(String.raw`\b(?:${labels.join('|')})${LABEL_GAP}(${value})(?![A-Za-z0-9])`, 'dgi');
}

export const LABELLED_IDENTIFIER = afterLabel(IDENTIFIER_LABELS, VALUE);

/**
 * A vehicle's registration by its label ("car reg AB12 CDE", "number plate: 7ABC123"): it names the
 * keeper. Its shapes, UK and US: letters and digits in the runs plates use, so "reg was quick" and
 * "registration took 2 weeks" keep their words.
 */
export const VEHICLE_REGISTRATION = afterLabel(
  [
    String.raw`(?:car |vehicle |van )?reg(?:istration)?(?: number| no\.?| plate| mark)?`,
    '(?:number|licen[cs]e) plate',
  ],
  String.raw`[A-Za-z]{2}\d{2}[ \t]?[A-Za-z]{3}|[A-Za-z]\d{1,3}[ \t]?[A-Za-z]{3}|[A-Za-z]{3}[ \t]?\d{1,3}[A-Za-z]|\d[A-Za-z]{3}\d{3}|[A-Za-z]{3}[ \t-]?\d{3,4}`,
);
export const VEHICLE_REGISTRATION_CUE = /\breg|plate/i;
export const BIRTH_DATE = afterLabel(BIRTH_DATE_LABELS, BIRTH_DATE_VALUE);

/**
 * A card's security code ("CVV 123", "security code: 4321"): three or four digits that no shape tells
 * from a count, and that must never be stored (PCI DSS). A six-digit one-time code is left.
 */
export const CARD_SECURITY_CODE = afterLabel(
  ['cv[cv]2?', 'cv2', 'cvn', 'csc', 'card verification (?:code|value|number)', 'security code'],
  String.raw`\d{3,4}`,
);
export const CARD_SECURITY_CODE_CUE = /cv[cvn2]|\bcsc\b|security code|card verification/i;
/** The words `CARD_SECURITY_CODE_CUE` cannot match without. */
export const CARD_SECURITY_CODE_CUE_WORDS: ReadonlySet<string> = new Set([
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
  'cv2',
  'cvn',
  'csc',
  'security',
  'verification',
]);

/**
 * A password or PIN the customer gives in a message ("password: Hunter2!", "my PIN is 4821", "the pin
 * for my card is 7712"): a secret that must never be stored. After "password" without a colon the value
 * must hold a digit or a symbol (not a sentence's ? or !), so "my password is wrong" and "why doesn't my
 * passcode work?" keep their words.
 */
const PASSWORD_WORDS = ['password', 'passcode', 'passwd', 'pwd'];
const PASSWORD_LABEL = `(?:${PASSWORD_WORDS.join('|')})`;
export const SECRET = new RegExp(
  String.raw`\b(?:${PASSWORD_LABEL}[ \t]*[:=][ \t]*(\S{4,64})|${PASSWORD_LABEL}${LABEL_GAP}((?=[^\s']*[\d@#$%^&*_+=~])[^\s']{4,64})|pin(?: number| code)?(?: for (?:my|the) (?:card|account|phone))?${LABEL_GAP}(\d{4,6}))(?![A-Za-z0-9])`,
  'dgi',
);
export const SECRET_CUE = /password|passcode|passwd|\bpwd\b|\bpin\b/i;
/** The words `SECRET_CUE` cannot match without. */
export const SECRET_CUE_WORDS: ReadonlySet<string> = new Set([...PASSWORD_WORDS, 'pin']);

/**
 * A phone number its label names, in the shapes the unlabelled pattern leaves as order numbers: solid
 * ("call me on 2125550147"), or without its trunk 0 or + ("my mobile: 447700900143", a WhatsApp link).
 */
export const LABELLED_PHONE = afterLabel(
  [
    String.raw`(?:mobile|cell|cellphone|phone|telephone|tel\.?|landline|whatsapp|contact)(?: phone)?(?: number| no\.?| #)?`,
    '(?:my|our) number',
    '(?:call|ring|phone|text|reach|contact|whatsapp|message) (?:me|us)(?: back)? (?:on|at)',
    // A WhatsApp chat link holds the number with its country code and no "+": "wa.me/447700900123".
    String.raw`wa\.me/`,
  ],
  String.raw`\+?\(?\d[\d \t().-]{6,22}\d`,
);
export const LABELLED_PHONE_CUE =
  /mobile|cell|phone|tel|landline|whatsapp|contact|number|call|ring|text|reach|message|wa\.me/i;

/**
 * A US ZIP code, by its label ("zip code 94105") or after a city and state in an address ("New York,
 * NY 10118-0110"); five digits alone are a count or an order number.
 */
export const ZIP_CODE = afterLabel(
  ['zip(?: ?code)?', 'postal code', 'post ?code'],
  String.raw`\d{5}(?:-\d{4})?`,
);
export const ZIP_CODE_CUE = /zip|postal|post ?code/i;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
export const STATE_ZIP_CODE = new RegExp(
  String.raw`\b\p{Lu}\p{Ll}+,[ \t]*(?:${US_STATES})[ \t]+(\d{5}(?:-\d{4})?)(?![\d-])`,
  'dgu',
);
export const STATE_ZIP_CODE_CUE = /,[ \t]*[A-Z]{2}[ \t]+\d{5}/;

// Redaction reads a view that joins an `@` to the word before it ("jo @ example.com"): "is@jane".
const HANDLE_GAP = String.raw`[ \t]*[:#=-]?[ \t]*(?:(?:is|was)(?=[ \t@])[ \t]*)?`;
/** Social platforms a handle is given for ("my instagram: @jane"). */
const SOCIAL_PLATFORMS = [
  'twitter',
  'instagram',
  'insta',
  'ig',
  'tiktok',
  'snapchat',
  'telegram',
  'threads',
  'bluesky',
  'facebook',
];
/** Labels of a login, given with or without an `@`. */
const LOGIN_LABELS = 'user ?name|handle|login|user id|gamertag';
const HANDLE_VALUE = '@[A-Za-z0-9_][A-Za-z0-9_.]{0,29}';
/**
 * A social-media handle or a login the customer gives as theirs ("my twitter is @jane_doe", "my
 * username is jdoe_88"). A handle in a post is usually the brand's ("@united"), so only the label tells.
 * A username must hold a digit or `_`, so "my login is broken" keeps its words, unless a colon gives it
 * ("login: jsmith").
 */
export const ACCOUNT_HANDLE = new RegExp(
  String.raw`\b(?:(?:my|our) (?:${SOCIAL_PLATFORMS.join('|')})(?: handle| account| username| user name| name| id)?${HANDLE_GAP}(${HANDLE_VALUE})|(?:my|our) (?:${LOGIN_LABELS})${HANDLE_GAP}(${HANDLE_VALUE}|(?=[A-Za-z0-9_.-]{0,29}[\d_])[A-Za-z0-9_][A-Za-z0-9_.-]{1,29})|(?:${LOGIN_LABELS})[ \t]*:[ \t]*(@?[A-Za-z0-9_][A-Za-z0-9_.-]{1,29}))(?![A-Za-z0-9_])`,
  'dgi',
);
export const ACCOUNT_HANDLE_CUE = new RegExp(
  String.raw`\b(?:my|our) (?:${SOCIAL_PLATFORMS.join('|')}|${LOGIN_LABELS})\b|\b(?:${LOGIN_LABELS})[ \t]*:`,
  'i',
);
/** The words `ACCOUNT_HANDLE_CUE` cannot match without. */
export const ACCOUNT_HANDLE_CUE_WORDS: ReadonlySet<string> = new Set([
  ...SOCIAL_PLATFORMS,
  'username',
  'user',
  'handle',
  'login',
  'gamertag',
]);

/** Texts that may hold a labelled identifier or a date of birth: one test before the patterns run. */
export const LABELLED_IDENTIFIER_CUE =
  /account|acct|a\/c|sort code|routing|passport|licen[cs]e|flyer|flier|loyalty|member|customer|policy|patient|nhs|medica|insurance|national|tax|social security|ssn|\bsin\b|\btfn\b|aadhaa?r|meter|mpan|mprn|\bbsb\b/i;
export const BIRTH_DATE_CUE = /birth|d\.?o\.?b|born|birthday/i;
