import type { FeedbackSignals, Intent } from '../feedback-analysis.js';
import { NUMBER_WORDS, ORDINALS } from '../lexicon/number-words.js';
import { MINUTES_IN_A_DAY, MINUTES_IN_A_YEAR, TIME_UNIT, UNIT_MINUTES } from '../lexicon/time-units.js';
import { hashtagWords, socialPartAt } from '../text/social-parts.js';
import { type Token, tokenize } from '../text/tokenize.js';
import { type DurationWords, has, triggerBit, triggersIn } from './signal-triggers.js';

const NUMBER = String.raw`\d+(?:\.\d+)?|a couple of|a few|forty five|couple of|couple|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety`;
// Words that may lead a duration's number ("more than 2 hours").
const DURATION_LEADS = ['over ', 'more than ', 'nearly ', 'almost ', 'about ', 'around '];
const AND_A_HALF = ' and a half';
const DURATION = new RegExp(
  String.raw`\b(?:(half an? hour)|(an? hour and a half)|(?:${DURATION_LEADS.join('|')})?(${NUMBER})\s*\+?\s*-?\s*(${TIME_UNIT})\b(?:${AND_A_HALF})?)`,
  'g',
);
// What may stand between a duration's words and its unit: a number's digits and point, spaces, + and -.
const DIGITS_OR_GAP = /[\d.\s+-]/;
const WORD_CHARACTER = /\w/;
// The most characters of words a duration holds before them: a lead and a number in words ("more than
// a couple of"), read off the pattern's text, where "an?" counts three (too many is safe, too few not);
// "half an " is shorter.
const MOST_WORD_CHARACTERS_BEFORE_GAP =
  Math.max(...DURATION_LEADS.map((lead) => lead.length)) +
  Math.max(...NUMBER.split('|').map((number) => (number.includes('\\d') ? 0 : number.length)));
// A duration describes waiting when a wait cue stands just before it or a "later" after it;
// "delivered within 24 hours" or "a 2 hour slot" do not.
const WAIT_BEFORE =
  /\b(?:wait(?:ed|ing)?|hold|queu(?:e|ed|ing)|took|taken|taking|take|for|over|after|since|been|spent|delay(?:ed)?|late|still|chasing|more than|nearly|almost|ages)\b[^.!?]{0,30}$/;
// Time stuck on the way counts too: "2 hours on the tarmac", "3 hours at the gate"; not
// "stuck" or "sitting", which follow a flight's length as often ("a 2 hour flight, stuck in the middle seat").
const WAIT_AFTER =
  /^[^.!?]{0,20}\b(?:later|late|on hold|wait(?:ing)?|delay|queue|queu(?:e?ing)|in line|on the tarmac|on the runway|at the gate|to (?:get|be|answer|connect|arrive|deliver|install|fix|sort|respond))\b/;
// Nor a time to come or a span something happened in ("for the next 5 years", "over the 4 days"); how
// long the customer has been one ("a customer for 20 years", "been with you 10 years") or something
// lasted ("broke after 6 months"); a credit report's "30 day late" mark; an age ("a 19 year old girl",
// "my 5-year-old").
const NOT_A_WAIT_BEFORE =
  /\b(?:within|in (?:just|only|under)|under|less than|only took|only|just|(?:the )?next|(?:over|during|throughout) the|(?:customers?|members?|clients?|subscribers?|users?|shoppers?|policyholders?) (?:for|of)(?: (?:over|more than|nearly|almost|about|around))?|(?:been|stayed|banked|shopped) with (?:you|u|them|\S+)(?: for)?|lived(?: here| there)? for|(?:broke|broken|failed|died|stopped working|packed up|fell apart|lasted|lasting) (?:after|in|within)?(?: (?:only|just))?|report(?:ed|ing|s)?(?: me| as| it)?)\s*$/;
const NOT_A_WAIT_AFTER =
  /^(?:[\s-]*olds?\b|\+?\s*(?:now )?(?:with (?:you|u|them|the company|this company|your company|@\S+)|as (?:a |an |your )?(?:customer|member|client)|of (?:use|using|service|ownership|loyalty|membership|custom)\b)|\+?[\s-]*late (?:payments?|pays?|fees?|marks?|reporting|notices?|charges?|status)\b)/;
// A span of years is a wait only where the text says the customer waited or tried ("waiting 2 years for
// a fix", "tried for 3 years"), not after "for", "over" or "been" alone ("for 8 years under Obama").
// How fast something was done, in days or less: "claim paid in 3 days", "sorted it in an hour". In weeks
// or months it may be the complaint ("the refund was processed in 2 months").
const DONE_IN =
  /\b(?:paid|arrived|delivered|fixed|sorted|resolved|refunded|processed|replaced|repaired|answered|replied|installed|completed|connected|credited|approved)(?: it| out| them)? in\s*$/;
const WAITED_FOR_YEARS =
  /\b(?:wait(?:ed|ing)?|queu(?:e|ed|ing)|took|taken|taking|delay(?:ed)?|chas(?:e|ed|ing)|tried|trying|still|without|no \w+)\b[^.!?]{0,30}$/;

const CONTACT_VERB =
  'call(?:ed|ing)?|rang|ring(?:ing)?|rung|phon(?:ed|ing)|contact(?:ed|ing)?|e-?mail(?:ed|ing)?|chas(?:ed|ing)|spoken?|chat(?:ted)?|wr(?:ote|itten)|messag(?:ed|ing)';
const CONTACT_NOUN =
  'calls|phone calls|e-?mails|contacts|attempts|conversations|chats|messages|letters|complaints';
const CONTACT_TIMES = new RegExp(
  String.raw`\b(?:${CONTACT_VERB})\b(?:\s+(?:you|u|ya|y'?all|guys|them|us|it|back|up|in|like|literally|about|around|over|at least|already|customer services?|the company|about this|about it)){0,3}\s+(?:(twice)|(${NUMBER}|countless|numerous|multiple|many|endless)\s*\+?\s*(?:times|(?<=\d)x\b))`,
  'g',
);
const CONTACT_COUNT = new RegExp(
  String.raw`\b(\d+|twice|two|three|four|five|six|seven|eight|nine|ten|twenty|several|multiple|numerous|countless|many|endless)\s*\+?\s*(?:separate |different |more |further |phone )?(?:${CONTACT_NOUN})\b`,
  'g',
);
const CONTACT_ORDINAL =
  /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(\d+)(?:nd|rd|th))\s+(time|call|attempt|e-?mail|contact)\b/g;
// Words that make "the third time" or "two complaints" a contact: "calling for the third time", "I've
// made two complaints"; not "watched it for the 4th time", "my second time dining here", "my only two
// complaints are...".
const CONTACT_CONTEXT = new RegExp(
  String.raw`\b(?:${CONTACT_VERB}|call|phone|e-?mail|contact|complain(?:ed|ing)?|chase|ask(?:ed|ing)?|told|explain(?:ed|ing)?|reach(?:ed)?|made|filed|raised|lodged|logged|submitted)\b`,
);
// How far either side of an ambiguous count its context is looked for, within its sentence.
const CONTACT_CONTEXT_REACH = 40;

/** Whether the sentence around a match holds a word of contacting (see `CONTACT_CONTEXT`). */
function inContactContext(match: RegExpMatchArray): boolean {
  const input = match.input ?? '';
  const start = match.index ?? 0;
  const end = start + match[0].length;
  const before =
    input
      .slice(Math.max(0, start - CONTACT_CONTEXT_REACH), start)
      .split(/[.!?]/)
      .pop() ?? '';
  const after = input.slice(end, end + CONTACT_CONTEXT_REACH).split(/[.!?]/, 1)[0] ?? '';
  return CONTACT_CONTEXT.test(before) || CONTACT_CONTEXT.test(after);
}

/** An ordinal count of contacts; "the third time" only where the sentence speaks of contacting. */
function ordinalContacts(match: RegExpMatchArray): number | undefined {
  if (match[3] === 'time' && !inContactContext(match)) return undefined;
  return ORDINALS[match[1] ?? ''] ?? (match[2] ? Number(match[2]) : undefined);
}

/** A count of contacts; complaints only where the sentence says they were made (not "two complaints: ..."). */
function countedContacts(match: RegExpMatchArray): number | undefined {
  if (match[0].endsWith('complaints') && !inContactContext(match)) return undefined;
  return toNumber(match[1] ?? '');
}
const CONTACT_AGAIN = new RegExp(
  String.raw`\b(?:${CONTACT_VERB})\b(?:\s+\w+){0,2}\s+again\b|\b(?:call|ring|phone|chase|contact)\s+(?:you|them)?\s*back again\b|\bhad to (?:call|ring|phone|chase|contact)\b`,
  'g',
);

const TRANSFER_TIMES = new RegExp(
  String.raw`\b(?:transferr?(?:ed|ing)|passed (?:on|over|around|between)|put through|redirected|bounced)\b[^.!?]{0,30}?\b(${NUMBER}|twice|several|multiple|numerous|countless)\s*(?:times|departments|different|(?<=\d)x\b)`,
  'g',
);
// The people a customer was passed between, after a verb of dealing with them ("spoke to 15 advisors",
// "passed between four different departments"): "a table of five people" and "two staff members were
// lovely" count no transfer.
const TRANSFER_PEOPLE =
  /\b(?:spoke|spoken|speak(?:ing)?|talk(?:ed|ing)?|deal(?:t|ing)?|passed|transferr?(?:ed|ing)|bounced|(?:been|went|gone|go|going) through)\b[^.!?]{0,25}?\b(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|several|multiple|numerous)\s+(?:different\s+|separate\s+)?(?:departments|people|agents|advisors|advisers|teams|operators|staff members|persons)\b/g;
// The customer or their call transferred, not their money: "I was transferred", "they transferred me",
// "transferred to another department"; not "I transferred money to the wrong account".
const TRANSFER_ONCE =
  /\b(?:(?:was|were|got|been|getting|get) transferr?ed|transferr?(?:ed|ing) (?:me|us|my call|the call|our call)|transferr?(?:ed|ing) (?:to|between) (?:another|a different|different|the wrong|someone|departments?|teams?|[a-z]+ (?:department|team|dept))|put through to|redirected to|passed (?:on|over) to)\b/;
const PASSED_AROUND =
  /\b(?:passed (?:around|from pillar to post|from one|between)|pillar to post|pushed from)\b/;

interface IntentRule {
  intent: Intent;
  pattern: RegExp;
  /** The bit of the trigger group the pattern cannot match without (see `triggerBit`). */
  requires: number;
  /** Words just before a match that take it back: "I'm *not* leaving", "*nobody* called me back". */
  takenBackBy: RegExp;
  /** Whether the original text bears out a match (found in its lower-case form) that case must settle. */
  borneOut?: (text: string, match: RegExpMatchArray) => boolean;
}

const NEGATED_BEFORE =
  /\b(?:not|never|no one|nobody|didn't|did not|don't|do not|won't|haven't|hasn't|isn't)\s+(?:\w+\s+){0,1}$/;
const CHURN_NEGATION = /\b(?:not|never|no plans? to|won't be|wouldn't)\s+$/;
// A call-back someone else promised or was asked for, reported: "they said someone would call me back",
// "promised to call me back", "he said he will call me", "I told the lady to please call me back".
const CALLBACK_TAKEN_BACK = new RegExp(
  `${NEGATED_BEFORE.source}|\\b(?:to|said|says|promised|promises|told|advised|assured|they|he|she|it|one|who|manager|supervisor|representative|rep|agent|advisor|adviser|specialist|department)\\s+$`,
);

// Each rule finds the intent; its `takenBackBy` then drops "I'm not leaving" and "nobody called me back".
const intentRules: readonly IntentRule[] = [
  {
    intent: 'churn_risk',
    requires: triggerBit('churn'),
    takenBackBy: CHURN_NEGATION,
    pattern:
      /\b(?:(?:will be |am |i'm |im |we're |we are |going to |gonna |thinking of |considering |about to |want to |would like to |i'll |we'll |will )(?:cancel(?:l?ing)?|clos(?:e|ing)|terminat(?:e|ing)|end(?:ing)?) (?:my|our|the) (?:account|contract|subscription|service|membership|policy|broadband|package)|cancel(?:l?ing)? (?:my|our) (?:account|contract|subscription|membership|policy|direct debit)|clos(?:e|ing) (?:my|our) account|(?:switch(?:ing)?|mov(?:e|ing)|go(?:ing)?|leav(?:e|ing)|chang(?:e|ing)) (?:over )?to (?:another|a different|a new|a better|a cheaper|other) (?:provider|supplier|company|bank|network|carrier|insurer|airline)|(?:switch(?:ing)?|leav(?:e|ing)) (?:provider|supplier|company|bank|network)s?|tak(?:e|ing) my (?:business|custom|money) elsewhere|look(?:ing)? (?:for|at) (?:another|a new|a different|other) (?:provider|supplier|company|bank|network|insurer)|(?:won't|will not|not going to|never) (?:be )?(?:renew(?:ing)?|using you|use you|stay(?:ing)? with you|come back|coming back|back|return(?:ing)?)|never (?:using|use|shopping|flying|ordering|dealing) (?:with )?(?:you|them|this company|again)|(?:i'm|i am|we're|we are) leaving\b|will be leaving|shop(?:ping)? elsewhere|go(?:ing)? elsewhere|end of (?:my|our) contract i(?:'ll| will)|never (?:again )?(?:fly|flying|book|booking|use|using|shop|shopping|order|ordering|deal|dealing|bank|banking|stay|staying|travel|travell?ing|buy|buying|eat|eating)\b(?: [^ .!?]+){0,3}? again\b|never again(?= *(?:[.!#,;)]|$))|never again (?:will i|will we|fly|book|use|shop|order|stay|travel|buy|eat|deal)\b|(?:that's|thats|that is|this is|that was|this was|it's|it is|will be) (?:the |my |our )?(?:last|final) time (?:i|we)(?:'ll| will)? (?:fly|use|book|shop|order|stay|travel|buy|eat|deal|bank)\b|(?:i'm|im|i am|we're|we are|so|totally|officially|completely|absolutely|just) done with (?:you|u|ya|y'?all|them|your (?:company|airline|bank|service|network|shop|store)|this (?:company|airline|bank|service|network|place|shop|store))\b|boycott(?:ing)?\b)/,
  },
  {
    // Switching to a named provider ("switching to Octopus", "moving over to @Monzo"); a name is what
    // sets it apart from "switch to paperless billing" or "switch to a different currency".
    intent: 'churn_risk',
    requires: triggerBit('churn'),
    takenBackBy: CHURN_NEGATION,
    pattern: /\bswitch(?:ing)? (?:over )?to (@?\w+)/,
    borneOut: (text, match) =>
      /^[@\p{Lu}]/u.test(text.slice((match.index ?? 0) + match[0].length - (match[1] ?? '').length)),
  },
  {
    intent: 'callback_request',
    requires: triggerBit('callback'),
    takenBackBy: CALLBACK_TAKEN_BACK,
    pattern:
      /\b(?:(?:(?:someone|somebody|some one|anyone) )?(?:please|pls|can|could|would|will) (?:someone|somebody|you|a manager|anyone)? ?(?:please )?(?:call|ring|phone|contact) (?:me|us)(?: back)?|(?:i'd|i would|i) (?:like|want|need) (?:a|someone to|you to) (?:call|ring|phone|contact)(?: me| us)?(?: back)?|call me back|ring me back|get (?:back )?in touch with me|(?:please|pls|can you|could you|someone) get back to me|contact me (?:on|at|asap|urgently|please)|call me on|ring me on|please call|please ring|please contact me|(?:please|pls|plz|can you|could you|can someone|could someone|someone|somebody|can somebody) (?:please |pls )?(?:dm|pm|inbox|message) me\b|(?:dm|pm) me (?:back|please|pls|asap)|send me an? (?:dm|pm|private message)|expect(?:ing)? a (?:call|phone call|call back|callback))/,
  },
  {
    intent: 'escalation',
    requires: triggerBit('escalation'),
    takenBackBy: NEGATED_BEFORE,
    pattern:
      /\b(?:ombudsman|ofcom|ofgem|ofwat|fca|financial conduct authority|bbb|better business bureau|cfpb|ftc|trading standards|regulator|citizens advice|watchdog|(?:my|our|a|an|see|hire|hired|get|getting|involve|involving|(?:contact|consult)(?:ed|ing)?(?: a| an| my)?(?: \w+)?) (?:solicitor|lawyer|attorney)s?(?! general)|legal action|small claims|(?:take|taking|took|taken|see|seeing|drag|dragging|bring|bringing)\b[^.!?]{0,25}\bto (?:a |the )?(?:\w+ )?court|see you in court|(?:will|i'll|we'll|going to|gonna|plan to|intend to|threaten(?:ed|ing)? to|prepared? to|consider(?:ing)?|thinking of|ready to) (?:sue|suing)|(?:sue|suing) (?:you|them|the company|this company|your company)|(?:i|we|i'll|we'll|will|going to|ready to|prepared? to|plan to|intend to) (?:file|filing|bring|start) (?:a )?(?:law)?suit|take (?:this|it|you) further|formal complaint|escalat(?:e|ed|ing)|complain(?:t)? to (?:the )?(?:ceo|chief executive|head office|md|managing director)|(?:post|posting|put|putting|share|sharing|write|writing|tell|telling)(?: this| it| about (?:this|it|you))? (?:on|all over|to) (?:twitter|facebook|social media|instagram|tiktok|trustpilot|tripadvisor|yelp|google reviews|the press|the papers|the media)|(?:go|going) to the (?:press|papers|media|bbc|watchdog)|bad review|tell everyone|(?:i'm|im|i am|i will|i'll|we will|we'll|we are|going to|gonna|will be) report(?:ing)? (?:you|this|them|it) to|(?:want|wanted|need|demand(?:ed)?|ask(?:ed)?|like|let me|can i|could i|may i|please let me) (?:to )?(?:speak|talk) (?:to|with) (?:a|the|your) (?:manager|supervisor|team leader|someone senior|senior manager|complaints (?:team|department))|(?:put|transfer) me (?:through )?to (?:a|the|your) (?:manager|supervisor|team leader))\b/,
  },
];

function toNumber(word: string): number | undefined {
  const normal = word.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(normal)) return Number(normal);
  return NUMBER_WORDS[normal] ?? NUMBER_WORDS[normal.replace(/ of$/, '')];
}

function unitMinutes(unit: string): number {
  return UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1] ?? 0;
}

/**
 * The matches of a global pattern from offset `from`, like `matchAll` without the copy of the pattern
 * `matchAll` makes on every call (this runs for every comment with a trigger word).
 */
function allMatches(pattern: RegExp, text: string, from = 0): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex++;
  }
  return matches;
}

/** Whether a text may hold a handle, URL or hashtag: the tokenizer steps over them or splits them. */
function mayHoldUntokenised(lower: string): boolean {
  return lower.includes('@') || lower.includes('#') || lower.includes('://') || lower.includes('www.');
}

/**
 * The part of `lower` that `DURATION` needs to read: the offset to start at, and the text cut after the
 * last place a match can end. Every match holds a unit in a token of the duration group (the group's
 * test is the pattern's loose image), so none starts before the first such token's number, spaces and
 * words, and none ends past the last such token's " and a half"; most comments name one duration among
 * a few sentences. Handles, URLs and hashtags are not tokens as written, and lower-casing that lengthens
 * a text moves its offsets: such a text is read whole.
 */
function durationReach(text: string, lower: string, words: DurationWords): { from: number; read: string } {
  if (words.start < 0 || lower.length !== text.length || mayHoldUntokenised(lower))
    return { from: 0, read: lower };
  let from = words.start;
  while (from > 0 && DIGITS_OR_GAP.test(lower.charAt(from - 1))) from--;
  // Cut before a character that is no word character, so the cut makes no word boundary of its own.
  let to = words.end + AND_A_HALF.length;
  while (to < lower.length && WORD_CHARACTER.test(lower.charAt(to))) to++;
  return {
    from: Math.max(0, from - MOST_WORD_CHARACTERS_BEFORE_GAP),
    read: to < lower.length ? lower.slice(0, to) : lower,
  };
}

function findWait(
  text: string,
  lower: string,
  words: DurationWords,
): { minutes: number; phrase: string } | undefined {
  let best: { minutes: number; phrase: string } | undefined;
  const { from, read } = durationReach(text, lower, words);
  for (const match of allMatches(DURATION, read, from)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = lower.slice(Math.max(0, start - 40), start);
    const after = lower.slice(end, end + 30);
    if (NOT_A_WAIT_BEFORE.test(before) || NOT_A_WAIT_AFTER.test(after)) continue;
    if (!WAIT_BEFORE.test(before) && !WAIT_AFTER.test(after)) continue;
    const unit = unitMinutes(match[4] ?? '');
    if (unit >= MINUTES_IN_A_YEAR && !WAITED_FOR_YEARS.test(before)) continue;
    if (unit <= MINUTES_IN_A_DAY && DONE_IN.test(before)) continue;
    let minutes: number;
    if (match[1]) minutes = 30;
    else if (match[2]) minutes = 90;
    else {
      const count = toNumber(match[3] ?? '');
      if (count === undefined) continue;
      minutes = count * unit * (match[0].endsWith('and a half') ? 1.5 : 1);
      if (match[0].endsWith('and a half') && (match[3] === 'an' || match[3] === 'a')) minutes = unit * 1.5;
    }
    if (minutes <= 0) continue;
    if (!best || minutes > best.minutes)
      best = { minutes: Math.round(minutes), phrase: phraseAround(text, start, end, before) };
  }
  return best;
}

/** The original-text phrase for a match, widened to include the wait cue just before it. */
function phraseAround(text: string, start: number, end: number, before: string): string {
  const cue = before.match(
    /\b(?:on hold for|waited|waiting|wait(?:ed)? for|hold for|queued for|took|taken|taking|been|for|over|after|since|still)\b[^.!?]*$/,
  );
  const from = cue ? start - cue[0].length : start;
  return text.slice(from, end).trim();
}

/** A pattern that counts something, how to read the count from a match, and its trigger group. */
type CountPattern = readonly [
  RegExp,
  (match: RegExpMatchArray) => number | undefined,
  /** The bit of its trigger group (see `triggerBit`). */
  requires: number,
];

const contactPatterns: readonly CountPattern[] = [
  [CONTACT_TIMES, (m) => (m[1] ? 2 : toNumber(m[2] ?? '')), triggerBit('contactTimes')],
  [CONTACT_COUNT, countedContacts, triggerBit('contactCount')],
  [CONTACT_ORDINAL, ordinalContacts, triggerBit('contactOrdinal')],
  [CONTACT_AGAIN, () => 2, triggerBit('contactAgain')],
];

const transferPatterns: readonly CountPattern[] = [
  [TRANSFER_TIMES, (m) => toNumber(m[1] ?? ''), triggerBit('transferTimes')],
  [TRANSFER_PEOPLE, (m) => toNumber(m[1] ?? ''), triggerBit('transferPeople')],
];

function largest(
  text: string,
  lower: string,
  triggers: number,
  patterns: readonly CountPattern[],
): { count: number; phrase: string } | undefined {
  let best: { count: number; phrase: string } | undefined;
  for (const [pattern, count, requires] of patterns) {
    if ((triggers & requires) === 0) continue;
    for (const match of allMatches(pattern, lower)) {
      const value = count(match);
      if (value === undefined || value < 1) continue;
      if (!best || value > best.count) {
        best = { count: value, phrase: text.slice(match.index, match.index + match[0].length).trim() };
      }
    }
  }
  return best;
}

/**
 * Whether `found` holds `intent`. A loop, not `found.some(...)`: a callback reading the loop's `intent`
 * makes a context for it on every rule tried, on every comment with a trigger word.
 */
function holdsIntent(found: ReadonlyArray<{ intent: Intent }>, intent: Intent): boolean {
  for (let i = 0; i < found.length; i++) if ((found[i] as { intent: Intent }).intent === intent) return true;
  return false;
}

function findIntents(
  text: string,
  lower: string,
  triggers: number,
): Array<{ intent: Intent; phrase: string }> {
  const found: Array<{ intent: Intent; phrase: string }> = [];
  for (const { intent, pattern, requires, takenBackBy, borneOut } of intentRules) {
    if ((triggers & requires) === 0 || holdsIntent(found, intent)) continue;
    const match = lower.match(pattern);
    if (!match || match.index === undefined) continue;
    const before = lower.slice(Math.max(0, match.index - 25), match.index);
    if (takenBackBy.test(before)) continue;
    if (borneOut && !borneOut(text, match)) continue;
    found.push({ intent, phrase: text.slice(match.index, match.index + match[0].length).trim() });
  }
  return found;
}

/** Each hashtag of the text as the phrase its words make ("#NeverFlyingUnitedAgain": "never flying united again"). */
function hashtagPhrases(text: string): Array<{ phrase: string; hashtag: string }> {
  const phrases: Array<{ phrase: string; hashtag: string }> = [];
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    const part = socialPartAt(text, at);
    if (part?.kind !== 'hashtag') continue;
    const words = hashtagWords(text, at + 1, part.end).map(([start, end]) => text.slice(start, end));
    phrases.push({ phrase: words.join(' ').toLowerCase(), hashtag: text.slice(at, part.end) });
  }
  return phrases;
}

// Escalation is left out: a hashtag names an institution ("#SupremeCourt", "#AttorneyGeneral") far more
// often than it threatens to go to one.
const HASHTAG_INTENTS: ReadonlySet<Intent> = new Set(['churn_risk', 'callback_request']);

/** Intents a hashtag states as a sentence would ("#NeverAgain", "#BoycottUnited"), beyond `found`. */
function hashtagIntents(
  text: string,
  triggers: number,
  found: ReadonlyArray<{ intent: Intent }>,
): Array<{ intent: Intent; phrase: string }> {
  const more: Array<{ intent: Intent; phrase: string }> = [];
  for (const { phrase, hashtag } of hashtagPhrases(text)) {
    for (const { intent } of findIntents(phrase, phrase, triggers)) {
      if (!HASHTAG_INTENTS.has(intent)) continue;
      if (!found.some((f) => f.intent === intent) && !more.some((m) => m.intent === intent))
        more.push({ intent, phrase: hashtag });
    }
  }
  return more;
}

/**
 * `text` lower-cased with ’ read as ': `replaceAll` costs several times what lower-casing does even with
 * nothing to replace, and most comments hold no ’.
 */
function lowerCased(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
}

/**
 * Extracts the numbers a CX lead asks about (how long, how many contacts, how many transfers) and the
 * intents that need action (churn, call-back, escalation), each with the phrase it came from.
 * Pure and deterministic; works on English text and finds nothing in other languages. `tokens` are the
 * text's tokens when the caller has them already.
 */
export function extractSignals(text: string, tokens: readonly Token[] = tokenize(text)): FeedbackSignals {
  // Offsets must line up between `text` and `lower`, so only same-length changes are made.
  const durationWords: DurationWords = { start: -1, end: -1 };
  const triggers = triggersIn(tokens, durationWords);
  if (triggers === 0) {
    return { waitMinutes: null, contactCount: null, transferCount: null, intents: [], evidence: {} };
  }
  const lower = lowerCased(text);
  const evidence: Record<string, string> = {};

  const wait = has(triggers, 'duration') ? findWait(text, lower, durationWords) : undefined;
  if (wait) evidence.waitMinutes = wait.phrase;

  const contacts = largest(text, lower, triggers, contactPatterns);
  if (contacts) evidence.contactCount = contacts.phrase;

  let transfers = largest(text, lower, triggers, transferPatterns);
  if (!transfers && has(triggers, 'transferOnce')) {
    const around = lower.match(PASSED_AROUND) ?? undefined;
    const once = around ? undefined : lower.match(TRANSFER_ONCE);
    const match = around ?? once;
    if (match?.index !== undefined) {
      transfers = { count: around ? 2 : 1, phrase: text.slice(match.index, match.index + match[0].length) };
    }
  }
  if (transfers) evidence.transferCount = transfers.phrase;

  const intents = findIntents(text, lower, triggers);
  if (text.includes('#')) intents.push(...hashtagIntents(text, triggers, intents));
  for (const { intent, phrase } of intents) evidence[intent] = phrase;

  return {
    waitMinutes: wait?.minutes ?? null,
    contactCount: contacts?.count ?? null,
    transferCount: transfers?.count ?? null,
    intents: intents.map((found) => found.intent),
    evidence,
  };
}
