/** Words that open, close or bend a clause: contrast, negation scope, unmet expectations. */

// "yet" is left out: in service text it mostly means "not yet", not "but".
export const CONTRAST_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas']);

// "not only ... but", "not just the delay", "no doubt", "nothing but trouble" do not negate what follows.
export const NOT_NEGATING_AFTER = new Set(['only', 'just', 'doubt', 'but']);

// Negators that take a verb's bare form ("didn't listen"): a past tense joined after them by "and" is
// said, not denied ("the doctor didn't listen and rushed me out").
export const BARE_FORM_NEGATORS = new Set(["didn't", 'didnt', "doesn't", 'doesnt', "don't", 'dont']);
export const BARE_FORM_NEGATORS_AFTER = new Set(['did', 'does', 'do']);
export const JOINING_WORDS = new Set(['and', 'then']);

// "No choice but to", "nothing but trouble", "anything but easy": this "but" means "except", no contrast.
export const EXCEPTIVE_BEFORE_BUT = new Set([
  'nothing',
  'anything',
  'choice',
  'option',
  'options',
  'alternative',
]);

export const CONTRAST_STARTERS = new Set(['but', 'however']);
// Contrast words that contrast only where they end the sentence: "onboarding was painful though" says
// what "but onboarding was painful" says; "though the staff were nice, ..." concedes (see below).
export const TRAILING_CONTRASTS = new Set(['though']);

// Words after which the customer concedes a point ("despite the delay", "although the room was small",
// "in spite of the queue"): what follows weighs less than their verdict.
export const CONCESSION_MARKERS: ReadonlySet<string> = new Set([
  'despite',
  'although',
  'though',
  'spite',
  'albeit',
]);
// A subject after the conceded point starts the customer's own clause: "despite being a frequent flyer
// *I* was treated like dirt".
export const CONCESSION_ENDS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'they',
  'he',
  'she',
  "i'm",
  "we're",
  "they're",
  "i've",
  "we've",
  "they've",
  "i'd",
  "we'd",
]);

export const EMPHATIC_AFTER_NEVER = new Set(['such', 'so', 'this']);

// "Haven't received it yet", "still don't have": a negated clause with yet/still is an unmet expectation.
export const UNMET_EXPECTATION_MARKERS = new Set(['yet', 'still']);

/**
 * Words that say something happens again and again: "logs me out every time", "drops every evening",
 * "cancelled again and again". Said of a failure, they make it a worse one.
 */
export const REPEAT_MARKERS: readonly string[] = [
  'every time',
  'every single time',
  'each time',
  'all the time',
  'every day',
  'every night',
  'every evening',
  'every morning',
  'every week',
  'every month',
  'time after time',
  'again and again',
  'constantly',
  'repeatedly',
];
/** The words a repeat marker starts with: a comment without one holds no marker. */
export const REPEAT_MARKER_STARTS: ReadonlySet<string> = new Set(
  REPEAT_MARKERS.map((marker) => marker.split(' ')[0] as string),
);

// Words a review's closing verdict is told with: coming back or not ("never renting from them again",
// "won't be back"), recommending or warning ("highly recommend", "avoid", "stay away"), the worth of it.
export const VERDICT_WORDS: ReadonlySet<string> = new Set([
  'again',
  'back',
  'recommend',
  'recommended',
  'recommending',
  'avoid',
  'away',
  'worth',
  'return',
  'returning',
]);

// Praise of how things were, not how they are: "was good *until* the update", "*used to* love this app".
// After "used to", only a verb of liking or being: "got used to it, it's great" is no lapse.
export const LAPSE_MARKERS: ReadonlySet<string> = new Set(['until', 'till', 'til']);
/** The word of a past habit, before "to" and one of `PAST_HABIT_VERBS`: "*used* to be great". */
export const PAST_HABIT_MARKER = 'used';
export const PAST_HABIT_VERBS: ReadonlySet<string> = new Set([
  'be',
  'love',
  'like',
  'enjoy',
  'adore',
  'recommend',
  'rate',
  'work',
]);

// A verdict told by a negation put first: "*not a place I would* recommend", "*not somewhere we'd* go
// back to". The negation reaches the relative clause's verb, however far: the thing is named first, then
// who would not choose it.
export const FRONTED_NEGATOR = 'not';
/** What the fronted negation names, right after it: "not *a* place", "not *somewhere*", "not *one*". */
export const FRONTED_THINGS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'one',
  'somewhere',
  'someplace',
  'someone',
  'somebody',
  'something',
]);
/** Who would not choose it: the subject of the relative clause ("not a place *I'd* recommend"). */
export const FRONTED_CHOOSERS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  "i'd",
  "we'd",
  "you'd",
  "i'll",
  "we'll",
  "you'll",
]);
/**
 * Verbs and words of choosing the thing, one of which the relative clause must hold: "not a place I'd
 * *recommend*", "not somewhere we'd go *back* to". Not "not a lot I would change", which is praise.
 */
export const FRONTED_CHOICE_WORDS: ReadonlySet<string> = new Set([
  'again',
  'back',
  'return',
  'returning',
  'revisit',
  'recommend',
  'recommending',
  'go',
  'use',
  'stay',
  'visit',
  'trust',
  'choose',
  'buy',
  'book',
  'order',
  'eat',
  'fly',
  'shop',
]);
