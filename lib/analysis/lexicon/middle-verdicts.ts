/**
 * The middle of a rating scale told in words: a survey scale's own midpoint labels ("neither easy nor
 * difficult", "neither satisfied nor dissatisfied") and approval hedged down to it ("ok I guess",
 * "fine I suppose"). Answers this short are the score's twin, and the score is the middle.
 */

/** Opposite ends of a scale that "neither ... nor ..." names together, in either order. */
export const SCALE_ENDS: ReadonlyArray<readonly [string, string]> = [
  ['good', 'bad'],
  ['great', 'terrible'],
  ['easy', 'difficult'],
  ['easy', 'hard'],
  ['satisfied', 'dissatisfied'],
  ['happy', 'unhappy'],
  ['pleased', 'displeased'],
  ['agree', 'disagree'],
  ['likely', 'unlikely'],
  ['better', 'worse'],
  ['positive', 'negative'],
];

/** Mild approval that a hedge brings down to the middle. */
export const HEDGED_APPROVALS: ReadonlySet<string> = new Set([
  'ok',
  'okay',
  'alright',
  'fine',
  'decent',
  'reasonable',
  'acceptable',
  'adequate',
]);

/** The hedge after it: "ok I guess", "fine I suppose", "decent-ish". */
export const HEDGES: ReadonlySet<string> = new Set(['guess', 'suppose', 'ish']);

/** Words around a middle verdict that add nothing to it: "it was", "overall the service was". */
export const MIDDLE_FILLER: ReadonlySet<string> = new Set(
  `it it's its was is has been the this that service experience process overall honestly tbh really
i i'd id would say to be just pretty all in so well um hmm`.split(/\s+/),
);
