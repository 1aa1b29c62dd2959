/**
 * A service pushing the customer's problem away: "the desk said it wasn't their problem", "not my
 * department", "kept sending me links instead of answering". Told without a complaint word, and with
 * "problem" denied, these read as relief to a lexicon; they are the complaint.
 */

/** The denial before whose problem it is ("it's not our problem", "isn't my department"). */
const DENIALS = ['not', "isn't", "wasn't", 'isnt', 'wasnt', "ain't"];
// Not "my": "the debt is not my responsibility" is the customer's own case.
const WHOSE = ['our', 'their', 'his', 'her'];
/** What the service says the problem is not: theirs to deal with. Not "fault": "not their fault" defends staff. */
const DUTIES = ['problem', 'department', 'responsibility', 'job', 'concern'];

/**
 * What the service did in place of helping, or without it: "sent links instead of answering my question",
 * "closed my ticket without fixing anything".
 */
const HELP_GIVEN_UP = [
  'answering',
  'helping',
  'fixing',
  'listening',
  'replying',
  'responding',
  'sorting',
  'solving',
  'resolving',
  'dealing',
];

const DEFLECTION_VALENCE = -2.5;

export const deflectionPhrases: readonly string[] = [
  ...DENIALS.flatMap((denial) =>
    WHOSE.flatMap((whose) => DUTIES.map((duty) => `${denial} ${whose} ${duty}`)),
  ),
  ...HELP_GIVEN_UP.flatMap((help) => [`instead of ${help}`, `without ${help}`]),
  'nothing we can do',
  'nothing they can do',
  'nothing they could do',
  'nothing i can do',
];

/** The deflection phrases with their valence, for the CX phrase lexicon. */
export function deflectionValences(): Array<readonly [string, number]> {
  return deflectionPhrases.map((phrase) => [phrase, DEFLECTION_VALENCE] as const);
}
