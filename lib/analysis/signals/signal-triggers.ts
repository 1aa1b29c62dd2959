import { TIME_UNIT } from '../lexicon/time-units.js';
import { LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';

/*
 * Which of `extractSignals`' patterns a comment gives a chance, read off its words: a pattern runs only
 * when the comment holds its trigger words, so most comments run none of the regular expressions over
 * their text.
 */

/** A test for one of `words` standing whole in a word of the comment (`\b` either side, as in a pattern). */
function wholeWord(words: string): RegExp {
  return new RegExp(`(?:^|[^a-z0-9_])(?:${words})(?![a-z0-9_])`);
}

/** A test for a word of the comment that starts with one of `starts` (`\b` before it only). */
function wordStart(starts: string): RegExp {
  return new RegExp(`(?:^|[^a-z0-9_])(?:${starts})`);
}

// The words that can end a number of the duration pattern ("a couple of", "forty five"), written
// into the unit's word ("anhour").
const GLUED_NUMBER =
  'an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|few|several|couple|of';

/**
 * What a word of the comment must look like for each pattern to have a chance: a pattern runs only when
 * one of the comment's words matches its group's test. Working this out once per distinct word (survey
 * text repeats a small vocabulary) skips the regular expressions on most comments, which is most of the
 * time this module takes. Each test is a loose image of its pattern, never stricter: `^` or a
 * non-word character stands for the pattern's word boundary, and multi-word cues are filed under one of
 * their words ("trading standards" under "standards"), or under two in `pairedTriggers`.
 */
const triggerGroups = {
  // A unit that ends a word (not "minimum", "through"): "45 mins", "2hrs", "an hour's"; "half an hour"
  // needs no boundary after it. What comes before it in its word can only be a number, as "aday" or
  // "5hrs" ("\s*" lets them touch), or nothing: not "today", "friday" or "admin".
  duration: new RegExp(
    `(?:^|[^a-z0-9_]|\\d|${wordStart(GLUED_NUMBER).source})(?:(?:${TIME_UNIT})(?![a-z0-9_])|hour)`,
  ),
  // "called 5x": a count and an x in one word.
  contactTimes: /twice|times|^\d+x$/,
  contactCount: /calls|mails|contacts|attempts|conversations|chats|messages|letters|complaints/,
  // "third time", "5th call": the ordinal is what is rare.
  contactOrdinal: /second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d(?:nd|rd|th)/,
  // "called again" and "had to call" need a contact verb too: see `pairedTriggers`.
  contactAgain: null,
  transferTimes: /transfer|passed|through|redirected|bounced/,
  transferPeople: /department|people|agents|advis|teams|operators|staff|persons/,
  transferOnce: /transfer|through|redirected|passed|pillar|pushed/,
  // The verbs that say churn on their own, in the forms the pattern reads ("cancel", "closing"; not
  // "cancelled", "closed", "switched", which say what happened, not what the customer will do); "never
  // using you", "another provider", "never again", "the last time", "done with" are in `pairedTriggers`.
  churn: new RegExp(
    `${wordStart('cancel(?:l?ing)?$|clos(?:e|ing)$|terminat(?:e|ing)$|switch(?:ing)?$').source}|^end(?:ing)?$|elsewhere|leaving|boycott`,
  ),
  // Every call-back form names the customer or asks politely: see `pairedTriggers`.
  callback: null,
  // The words that say escalation on their own (rare ones, or the rare word of a fixed phrase: "financial
  // conduct authority", "better business bureau", "citizens advice"); "BBB" is read "bb", as any
  // tripled letter is (a stretched word undone).
  escalation: new RegExp(
    [
      /ombudsman|ofcom|ofgem|ofwat|fca|conduct|bbb|^bb$|bureau|cfpb|ftc|standards|regulator|citizens/.source,
      /watchdog|solicitor|lawyer|attorney|escalat|bbc/.source,
      wholeWord('court|sue|suing|suit|lawsuit').source,
      wordStart('legal|formal').source,
    ].join('|'),
  ),
} as const satisfies Record<string, RegExp | null>;

export type TriggerGroup = keyof typeof triggerGroups;

/**
 * Groups present when a comment holds a word passing each of two tests. Common words ("had", "again",
 * "back", "last", "done", "company", "report", "manager") make a pattern's phrase only next to a rarer
 * one, and most comments holding them hold no partner, so they need not run the pattern at all. The
 * words may stand anywhere in the comment: the pattern, not the pair, says where.
 */
const pairedTriggers: ReadonlyArray<readonly [TriggerGroup, RegExp, RegExp]> = [
  // "called again", "ring them back again", "had to phone".
  ['contactAgain', /again|had/, /call|rang|ring|rung|phon|contact|mail|chas|spoke|chat|wrote|written|messag/],
  // "please call", "ring me back", "in touch with me", "get back to me", "dm me", "send me a pm", "I'd like
  // someone to call" (not "during" or "bring"); the pattern lets "you" run into the verb ("can youcall
  // me") and "me" into the next word ("call me on", "call mexico"), so "me" is only a start.
  [
    'callback',
    /(?:^|[^a-z0-9_]|someone|somebody|you|manager|anyone)(?:call|ring|phone|contact)|touch|^(?:dm|pm|inbox|back|send|message)$/,
    wordStart('me|us|please|like|want|need'),
  ],
  // "expecting a call back".
  ['callback', wordStart('expect'), wordStart('call|phone')],
  // "won't be renewing", "never using you", "not going to return": the verb, not the negator, is rare.
  [
    'churn',
    /^renew|^(?:use|using|stay|staying|come|coming|back|shopping|flying|ordering|dealing)$|^return/,
    wholeWord("won't|not|never"),
  ],
  // "moving to another provider", "leave the bank" ("switching network" is under "switch").
  [
    'churn',
    /provider|supplier|company|bank|network|carrier|insurer|airline/,
    wholeWord('another|different|new|better|cheaper|other|leave'),
  ],
  // "never fly with them again", "never again!".
  ['churn', wholeWord('never'), wholeWord('again')],
  // "that's the last time I fly", "our final time we stay".
  ['churn', wholeWord('last|final'), wholeWord('time')],
  // "I'm done with you".
  ['churn', wholeWord('done'), wholeWord('with')],
  ['escalation', wholeWord('small'), wholeWord('claims')],
  // "take this further".
  ['escalation', wholeWord('take'), wholeWord('further')],
  // "complain to the CEO", "complaint to head office".
  ['escalation', wordStart('complain'), wholeWord('ceo|chief|head|md|managing')],
  // "posting this on Twitter", "going to the papers", "tell everyone".
  [
    'escalation',
    /twitter|facebook|social|instagram|tiktok|trustpilot|tripadvisor|yelp|google|press|papers|media|everyone/,
    wholeWord('post|posting|put|putting|share|sharing|write|writing|tell|telling|go|going'),
  ],
  ['escalation', wholeWord('bad'), wordStart('review')],
  // "I'm reporting you to", "we will report this to" (not "the lender reported it").
  ['escalation', wholeWord('report|reporting'), wholeWord("i'm|im|am|will|i'll|we'll|are|going|gonna|be")],
  // "speak to a manager", "talk with the complaints team", "put me through to a supervisor".
  ['escalation', /manager|supervisor|leader|senior|complaints/, wholeWord('speak|talk|put|transfer')],
];

// Two bits a pair in one int32 (see `pairHalfBitsOf`).
if (pairedTriggers.length > 15) throw new Error('pairedTriggers: at most 15 pairs fit in the half bits');

const groupBits = Object.fromEntries(
  Object.keys(triggerGroups).map((group, bit) => [group, 1 << bit]),
) as Record<TriggerGroup, number>;

const triggerBitsOf = new LexemeNumbers(({ word }) => {
  let bits = 0;
  for (const [group, test] of Object.entries(triggerGroups) as Array<[TriggerGroup, RegExp | null]>) {
    if (test?.test(word)) bits |= groupBits[group];
  }
  return bits;
});

/** The group bit each pair of `pairedTriggers` stands for. */
const pairGroupBits = pairedTriggers.map(([group]) => groupBits[group]);

// Which halves of `pairedTriggers` a word passes: bit 2i for pair i's first test, 2i + 1 for its second.
const pairHalfBitsOf = new LexemeNumbers(({ word }) => {
  let bits = 0;
  pairedTriggers.forEach(([, first, second], pair) => {
    if (first.test(word)) bits |= 1 << (2 * pair);
    if (second.test(word)) bits |= 1 << (2 * pair + 1);
  });
  return bits;
});

/** Where a comment's words of the duration group stand: the first one's start, the last one's end. */
export interface DurationWords {
  /** -1 while no word of the group is met. */
  start: number;
  end: number;
}

const DURATION_BIT = groupBits.duration;

/**
 * The trigger groups present in a comment, as bits of `groupBits`; `durationWords`, when given, is set to
 * where the words of the duration group stand (read in the same pass, as the duration pattern needs).
 */
export function triggersIn(tokens: readonly Token[], durationWords?: DurationWords): number {
  let bits = 0;
  let halves = 0;
  for (const token of tokens) {
    const wordBits = triggerBitsOf.of(token);
    if ((wordBits & DURATION_BIT) !== 0 && durationWords) {
      if (durationWords.start < 0) durationWords.start = token.start;
      durationWords.end = token.end;
    }
    bits |= wordBits;
    halves |= pairHalfBitsOf.of(token);
  }
  if (halves === 0) return bits;
  for (let pair = 0; pair < pairedTriggers.length; pair++) {
    const both = 3 << (2 * pair);
    if ((halves & both) === both) bits |= pairGroupBits[pair] as number;
  }
  return bits;
}

/** Whether the comment holds a word of the trigger group (`triggers` from `triggersIn`). */
export function has(triggers: number, group: TriggerGroup): boolean {
  return (triggers & groupBits[group]) !== 0;
}

/**
 * The bit of a trigger group in `triggersIn`'s answer, for a rule to keep: a loop over rules that looks
 * up each rule's group by name reads an object by many keys at one place, which V8 does through a slow
 * generic lookup on every comment.
 */
export function triggerBit(group: TriggerGroup): number {
  return groupBits[group];
}
