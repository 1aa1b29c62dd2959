/**
 * Questions asked to complain, not to learn: how hard something is ("how hard is it to deliver a
 * parcel?"), how often the customer must chase ("how many times do I have to call you?"), why it always
 * goes wrong or keeps going wrong, whether anyone is there at all ("does anyone actually read my emails?"). Read in any
 * punctuation; a question that asks for a fact ("how long does delivery take?") names none of these.
 * None starts with "is": so common a word would be looked up as a phrase start in every comment.
 */
export const RHETORICAL_QUESTIONS: readonly string[] = [
  'how hard is it',
  'how hard can it be',
  'how difficult is it',
  'how difficult can it be',
  'how many times do i have to',
  'how many times must i',
  'how many more times',
  'why does this always',
  'why is it always',
  'why do you always',
  'why does it always',
  'does anyone actually',
  'does anybody actually',
  'does anyone even',
  'who trains your',
  'why does it take',
  // Why something keeps going wrong: "why does it keep asking me to verify my household?"
  'why does it keep',
  'why do you keep',
  'why does this keep',
  'why do they keep',
  'why do i keep',
];

const RHETORICAL_VALENCE = -2;

/** The rhetorical questions with their valence, for the CX phrase lexicon. */
export function rhetoricalQuestionValences(): Array<readonly [string, number]> {
  return RHETORICAL_QUESTIONS.map((phrase) => [phrase, RHETORICAL_VALENCE] as const);
}
