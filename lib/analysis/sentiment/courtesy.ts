import { COURTESY_WORDS, REQUEST_WORDS, THANKS_FILLERS, THANKS_WORDS } from '../lexicon/social-words.js';
import type { Token } from '../text/tokenize.js';
import { sumCues } from './cue-sums.js';
import type { LexicalSentiment, SentimentCue } from './score-lexical-sentiment.js';

/** The token is part of a hashtag ("#ThankYouObama"): a slogan or a name, not the writer's manners. */
function inHashtag(text: string, token: Token): boolean {
  let at = token.start;
  while (at > 0 && /\w/.test(text[at - 1] as string)) at--;
  return text[at - 1] === '#';
}

/** The word at `at` is a courtesy word, or "help" (courtesy after "please"); the cheap first check. */
function mayBeCourtesy(tokens: readonly Token[], at: number): boolean {
  const word = (tokens[at] as Token).word;
  return COURTESY_WORDS.has(word) || word === 'help';
}

/**
 * Whether the cue's word is courtesy: "please", "thanks", or "help" right after a request word. "Thanks
 * to" gives a cause ("thanks to the strike, no trains"), and a hashtag is a slogan: neither is courtesy.
 */
function isCourtesy(text: string, tokens: readonly Token[], at: number): boolean {
  const token = tokens[at] as Token;
  const courtesy =
    COURTESY_WORDS.has(token.word) ||
    (token.word === 'help' && at > 0 && REQUEST_WORDS.has((tokens[at - 1] as Token).word));
  return courtesy && tokens[at + 1]?.word !== 'to' && !inHashtag(text, token);
}

/** Index of the "for" a thank-you at `at` thanks for ("thank you so much for"), or -1. */
function thanksFor(tokens: readonly Token[], at: number): number {
  if (!THANKS_WORDS.has((tokens[at] as Token).word)) return -1;
  for (let j = at + 1; j < tokens.length && j <= at + 4; j++) {
    const word = (tokens[j] as Token).word;
    if (word === 'for') return j;
    if (!THANKS_FILLERS.has(word)) return -1;
  }
  return -1;
}

/**
 * Whether what a thank-you thanks for (the clause after its "for") is a complaint: a complaint word there
 * and no praise ("thanks for losing my parcel"), or nothing good said of it in a comment whose CX facts
 * are a complaint ("thanks for the four-hour tarmac tour!"). "Thanks for the quick reply" keeps its praise.
 */
function thanksForComplaint(
  text: string,
  tokens: readonly Token[],
  cues: readonly SentimentCue[],
  forAt: number,
  cxValence: number,
): boolean {
  const clause = (tokens[forAt] as Token).clause;
  let complaint = false;
  for (const cue of cues) {
    const token = tokens[cue.at] as Token;
    if (cue.at <= forAt || token.clause !== clause || inHashtag(text, token)) continue;
    if (cue.valence > 0) return false;
    if (cue.valence < 0) complaint = true;
  }
  return complaint || cxValence < 0;
}

/** A complaint word outside hashtags: "#FireBannon" is a slogan, not a complaint about the service. */
function complains(text: string, tokens: readonly Token[], cues: readonly SentimentCue[]): boolean {
  return cues.some((cue) => cue.valence < 0 && !inHashtag(text, tokens[cue.at] as Token));
}

/**
 * The lexicon's reading with courtesy read as customers mean it. In a comment that complains (a
 * complaint word or a CX fact such as a wait), "please" and "thanks" are manners, not praise of the
 * service: they count for nothing, so "no reply in 2 weeks, please help, thanks" stays a complaint. A
 * thank-you *for* a complaint is sarcasm and counts as the complaint it mocks. A comment with no
 * complaint keeps its thanks: "thanks for the quick reply" is praise, a lone "thanks" small talk.
 */
export function readCourtesy(
  text: string,
  tokens: readonly Token[],
  lexical: LexicalSentiment,
  cxValence: number,
): LexicalSentiment {
  // The gate has no callbacks: a function that makes a closure over its arguments allocates their
  // context as it starts, even on the way out, and most comments leave here.
  if (lexical.positive === 0 || (lexical.negative === 0 && cxValence === 0)) return lexical;
  return weighCourtesy(text, tokens, lexical, cxValence);
}

/** `readCourtesy` past its gate. */
function weighCourtesy(
  text: string,
  tokens: readonly Token[],
  lexical: LexicalSentiment,
  cxValence: number,
): LexicalSentiment {
  // Most comments hold no courtesy word: they are passed over before any hashtag or cue is looked at.
  if (!lexical.cues.some((cue) => cue.valence > 0 && mayBeCourtesy(tokens, cue.at))) return lexical;
  if (cxValence === 0 && !complains(text, tokens, lexical.cues)) return lexical;
  let changed = false;
  const cues = lexical.cues.map((cue) => {
    if (cue.valence <= 0 || !isCourtesy(text, tokens, cue.at)) return cue;
    changed = true;
    const forAt = thanksFor(tokens, cue.at);
    const sarcastic = forAt >= 0 && thanksForComplaint(text, tokens, lexical.cues, forAt, cxValence);
    return { at: cue.at, valence: sarcastic ? -cue.valence : 0 };
  });
  return changed ? sumCues(tokens, lexical, cues) : lexical;
}
