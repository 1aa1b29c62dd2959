import type { SentimentResult } from '../feedback-analysis.js';
import type { ChannelFamily } from '../text/channel-family.js';
import { FNV_OFFSET, FNV_PRIME, LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';

/**
 * What the learned sentiment model reads of a comment: its words, and what the explainable rules
 * already made of it. Shared by training and scoring so the two can never drift apart.
 */
export interface SentimentEvidence {
  tokens: readonly Token[];
  /** The rules' own verdict (lexicon, CX facts, complaint themes, emphasis), before any model. */
  rules: SentimentResult;
  /**
   * The rules' verdict when they decide alone: with no model, or for a channel family the model never
   * saw. The same as {@link rules}, except on social text, where names and one mild warm word are no
   * verdict (see `social-verdict.ts`): a model that learned social text reads those from its own word
   * weights, and keeps reading {@link rules} as a feature, so what it learned elsewhere is unchanged.
   */
  rulesAlone: SentimentResult;
  /** Lexicon praise (>= 0) and complaint (<= 0) sums. */
  praise: number;
  complaint: number;
  /** CX facts (waits, repeat contacts, intents, complaint themes) on the lexicon's scale, <= 0. */
  cxValence: number;
  /** Exclamation emphasis (see `exclamationEmphasis`). */
  emphasis: number;
  /** The comment asks something ("?"). */
  question: boolean;
  /** The comment is small talk only (see `isSmallTalk`): "thanks!", "ok lol", "DM sent". */
  smallTalk: boolean;
  /** The comment only names a thing (see `isBareMention`): "my order", "your app". */
  bareMention: boolean;
  /** The comment is the middle of a scale in words (see `isMiddleVerdict`): "neither easy nor difficult". */
  middleVerdict: boolean;
  /**
   * The rules call the comment negative for its form, which the model's word weights read as a request:
   * a problem reported with courtesy ("card blocked again, please help, thanks"; see `courtesy.ts`), or
   * what the service should do ("someone needs to answer the phone"; `lexicon/obligation-words.ts`), a
   * competitor's praise or a rhetorical question ("how hard is it to deliver a parcel?").
   */
  complaintByForm: boolean;
  /** The comment asks or requests something (see `asksOrRequests`). */
  request: boolean;
  /** Words written in capitals in mixed-case text ("you ROCK"), counted up to 3: stress. */
  capitals: number;
  /** Emoji and emoticons: their sentiment is in the lexicon; this says the writer used any. */
  symbols: number;
  /**
   * The family of the message's channel ("email", "chat" and "phone" are all `support`; see
   * `lexicon/channel-families.ts`), when the sender named a channel a family lists.
   */
  family?: ChannelFamily | undefined;
}

/** The dense features, in the order their weights are stored in a model. */
export const denseFeatureNames = [
  'rules verdict',
  'lexicon praise',
  'lexicon complaint',
  'cx facts',
  'exclamation',
  'question',
  'no sentiment cue',
  'one or two words',
  'rules say negative',
  'rules say positive',
  'survey channel',
  'social channel',
  'review channel',
  'support channel',
  'request',
  'capitals',
  'emoji or emoticon',
] as const;

function clip(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

/**
 * Dense feature values of the evidence, in {@link denseFeatureNames} order, each within about -2..2.
 * Written into `into` when given (scoring reuses one array), else into a new array.
 */
export function denseFeatures(evidence: SentimentEvidence, into: number[] = []): number[] {
  const noCue = evidence.praise === 0 && evidence.complaint === 0 && evidence.cxValence === 0;
  // Written in place: scoring reuses one array for every comment instead of building one each time.
  into[0] = evidence.rules.score;
  into[1] = clip(evidence.praise, 8) / 4;
  into[2] = clip(evidence.complaint, 8) / 4;
  into[3] = clip(evidence.cxValence, 8) / 4;
  into[4] = evidence.emphasis / 2;
  into[5] = evidence.question ? 1 : 0;
  into[6] = noCue ? 1 : 0;
  into[7] = evidence.tokens.length <= 2 ? 1 : 0;
  into[8] = evidence.rules.label === 'negative' ? 1 : 0;
  into[9] = evidence.rules.label === 'positive' ? 1 : 0;
  // A channel family has its own base rates (surveys hold more complaints than tweets): one weight each.
  into[10] = evidence.family === 'survey' ? 1 : 0;
  into[11] = evidence.family === 'social' ? 1 : 0;
  into[12] = evidence.family === 'review' ? 1 : 0;
  into[13] = evidence.family === 'support' ? 1 : 0;
  into[14] = evidence.request ? 1 : 0;
  into[15] = evidence.capitals / 3;
  into[16] = Math.min(evidence.symbols, 3) / 3;
  return into;
}

function fnv(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

// A word's hash is worked out once per distinct word: plain, and inside a negation scope.
const plainHashOf = new LexemeNumbers(({ stem }) => fnv(stem));
const negatedHashOf = new LexemeNumbers(({ stem }) => fnv(`not ${stem}`));

function pairHash(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x9e3779b1), FNV_PRIME) ^ 0x5bd1e995;
}

/**
 * A channel family's salt for its own copy of each word feature, 0 for none. Families word things their
 * own way ("fine" is a passive's word in a survey, a shrug on social media): each word feature has a
 * shared weight and, for a known family, a weight of that family's own, so the model learns both what
 * holds everywhere and what holds in one family (feature augmentation, Daume 2007).
 */
export function channelSalt(family: ChannelFamily | undefined): number {
  switch (family) {
    case 'survey':
      return 0x2c1b3c6d;
    case 'social':
      return 0x297a2d39;
    case 'review':
      return 0x5d588b65;
    case 'support':
      return 0x6b43a9b5;
    default:
      return 0;
  }
}

function channelHash(hash: number, salt: number): number {
  return Math.imul(hash ^ salt, 0x85ebca6b) ^ 0x27d4eb2f;
}

/** Folds a 32-bit hash into a bucket number below 2^bits. */
export function bucketOf(hash: number, bits: number): number {
  return (hash ^ (hash >>> bits) ^ (hash >>> 27)) & ((1 << bits) - 1);
}

/**
 * Hashes of the comment's word features into `hashes`: each word's stem (marked when negated) and each
 * pair of neighbouring stems in one clause ("no repli", "hung up"), and for a known `channel` each
 * stem's copy of that channel's own. `names`, when given, receives each feature's readable name at the
 * same index, for explanations. Returns the number of features shared by every channel, which sets
 * their value (see `wordFeatureValue`): the channel's copies do not dilute them, so a model that never
 * saw a channel reads its comments exactly as it reads comments with no channel.
 */
export function wordFeatureHashes(
  tokens: readonly Token[],
  hashes: number[],
  names?: string[],
  family?: ChannelFamily,
): number {
  const salt = channelSalt(family);
  let shared = 0;
  let previous: Token | undefined;
  let previousHash = 0;
  for (const token of tokens) {
    const plain = plainHashOf.of(token);
    const word = token.negated ? negatedHashOf.of(token) : plain;
    hashes.push(word);
    names?.push(token.negated ? `not ${token.stem}` : token.stem);
    shared++;
    if (salt !== 0) {
      hashes.push(channelHash(word, salt));
      names?.push(`${family}: ${token.negated ? `not ${token.stem}` : token.stem}`);
    }
    if (previous !== undefined && previous.clause === token.clause) {
      hashes.push(pairHash(previousHash, plain));
      names?.push(`${previous.stem} ${token.stem}`);
      shared++;
    }
    previous = token;
    previousHash = plain;
  }
  return shared;
}

/**
 * The word features' summed [negative, neutral, positive] weights, into `sums`, and the number of shared
 * ones: what
 * {@link wordFeatureHashes} lists, added up in the same pass instead of collected first (scoring runs
 * this for every comment; training and explanations use the list).
 */
export function sumWordWeights(
  tokens: readonly Token[],
  weights: Int8Array,
  bits: number,
  sums: number[],
  family?: ChannelFamily,
): number {
  const salt = channelSalt(family);
  let negative = 0;
  let neutral = 0;
  let positive = 0;
  let count = 0;
  let previousClause = -1;
  let previousHash = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    const plain = plainHashOf.of(token);
    const word = token.negated ? negatedHashOf.of(token) : plain;
    let b = 3 * bucketOf(word, bits);
    negative += weights[b] as number;
    neutral += weights[b + 1] as number;
    positive += weights[b + 2] as number;
    count++;
    if (salt !== 0) {
      b = 3 * bucketOf(channelHash(word, salt), bits);
      negative += weights[b] as number;
      neutral += weights[b + 1] as number;
      positive += weights[b + 2] as number;
    }
    if (t > 0 && previousClause === token.clause) {
      b = 3 * bucketOf(pairHash(previousHash, plain), bits);
      negative += weights[b] as number;
      neutral += weights[b + 1] as number;
      positive += weights[b + 2] as number;
      count++;
    }
    previousClause = token.clause;
    previousHash = plain;
  }
  sums[0] = negative;
  sums[1] = neutral;
  sums[2] = positive;
  return count;
}
