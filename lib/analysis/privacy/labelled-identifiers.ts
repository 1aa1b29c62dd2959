/**
 * Identifiers known by the label the customer puts before them: a bank account number and sort code,
 * a passport or licence number, a membership or policy number ("account no. 12345678", "passport
 * number: 123456789", "my frequent flyer number is BA1234567"), and a date of birth ("DOB 12/03/1985").
 * Unlabelled, such a number is an order number as often as anything: only the label says whose it is.
 * Order, booking, ticket, case and claim references are left out: they name the transaction a team
 * has to find, not the person.
 */

/** Labels of a number that identifies a person or their account, as data. */
const IDENTIFIER_LABELS = [
  String.raw`(?:bank |savings |current |checking )?account (?:number|no\.?|num|#)`,
  String.raw`acc(?:oun)?t (?:no\.?|num|#|number)`,
  String.raw`a/c(?: no\.?)?`,
  'sort code',
  'routing (?:number|no\\.?)',
  String.raw`passport(?: number| no\.?| #)?`,
  String.raw`driv(?:ing|er'?s) licen[cs]e(?: number| no\.?)?`,
  String.raw`(?:frequent flyer|frequent flier|loyalty|membership|member|customer|policy|patient|nhs|medicare|medicaid|insurance|national id|national insurance|tax|taxpayer|social security|ssn|sin) (?:number|no\.?|num|#|id)`,
  'ssn',
  'national id',
];

/** Labels of a date of birth. */
const BIRTH_DATE_LABELS = ['date of birth', String.raw`d\.?o\.?b\.?`, 'born on', 'birthday is'];

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
export const BIRTH_DATE = afterLabel(BIRTH_DATE_LABELS, BIRTH_DATE_VALUE);

/** Texts that may hold a labelled identifier or a date of birth: one test before the patterns run. */
export const LABELLED_IDENTIFIER_CUE =
  /account|acct|a\/c|sort code|routing|passport|licen[cs]e|flyer|flier|loyalty|member|customer|policy|patient|nhs|medica|insurance|national|tax|social security|ssn|\bsin\b/i;
export const BIRTH_DATE_CUE = /birth|d\.?o\.?b|born on|birthday/i;
