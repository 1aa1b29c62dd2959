/**
 * Everyday English words that hashtags are made of (`#neverflyingagain`, `#customerservicefail`), for
 * splitting a run of lower-case letters into words. The sentiment lexicon's words count too; this list
 * adds the common words it lacks. A hashtag none of whose splits is made of known words stays whole.
 */
export const HASHTAG_WORDS: readonly string[] = `
a about after again against air airline airlines airport all always am an and another any app are as
at away baby back bad bag bags bank be because bed been before being best better big bill birthday
black blue board book booked booking box boy breakfast broadband bus but buy by call can car card
care cars cat change check chicken christmas city class club coffee come company complaint could
country crew customer customers customerservice dad data day days delay delayed deal did didnt do
does dog done door down drink drive early eat end ever every experience fail family fan fans fast
father fight first flight flights fly flyer flying follow food for free friday friend friends from
fun game gate get girl give go going gold good got great guy had happy has have he help her here
him his holiday home hope hot hotel hour hours house how i if in internet into is it its job just
keep kid kids know last late later life like line little live long look lost love luggage lunch
made mail make man me media member miles mobile monday money month more morning most mother much
music my name need network never new news next night no not now of off office old on one online
only or order other our out over own pay people phone plane please point points power price
problem quality queue rail really refund right road room rule run safe said sale say school season
seat seats see service shop shopping should show sign sleep so social some someone staff start
station stay still stop store stuck sun sunday support sure take talk team tech than thank thanks
that the their them then there they thing things think this time to today told tomorrow too top
train travel trip true try tuesday tv two up us use very wait want was water way we web week
weekend well were what when where which while who why will win wine with without work world worst
would wow year yes yet you your
`
  .trim()
  .split(/\s+/);

/** Greetings that may come before a question ("hi, can I ..."): skipped when finding its first word. */
export const GREETINGS: ReadonlySet<string> = new Set([
  'hi',
  'hello',
  'hey',
  'dear',
  'good',
  'morning',
  'afternoon',
  'evening',
  'team',
  'all',
  'there',
]);

/** Words that make a request by themselves ("please send me the form", "kindly confirm"). */
export const REQUEST_WORDS: ReadonlySet<string> = new Set(['please', 'pls', 'plz', 'kindly']);

/** Openings that make a request of what follows: "I'd like to update my direct debit date". */
export const REQUEST_OPENINGS: readonly (readonly string[])[] = [
  "i'd like",
  'id like',
  'i would like',
  "we'd like",
  'we would like',
  'i wish to',
  'i want to',
  'i need to',
  'we need to',
  "i'm looking to",
  'im looking to',
].map((opening) => opening.split(' '));

/** Words of thanks, which thank "for" something: "thanks for the four-hour tarmac tour!" is sarcasm. */
export const THANKS_WORDS: ReadonlySet<string> = new Set([
  'thanks',
  'thank',
  'thankyou',
  'thx',
  'ty',
  'cheers',
]);

/**
 * Words of courtesy: a customer reporting a problem says "please" and "thanks" out of manners, not to
 * praise the service ("no reply in 2 weeks, please help, thanks"). "help" is courtesy only right after a
 * request word ("please help"): elsewhere ("the agent was a great help") it is praise.
 */
export const COURTESY_WORDS: ReadonlySet<string> = new Set([
  ...THANKS_WORDS,
  ...REQUEST_WORDS,
  'appreciate',
  'appreciated',
]);

/** Words between a thank-you and its "for": "thank *you* for", "thanks *so much* for". */
export const THANKS_FILLERS: ReadonlySet<string> = new Set(['you', 'u', 'ya', 'so', 'very', 'much', 'again']);

/**
 * Words between mocking praise and the failing it mocks: "nice *getting* overcharged again", "great,
 * *another* price rise". Not "being": "love being ignored" is sarcasm, but "they love being victims" says
 * what others like, and with it the telecom cross-validation lost a comment (acc3 0.787 -> 0.786).
 */
export const MOCKED_BY: ReadonlySet<string> = new Set(['getting', 'another']);

/**
 * Faces that undercut the praise before them ("great :(", "Perfect service 🙄"). Crying and tearful faces
 * are left out: "I love this song 😭" is moved, not sarcastic.
 */
export const UNDERCUTTING_FACES: ReadonlySet<string> = new Set([
  ':(',
  ':-(',
  ':/',
  ':-/',
  '-_-',
  '🙄',
  '😒',
  '😑',
  '🙃',
  '☹',
  '☹️',
]);

/**
 * Of `UNDERCUTTING_FACES`, those that mark irony rather than sadness: they undercut the praise before them
 * wherever they stand ("LOVE being stuck on the tarmac for 3 hrs 🙃"), where a sad face after a complaint
 * word may be sad about that ("love this airline, sad the trip is over :(").
 */
export const IRONY_FACES: ReadonlySet<string> = new Set(['🙄', '😒', '😑', '🙃']);

/**
 * Praise words that open sarcasm about a failing: "love waiting 40 minutes", "great job losing my bag",
 * "well done cancelling again". "Good" is left out: "good luck getting through" wishes, it does not mock.
 */
export const SARCASTIC_PRAISE: ReadonlySet<string> = new Set([
  'love',
  'loving',
  'great',
  'brilliant',
  'fantastic',
  'awesome',
  'amazing',
  'nice',
  'perfect',
  'lovely',
  'excellent',
  'superb',
  'wonderful',
  'well',
]);

/** Words that open a question when a subject follows ("can I", "do you", "is there", "how do"). */
export const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'can',
  'could',
  'would',
  'will',
  'may',
  'is',
  'are',
  'do',
  'does',
  'did',
  'how',
  'what',
  'when',
  'where',
  'which',
  'who',
  'any',
  'anyone',
  'anybody',
]);

/** Subjects after a question opener: "can *I*", "do *you*", "is *there*", "how *do*". */
export const QUESTION_SUBJECTS: ReadonlySet<string> = new Set([
  'i',
  'you',
  'we',
  'u',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'it',
  'there',
  'they',
  'he',
  'she',
  'my',
  'your',
  'the',
  'a',
  'this',
  'that',
  'do',
  'does',
  'can',
  'is',
  'are',
  'much',
  'many',
  'long',
  'time',
  'else',
  'one',
  'help',
  'news',
  'update',
  'updates',
  'word',
]);

/**
 * Openers of a rhetorical question, which is a complaint however polite its words ("why is my bag in
 * Denver?", "how come nobody answers?"): a question starting so is never made neutral for asking.
 */
export const RHETORICAL_OPENERS: ReadonlySet<string> = new Set(['why', 'come', 'seriously', 'really']);

/**
 * Words that make up small talk: polite formulas ("thanks", "no worries", "you too"), fillers and
 * acknowledgements ("ok", "lol", "will do", "noted"), greetings and reply chatter ("DM sent", "followed
 * you", "sent with my account number"), and a survey's non-answers ("None", "nil, see above", "see
 * previous survey"; not "nothing": "thanks for nothing"). A comment made of nothing else gives no
 * opinion of the service, however warm its words. "good" counts only before a time of day ("good
 * morning").
 */
export const SMALL_TALK_WORDS: ReadonlySet<string> = new Set([
  ...`
thanks thank thankyou thx ty tysm cheers ta please pls plz ok okay okey k kk alright sure yes yeah yep
yup no nope np worries problem welcome lol lmao lmfao haha hahaha hehe hah ha rofl hmm hm ah oh oops
noted will do done got it understood see you u too same to for the a an so much very again in advance
all hi hello hey hiya dear morning afternoon evening night team there guys folks sir madam dm dms pm
sent send followed follow following back just now ill i'll we'll and ref reference
with my details account number order booking postcode email address
none nil na nada comment comments further above previous survey surveys
`
    .trim()
    .split(/\s+/),
]);

/**
 * Possessives that open a bare mention of a thing ("my order", "your app", "our booking"): the thing
 * named, nothing said of it.
 */
export const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'your', 'ur', 'our', 'his', 'her', 'their']);

/** Times of day after "good" in a greeting: "good morning" is small talk, "good service" is praise. */
export const GREETING_TIMES: ReadonlySet<string> = new Set([
  'morning',
  'afternoon',
  'evening',
  'night',
  'day',
]);

/**
 * Capitalised words that follow a word without making a name of it: "Happy Sunday", "Merry Christmas",
 * "Good Morning" greet, "Great Monday night" praises. A sentiment word before one of these keeps its
 * sentiment (see `sentiment/name-words.ts`).
 */
export const NOT_NAME_PARTNERS: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'christmas',
  'easter',
  'halloween',
  'thanksgiving',
  'birthday',
  'anniversary',
  'new',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  'day',
  'weekend',
  'i',
]);
