/** Words that say something expected is missing ("no reply", "never got a call back"). */

// Fillers allowed between an absence word and the expected thing: "no further update", "without any help",
// "never got a reply", "haven't received my order".
export const ABSENCE_FILLERS = new Set([
  'a',
  'an',
  'any',
  'further',
  'proper',
  'real',
  'single',
  'the',
  'of',
  'working',
  'get',
  'got',
  'getting',
  'had',
  'receive',
  'received',
  'my',
  'our',
]);

export const ABSENCE_TRIGGERS = new Set([
  'no',
  'without',
  'lack',
  'lacking',
  'zero',
  'never',
  "didn't",
  'didnt',
  "haven't",
  'havent',
  "hasn't",
  'hasnt',
  "hadn't",
]);

// "No call back needed", "no engineer required": the thing was not missing, it was not needed.
export const NOT_NEEDED = new Set(['needed', 'required', 'necessary', 'need', 'neccessary']);
