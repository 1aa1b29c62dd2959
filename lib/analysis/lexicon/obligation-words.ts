/**
 * Whoever owes the customer a service, as the subject of what they ought to do: "staff need to treat
 * people with respect", "someone should answer the phone", "the airline has to refund me".
 */
const SERVICE_SIDE = [
  'staff',
  'someone',
  'somebody',
  'management',
  'manager',
  'managers',
  'company',
  'employees',
  'crew',
  'waiter',
  'waiters',
  'waitress',
  'driver',
  'drivers',
  'courier',
  'agent',
  'agents',
  'engineer',
  'engineers',
  'airline',
  'bank',
];

/** Words that say what must happen. */
const OBLIGATIONS = ['need to', 'should', 'ought to', 'must', 'has to', 'have to'];

/**
 * "You" and "they" are as often other people as the company ("u need to watch this show", "they should
 * go"): told what to do, they make a complaint only with a remedy a service owes ("you need to sort
 * out your billing", "they need to refund me").
 */
const ADDRESSEES = ['you', 'u', 'you guys', 'they'];
const ADDRESSEE_OBLIGATIONS = ['need to', 'should', 'ought to', 'have to'];
const REMEDIES = [
  'sort',
  'fix',
  'train',
  'improve',
  'answer',
  'respond',
  'reply',
  'refund',
  'compensate',
  'hire',
  'listen',
  'stop',
  'apologise',
  'apologize',
  'get your act',
  'do better',
  'do something',
  'look into',
  'deal with',
  'treat',
];

/** What a problem still needs: "this needs to be sorted", "needs fixing asap". */
const UNDONE_REMEDIES = ['sorted', 'fixed', 'resolved', 'addressed', 'looked into', 'looked at'];

const OBLIGATION_VALENCE = -1.5;

/**
 * Statements of what should happen are complaints about what did not: the service side told what it
 * must do, or a problem said to still need a remedy. The customer's own needs ("I need to change my
 * flight") and advice to other customers ("you must try the pasta") are no complaint.
 */
export const obligationPhrases: readonly string[] = [
  ...SERVICE_SIDE.flatMap((party) => OBLIGATIONS.map((obligation) => `${party} ${obligation}`)),
  ...ADDRESSEES.flatMap((party) =>
    ADDRESSEE_OBLIGATIONS.flatMap((obligation) =>
      REMEDIES.map((remedy) => `${party} ${obligation} ${remedy}`),
    ),
  ),
  ...UNDONE_REMEDIES.flatMap((remedy) => [`needs to be ${remedy}`, `need to be ${remedy}`]),
  'needs sorting',
  'needs fixing',
  'need sorting',
  'need fixing',
];

/** The obligation phrases with their valence, for the CX phrase lexicon. */
export function obligationValences(): Array<readonly [string, number]> {
  return obligationPhrases.map((phrase) => [phrase, OBLIGATION_VALENCE] as const);
}
