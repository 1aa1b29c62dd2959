import { ABSENCE_FILLERS, ABSENCE_TRIGGERS, NOT_NEEDED } from '../lexicon/absence-words.js';
import { afinn165 } from '../lexicon/afinn-165.js';
import {
  CONCESSION_MARKERS,
  CONTRAST_STARTERS,
  EMPHATIC_AFTER_NEVER,
  FRONTED_NEGATOR,
  LAPSE_MARKERS,
  PAST_HABIT_MARKER,
  REPEAT_MARKER_STARTS,
  TRAILING_CONTRASTS,
  UNMET_EXPECTATION_MARKERS,
} from '../lexicon/clause-words.js';
import { COMPARED_WITH_US } from '../lexicon/competitor-words.js';
import { CX_ABBREVIATIONS } from '../lexicon/cx-abbreviations.js';
import {
  counterfactuals,
  cxPhraseValences,
  cxWordValences,
  expectedThings,
  intensifiers,
} from '../lexicon/cx-sentiment-lexicon.js';
import { EMOTICON_VALENCES } from '../lexicon/emoticons.js';
import { obligationPhrases } from '../lexicon/obligation-words.js';
import { RHETORICAL_QUESTIONS } from '../lexicon/rhetorical-questions.js';
import { InternedRuns } from '../text/interned-runs.js';
import { LexemeCache, LexemeNumbers, stemIdOf } from '../text/lexemes.js';
import { commaBefore, stemWord, type Token } from '../text/tokenize.js';

/** One piece of text that moved the sentiment, kept so results can be explained. */
export interface SentimentCue {
  /** Index of the first token of the cue. */
  at: number;
  valence: number;
}

/** Each clause's net valence by clause number: undefined or 0 for a clause without cues. */
export interface ClauseValences {
  get(clause: number): number | undefined;
}

/** Clause valences of a text that judges nothing: every clause 0. */
export const NO_CLAUSE_VALENCES: ClauseValences = { get: () => 0 };

/**
 * `ClauseValences` as one number per clause of the comment, summed in the cues' order as a map of
 * clauses would. Clauses are numbered from 0 and a comment has a few: an array indexed by clause is
 * made and read without a hash table's allocation and lookups, on every comment.
 */
export class ClauseSums implements ClauseValences {
  // Declared, not initialised in place: see `Token`'s fields.
  declare private readonly sums: number[];

  /** Sums over the clauses of `tokens`, all 0 at first. */
  constructor(tokens: readonly Token[]) {
    const clauses = tokens.length === 0 ? 0 : (tokens[tokens.length - 1] as Token).clause + 1;
    // Made at its length: a first push would reserve room for 17 numbers, more than most comments'
    // clauses and more memory than the map this replaces.
    const sums = new Array<number>(clauses);
    for (let clause = 0; clause < clauses; clause++) sums[clause] = 0;
    this.sums = sums;
  }

  add(clause: number, valence: number): void {
    this.sums[clause] = (this.sums[clause] as number) + valence;
  }

  get(clause: number): number | undefined {
    return this.sums[clause];
  }
}

export interface LexicalSentiment {
  /** Sum of positive contributions (>= 0). */
  positive: number;
  /** Sum of negative contributions (<= 0). */
  negative: number;
  /** Net valence of each clause, after contrast weighting. */
  clauseValence: ClauseValences;
  cues: SentimentCue[];
  /**
   * The comment says what the service should do, compares it with a competitor or asks a rhetorical
   * question ("staff need to", "unlike you", "how hard is it"): a complaint told by its form, whose
   * words alone read as a request, a question or praise.
   */
  complaintByForm: boolean;
  /**
   * The comment holds "until" or "used": praise in it may be of how things were (see
   * `lapsed-praise.ts`). Most comments hold neither, and that rule is not run for them.
   */
  lapseMarkers: boolean;
  /**
   * The comment holds a concession marker ("despite", "although"; see `concession.ts`), or the first
   * word of a repeat marker ("every time"; see `repeat-failure.ts`): most comments hold neither, and
   * those rules do not walk their tokens.
   */
  concessionMarkers: boolean;
  repeatMarkers: boolean;
  /**
   * The comment holds the word "not", which a fronted negation starts with ("not a place I'd
   * recommend"; see `fronted-negation.ts`): most comments do not, and that rule neither searches their
   * text nor walks their tokens.
   */
  frontedNegator: boolean;
  /**
   * The sign of a review's closing verdict where its last sentence now outweighs what came before it
   * (see `closing-verdict.ts`), else 0. After a verdict of praise, the complaints told on the way are
   * its small gripes.
   */
  closingVerdict: number;
}

// Scalar negation as in VADER: "not good" is less bad than "bad", "not bad" less good than "good".
export const NEGATION_FACTOR = -0.75;
// A denied complaint word is relief at most, never praise: "wasn't late" is faintly good, but "it did not
// erase the stress", "you couldn't make this up" and "not talking about killing" praise nothing. Turned, a
// complaint word keeps at most this much valence, below the mildest praise word's 1 ("not bad" and its
// kin are phrases of their own).
const DENIED_COMPLAINT_MOST = 0.5;
// A "but" shifts weight to what follows it: the customer's conclusion counts more than the concession.
const BEFORE_CONTRAST_WEIGHT = 0.5;
const AFTER_CONTRAST_WEIGHT = 1.5;
const SHOUTING_FACTOR = 1.3;
const ABSENCE_VALENCE = -2;
const UNMET_EXPECTATION_VALENCE = -1.5;
// "Would have liked", "could have been better": praise this far after a counterfactual, in the same
// clause, is the customer's wish, not what happened, and turns as under negation. Complaints stay: "he
// would have been fired" still speaks ill.
const COUNTERFACTUAL_WINDOW = 3;
// "Staff need to treat people with respect", "should be friendly and helpful": after an obligation,
// every praise word of the clause is what ought to happen and did not. After "unlike you" it is praise
// of another company ("unlike you, Monzo answers in minutes"); after a rhetorical question, what was
// not had ("how hard is it to give a straight answer?").
const CLAUSE_REACH = Number.POSITIVE_INFINITY;
const praiseTurnedToClauseEnd = new Set([...obligationPhrases, ...COMPARED_WITH_US, ...RHETORICAL_QUESTIONS]);
// "EE sorted it in 5 minutes, unlike you": the praise before a comparison with this company is the
// other company's too. Not before "unlike your ...": "the new staff are lovely, unlike your old manager"
// compares two things of this company's.
const comparisons = new Set(COMPARED_WITH_US.filter((phrase) => !phrase.endsWith('your')));

/**
 * The phrases that start with one stem: those of two or more words filed by their second stem (longest
 * first), so a word that starts dozens of phrases ("not", "no", "had") is checked only against the few
 * whose next word is there; then the one-word phrase, if any.
 */
interface PhrasesFrom {
  bySecondStem: Map<string, Phrase[]>;
  oneWord: Phrase | undefined;
}

interface Phrase {
  stems: string[];
  valence: number;
  /** How many tokens after the phrase, in its clause, praise describes what did not happen (0: none). */
  turnsPraise: number;
  /** Praise before the phrase in its clause turns too: "EE sorted it in minutes, unlike you". */
  turnsPraiseBefore: boolean;
}

/** What the scorer needs to know of a word, worked out once per distinct word. */
interface WordFacts {
  valence: number;
  /** CX phrases that start with this word's stem. */
  phrases: PhrasesFrom | undefined;
  absenceTrigger: boolean;
  absenceFiller: boolean;
  expectedThing: boolean;
  notNeeded: boolean;
  /** Degree factor ("very" 1.3, "slightly" 0.7); 0 when the word is no intensifier. */
  intensifier: number;
  unmetExpectationMarker: boolean;
  contrastStarter: boolean;
  lapseMarker: boolean;
}

/**
 * The phrases of two or more words, found by the numbers of their first two stems (`firstTwoKey`) in
 * an open-addressing table of whole numbers. Each pair's phrases, longest first, are a run of numbers
 * (see `InternedRuns`): their count, then per phrase its index in `phrases`, its length and the numbers
 * (`stemIdOf`) of its stems from the third on. Matching reads a few contiguous kilobytes and a number
 * per word, where a Map of arrays of phrase objects, and each word's stem read through its lexeme,
 * cost a cache miss at nearly every step of the scorer's hottest loop.
 */
class PhraseIndex {
  readonly phrases: Phrase[] = [];
  readonly runs = new InternedRuns();
  // Slot k holds a pair's key + 1 (0: empty) in `keys`, where its run starts in `starts`: a lookup,
  // most often for a pair that starts no phrase, reads the keys alone (16 KB for the lexicon's pairs).
  private readonly keys: Int32Array;
  private readonly starts: Int32Array;
  private readonly mask: number;

  constructor(byFirstTwo: ReadonlyMap<number, readonly Phrase[]>) {
    let slotCount = 16;
    while (slotCount < 2 * byFirstTwo.size) slotCount *= 2;
    this.keys = new Int32Array(slotCount);
    this.starts = new Int32Array(slotCount);
    this.mask = slotCount - 1;
    for (const [key, phrases] of byFirstTwo) {
      const run = [phrases.length];
      for (const phrase of phrases) {
        run.push(this.phrases.length, phrase.stems.length, ...phrase.stems.slice(2).map(stemIdOf));
        this.phrases.push(phrase);
      }
      const slot = this.slotOf(key);
      this.keys[slot] = key + 1;
      this.starts[slot] = this.runs.add(run);
    }
  }

  /** Where the run of the phrases starting with the pair `key` starts in `runs.values`; -1 for none. */
  runOf(key: number): number {
    const slot = this.slotOf(key);
    return this.keys[slot] === 0 ? -1 : (this.starts[slot] as number);
  }

  /** The slot holding `key`, else the empty slot where it goes. */
  private slotOf(key: number): number {
    const keys = this.keys;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 16) & this.mask;
    while (keys[slot] !== 0 && keys[slot] !== key + 1) slot = (slot + 1) & this.mask;
    return slot;
  }
}

const wordValences = compileWordValences();
const prefixValences = Object.entries(cxWordValences)
  .filter(([entry]) => entry.endsWith('*'))
  .map(([entry, valence]) => [entry.slice(0, -1), valence] as const);
const phrasesByFirstStem = compilePhrases();
// A Map, not the lexicon's object: "constructor" or "toString" must not read as a degree word.
const intensifierFactors = new Map(Object.entries(intensifiers));
const factsOf = new LexemeCache<WordFacts>(({ word, stem }) => ({
  valence: wordValence(word),
  phrases: phrasesByFirstStem.get(stem),
  absenceTrigger: ABSENCE_TRIGGERS.has(word),
  absenceFiller: ABSENCE_FILLERS.has(word),
  expectedThing: expectedThings.has(word) || expectedThings.has(word.replace(/s$/, '')),
  notNeeded: NOT_NEEDED.has(word),
  intensifier: intensifierFactors.get(word) ?? 0,
  unmetExpectationMarker: UNMET_EXPECTATION_MARKERS.has(word),
  contrastStarter: CONTRAST_STARTERS.has(word) || TRAILING_CONTRASTS.has(word),
  lapseMarker: LAPSE_MARKERS.has(word) || word === PAST_HABIT_MARKER,
}));

// What the scorer's pass looks for on a word, as bits read off one number per distinct word: most words
// carry none, and are stepped over without loading their facts.
const SCORED = 1; // a lexicon valence, a CX phrase starting here, or an absence trigger
const UNMET_EXPECTATION = 2;
const CONTRAST_STARTER = 4;
// Scored only as the first word of a phrase of two or more ("not", "had", "the"): half the words of a
// comment start some phrase, and unless the next word continues one they score nothing.
const PHRASE_START_ONLY = 8;
const INTENSIFIER = 16;
const LAPSE_MARKER = 32;
// Words the later rules start from (see `concessionMarkers` and `repeatMarkers`).
const CONCESSION_MARKER = 64;
const REPEAT_START = 128;
// Above both stem numbers (bits 8-29, see below): the fronted negator, "not" (see `frontedNegator`).
const FRONTED_NEGATOR_WORD = 1 << 30;
// The stems of phrases of two or more words, numbered from 1 as first words and as second words; a
// word's two numbers ride in its bits, so the phrases starting at a word are found by the numbers of
// two words with one lookup by number (most words are no phrase's second: none at all).
const FIRST_SHIFT = 8;
const SECOND_SHIFT = 19;
const STEM_NUMBERS = 1 << (SECOND_SHIFT - FIRST_SHIFT);
const firstStemNumbers = numbered(
  [...phrasesByFirstStem].filter(([, from]) => from.bySecondStem.size > 0).map(([first]) => first),
);
const secondStemNumbers = numbered(
  [...phrasesByFirstStem.values()].flatMap((from) => [...from.bySecondStem.keys()]),
);
/** The phrases of two or more words by the numbers of their first two stems (see `firstTwoKey`). */
function phrasesByFirstTwo(): Map<number, Phrase[]> {
  const byFirstTwo = new Map<number, Phrase[]>();
  for (const [first, from] of phrasesByFirstStem) {
    for (const [second, phrases] of from.bySecondStem)
      byFirstTwo.set(
        firstTwoKey(firstStemNumbers.get(first) as number, secondStemNumbers.get(second) as number),
        phrases,
      );
  }
  return byFirstTwo;
}
// Built at the first phrase of two words: building it (every phrase's stems numbered) cost ~27M
// instructions, which at the import would be paid by every cold start before its first comment.
let longerPhrases: PhraseIndex | undefined;
// A word's stem by number (`Lexeme.stemId`), read from an array of numbers instead of its lexeme.
const stemNumberOf = new LexemeNumbers((lexeme) => lexeme.stemId);
const bitsOf = new LexemeNumbers((lexeme) => {
  const word = factsOf.get(lexeme);
  const phraseStartOnly = word.phrases?.oneWord === undefined && word.valence === 0 && !word.absenceTrigger;
  return (
    (word.valence !== 0 || word.phrases !== undefined || word.absenceTrigger ? SCORED : 0) |
    (word.unmetExpectationMarker ? UNMET_EXPECTATION : 0) |
    (word.contrastStarter ? CONTRAST_STARTER : 0) |
    (word.phrases !== undefined && phraseStartOnly ? PHRASE_START_ONLY : 0) |
    (word.intensifier !== 0 ? INTENSIFIER : 0) |
    (word.lapseMarker ? LAPSE_MARKER : 0) |
    (CONCESSION_MARKERS.has(lexeme.word) ? CONCESSION_MARKER : 0) |
    (REPEAT_MARKER_STARTS.has(lexeme.word) ? REPEAT_START : 0) |
    (lexeme.word === FRONTED_NEGATOR ? FRONTED_NEGATOR_WORD : 0) |
    ((firstStemNumbers.get(lexeme.stem) ?? 0) << FIRST_SHIFT) |
    ((secondStemNumbers.get(lexeme.stem) ?? 0) << SECOND_SHIFT)
  );
});

/** Numbers from 1 for distinct stems, in the order met; fails if they outgrow a word's bits. */
function numbered(stems: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const stem of stems) if (!numbers.has(stem)) numbers.set(stem, numbers.size + 1);
  if (numbers.size >= STEM_NUMBERS)
    throw new Error(`more than ${STEM_NUMBERS - 1} phrase stems: widen the bits`);
  return numbers;
}

function firstTwoKey(first: number, second: number): number {
  return first * STEM_NUMBERS + second;
}

function compileWordValences(): Map<string, number> {
  const map = new Map<string, number>(Object.entries(afinn165()));
  for (const [word, valence] of Object.entries(cxWordValences)) {
    if (!word.endsWith('*')) map.set(word, valence);
  }
  // Tokens are lower-cased: ":D" is read as ":d".
  for (const [emoticon, valence] of Object.entries(EMOTICON_VALENCES))
    map.set(emoticon.toLowerCase(), valence);
  // Shorthand weighs what its word weighs, as theme cues read it: "flt cxld" is a cancelled flight.
  for (const [shorthand, word] of Object.entries(CX_ABBREVIATIONS)) {
    const valence = map.get(word);
    if (valence !== undefined && !map.has(shorthand)) map.set(shorthand, valence);
  }
  return map;
}

function compilePhrases(): Map<string, PhrasesFrom> {
  const byFirstStem = new Map<string, Phrase[]>();
  for (const [phrase, valence] of cxPhraseValences) {
    const stems = phrase.split(' ').map(stemWord);
    const first = stems[0] as string;
    const list = byFirstStem.get(first) ?? [];
    const turnsPraise = praiseTurnedToClauseEnd.has(phrase)
      ? CLAUSE_REACH
      : counterfactuals.has(phrase)
        ? COUNTERFACTUAL_WINDOW
        : 0;
    list.push({ stems, valence, turnsPraise, turnsPraiseBefore: comparisons.has(phrase) });
    byFirstStem.set(first, list);
  }
  const index = new Map<string, PhrasesFrom>();
  for (const [first, list] of byFirstStem) {
    // Longest phrase first, so "still have not" wins over "still".
    list.sort((a, b) => b.stems.length - a.stems.length);
    const from: PhrasesFrom = { bySecondStem: new Map(), oneWord: undefined };
    for (const phrase of list) {
      const second = phrase.stems[1];
      if (second === undefined) {
        from.oneWord ??= phrase;
        continue;
      }
      const sameSecond = from.bySecondStem.get(second);
      if (sameSecond) sameSecond.push(phrase);
      else from.bySecondStem.set(second, [phrase]);
    }
    index.set(first, from);
  }
  return index;
}

/** Lexicon valence of one lower-cased word (0 when unknown). */
export function wordValence(word: string): number {
  return wordValences.get(word) ?? prefixValences.find(([prefix]) => word.startsWith(prefix))?.[1] ?? 0;
}

function facts(token: Token): WordFacts {
  return factsOf.of(token);
}

/** The longest phrase of two or more words starting at token `index` (of `bits`) that the tokens spell. */
function longerPhraseAt(tokens: readonly Token[], index: number, bits: number): Phrase | undefined {
  const first = (bits >>> FIRST_SHIFT) & (STEM_NUMBERS - 1);
  const next = tokens[index + 1];
  if (first === 0 || next === undefined) return undefined;
  const second = (bitsOf.of(next) >>> SECOND_SHIFT) & (STEM_NUMBERS - 1);
  if (second === 0) return undefined;
  longerPhrases ??= new PhraseIndex(phrasesByFirstTwo());
  const phrases = longerPhrases;
  const start = phrases.runOf(firstTwoKey(first, second));
  if (start < 0) return undefined;
  const runs = phrases.runs.values;
  const count = runs[start] as number;
  for (let c = 0, at = start + 1; c < count; c++, at += runs[at + 1] as number) {
    if (index + (runs[at + 1] as number) <= tokens.length && spellsRest(tokens, index, phrases, at))
      return phrases.phrases[runs[at] as number];
  }
  return undefined;
}

/**
 * Whether the tokens from `index` spell, from the third word on, the phrase whose entry (its index,
 * length and stem numbers) starts at `at` in the index's runs. A word met after the table of words
 * filled up has no stem number, and is compared by its stem's text.
 */
function spellsRest(tokens: readonly Token[], index: number, phrases: PhraseIndex, at: number): boolean {
  const runs = phrases.runs.values;
  const length = runs[at + 1] as number;
  for (let k = 2; k < length; k++) {
    const token = tokens[index + k] as Token;
    const number = stemNumberOf.of(token);
    if (number >= 0) {
      if (number !== runs[at + k]) return false;
    } else if (token.stem !== (phrases.phrases[runs[at] as number] as Phrase).stems[k]) return false;
  }
  return true;
}

/** Number of tokens of an absence ("no broadband", "without any help") starting at a trigger word. */
function matchAbsence(tokens: readonly Token[], index: number): number {
  for (let j = index + 1; j < tokens.length && j <= index + 3; j++) {
    const word = facts(tokens[j] as Token);
    if (word.expectedThing) {
      const after = tokens[j + 1];
      const notNeeded =
        (after !== undefined && facts(after).notNeeded) ||
        (tokens[j + 2] !== undefined && facts(tokens[j + 2] as Token).notNeeded);
      return notNeeded ? 0 : j - index + 1;
    }
    if (!word.absenceFiller) return 0;
  }
  return 0;
}

/**
 * "Never seen such rudeness", "never been so disappointed": "never" followed by such/so/this stresses
 * what comes next instead of denying it (as in VADER).
 */
function emphaticNever(tokens: readonly Token[], index: number): boolean {
  let stress = false;
  for (let j = index - 1; j >= 0 && j >= index - 3; j--) {
    const word = (tokens[j] as Token).word;
    if (EMPHATIC_AFTER_NEVER.has(word)) stress = true;
    else if ((tokens[j] as Token).negator) return stress && word === 'never';
  }
  return false;
}

/** The negator nearest before `index` is the one at `spentAt`, already used by an idiom or an absence. */
function negatorSpent(tokens: readonly Token[], index: number, spentAt: number): boolean {
  if (spentAt < 0) return false;
  for (let j = index - 1; j >= spentAt; j--) {
    if ((tokens[j] as Token).negator) return j === spentAt;
  }
  return false;
}

/** A word's valence under negation: praise turns to complaint, a complaint to faint relief at most. */
function negate(valence: number): number {
  const turned = valence * NEGATION_FACTOR;
  return valence < 0 ? Math.min(turned, DENIED_COMPLAINT_MOST) : turned;
}

function degreeMultiplier(tokens: readonly Token[], index: number): number {
  let multiplier = 1;
  for (let j = index - 1; j >= 0 && j >= index - 2; j--) {
    const lexeme = (tokens[j] as Token).lexeme;
    if ((bitsOf.get(lexeme) & INTENSIFIER) === 0) break;
    multiplier *= factsOf.get(lexeme).intensifier;
  }
  return multiplier;
}

const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

/** The word is written in capitals ("AWFUL"), which shouting in mixed-case text stresses. */
function inCapitals(text: string, token: Token): boolean {
  const first = text.charCodeAt(token.start);
  if (first >= LOWER_A && first <= LOWER_Z) return false;
  const surface = text.slice(token.start, token.end);
  return surface === surface.toUpperCase() && /\p{Lu}/u.test(surface);
}

/**
 * Scores text with the AFINN + CX lexicon, handling phrases, negation scope, degree words, shouting,
 * absence ("no broadband") and contrast ("but").
 */
export function scoreLexicalSentiment(text: string, tokens: readonly Token[]): LexicalSentiment {
  const cues: SentimentCue[] = [];
  // Capitals stress a word only when the rest of the text is not all capitals too (worked out when needed).
  let shouting: boolean | undefined;
  // Tokens before this index, in `counterfactualClause`, follow a counterfactual ("would have").
  let counterfactualEnd = -1;
  let counterfactualClause = -1;
  // The negator of a praise idiom or an absence ("no problems", "can't fault", "no wifi") negates
  // nothing after it: "no problems, quick" and "no wifi, great food" keep their praise.
  let spentNegator = -1;
  let complaintByForm = false;
  // One walk over every token: the bits of all words (for unmet expectations and contrast) are gathered
  // as it goes, while words inside a phrase or an absence already scored (before `scoredTo`) score nothing.
  let scoredTo = 0;
  let seen = 0;
  // Cues from this token on weigh as said after a contrast ("..., but"); -1 when there is none.
  let contrastFrom = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const bits = bitsOf.of(token);
    seen |= bits;
    if ((bits & CONTRAST_STARTER) !== 0 && opensClause(tokens, i)) {
      const from = contrastStart(text, tokens, i);
      if (from >= 0) contrastFrom = from;
    }
    if (i < scoredTo || (bits & SCORED) === 0) continue;
    let phrase = longerPhraseAt(tokens, i, bits);
    if (phrase === undefined && (bits & PHRASE_START_ONLY) !== 0) continue;
    const word = facts(token);
    phrase ??= word.phrases?.oneWord;
    if (phrase) {
      const negated = !token.negator && token.negated && !negatorSpent(tokens, i, spentNegator);
      cues.push({ at: i, valence: phrase.valence * (negated ? NEGATION_FACTOR : 1) });
      if (phrase.valence > 0 && token.negator) spentNegator = i;
      scoredTo = i + phrase.stems.length;
      if (phrase.turnsPraise === CLAUSE_REACH) complaintByForm = true;
      if (phrase.turnsPraiseBefore) turnPraiseBefore(tokens, cues);
      if (phrase.turnsPraise > 0) {
        counterfactualEnd = scoredTo + phrase.turnsPraise;
        counterfactualClause = (tokens[scoredTo - 1] as Token).clause;
      }
      continue;
    }
    const absence = word.absenceTrigger ? matchAbsence(tokens, i) : 0;
    if (absence) {
      cues.push({ at: i, valence: ABSENCE_VALENCE });
      if (token.negator) spentNegator = i;
      scoredTo = i + absence;
      continue;
    }
    let valence = word.valence;
    if (valence !== 0) {
      valence *= degreeMultiplier(tokens, i);
      if (token.negated && !emphaticNever(tokens, i) && !negatorSpent(tokens, i, spentNegator))
        valence = negate(valence);
      else if (valence > 0 && i < counterfactualEnd && token.clause === counterfactualClause)
        valence *= NEGATION_FACTOR;
      if (token.word.length > 2 && inCapitals(text, token)) {
        shouting ??= text !== text.toUpperCase();
        if (shouting) valence *= SHOUTING_FACTOR;
      } else if (token.lexeme.stretched) {
        // "gooood", "baaad": a stretched word is stressed as capitals are.
        valence *= SHOUTING_FACTOR;
      }
      cues.push({ at: i, valence });
    }
  }
  if ((seen & UNMET_EXPECTATION) !== 0) cues.push(...findUnmetExpectations(tokens, cues));
  return weighContrast(tokens, cues, contrastFrom, complaintByForm, seen);
}

/** A "but" that did not open a clause of its own ("no choice but to") is no contrast. */
function opensClause(tokens: readonly Token[], at: number): boolean {
  return at === 0 || (tokens[at - 1] as Token).clause !== (tokens[at] as Token).clause;
}

/**
 * Where what a contrast word stresses starts: at the word itself ("lovely staff, but the room was
 * dirty"), or, when the word ends its sentence ("software's fine, onboarding was painful though"), after
 * the last comma before it in its clause: "Y though" says what "but Y" says. -1 for a word that is a
 * contrast only at the end (`TRAILING_CONTRASTS`) standing elsewhere.
 */
function contrastStart(text: string, tokens: readonly Token[], at: number): number {
  const next = tokens[at + 1];
  const contrast = tokens[at] as Token;
  if (next !== undefined && next.clause === contrast.clause)
    return TRAILING_CONTRASTS.has(contrast.word) ? -1 : at;
  const clause = at > 0 ? (tokens[at - 1] as Token).clause : -1;
  let from = at;
  while (from > 0 && (tokens[from - 1] as Token).clause === clause && !commaBefore(text, tokens, from))
    from--;
  return from;
}

/** Turns the praise cues before the last cue, in its clause, as under negation (see `comparisons`). */
function turnPraiseBefore(tokens: readonly Token[], cues: SentimentCue[]): void {
  const clause = (tokens[(cues[cues.length - 1] as SentimentCue).at] as Token).clause;
  for (let c = cues.length - 2; c >= 0; c--) {
    const cue = cues[c] as SentimentCue;
    if ((tokens[cue.at] as Token).clause !== clause) break;
    if (cue.valence > 0) cue.valence *= NEGATION_FACTOR;
  }
}

/**
 * An unmet-expectation marker ("still", "yet") in a clause with a negator and no complaint cue
 * ("still not fixed", "has not arrived yet"): one complaint cue per such clause, at its first marker.
 */
function findUnmetExpectations(tokens: readonly Token[], cues: readonly SentimentCue[]): SentimentCue[] {
  const found: SentimentCue[] = [];
  // Clauses only grow along the tokens: a clause already given its cue is the last one found.
  let foundClause = -1;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    const clause = token.clause;
    if ((bitsOf.of(token) & UNMET_EXPECTATION) === 0 || clause === foundClause) continue;
    if (!clauseNegated(tokens, at) || complaintInClause(tokens, cues, clause)) continue;
    foundClause = clause;
    found.push({ at, valence: UNMET_EXPECTATION_VALENCE });
  }
  return found;
}

/** Whether a negator stands in the clause of token `at` (tokens of a clause stand together). */
function clauseNegated(tokens: readonly Token[], at: number): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let j = at; j >= 0 && (tokens[j] as Token).clause === clause; j--)
    if ((tokens[j] as Token).negator) return true;
  for (let j = at + 1; j < tokens.length && (tokens[j] as Token).clause === clause; j++)
    if ((tokens[j] as Token).negator) return true;
  return false;
}

function complaintInClause(tokens: readonly Token[], cues: readonly SentimentCue[], clause: number): boolean {
  return cues.some((cue) => cue.valence < 0 && (tokens[cue.at] as Token).clause === clause);
}

/** The sums of the cues, weighed by contrast; `seen` holds the `bitsOf` of every word of the comment. */
function weighContrast(
  tokens: readonly Token[],
  cues: SentimentCue[],
  contrastFrom: number,
  complaintByForm: boolean,
  seen: number,
): LexicalSentiment {
  const clauseValence = new ClauseSums(tokens);
  let positive = 0;
  let negative = 0;
  for (const cue of cues) {
    const clause = (tokens[cue.at] as Token).clause;
    if (contrastFrom >= 0)
      cue.valence *= cue.at < contrastFrom ? BEFORE_CONTRAST_WEIGHT : AFTER_CONTRAST_WEIGHT;
    clauseValence.add(clause, cue.valence);
    if (cue.valence > 0) positive += cue.valence;
    else negative += cue.valence;
  }
  return {
    positive,
    negative,
    clauseValence,
    cues,
    complaintByForm,
    lapseMarkers: (seen & LAPSE_MARKER) !== 0,
    concessionMarkers: (seen & CONCESSION_MARKER) !== 0,
    repeatMarkers: (seen & REPEAT_START) !== 0,
    frontedNegator: (seen & FRONTED_NEGATOR_WORD) !== 0,
    closingVerdict: 0,
  };
}
