import type { FeedbackSignals, ThemeMatch } from './feedback-analysis.js';
import { isBareMention } from './sentiment/bare-mention.js';
import { readClosingVerdict } from './sentiment/closing-verdict.js';
import { readConcession } from './sentiment/concession.js';
import { readCourtesy } from './sentiment/courtesy.js';
import { readFrontedNegation } from './sentiment/fronted-negation.js';
import { readLapsedPraise } from './sentiment/lapsed-praise.js';
import { isMiddleVerdict } from './sentiment/middle-verdict.js';
import { readMockingPraise } from './sentiment/mocking-praise.js';
import { neutralIfNoVerdict } from './sentiment/no-verdict.js';
import { asksOrRequests, asksWithoutVerdict } from './sentiment/plain-request.js';
import { readPlight } from './sentiment/plight.js';
import { readRepeatedFailure } from './sentiment/repeat-failure.js';
import { NO_CLAUSE_VALENCES, scoreLexicalSentiment } from './sentiment/score-lexical-sentiment.js';
import { exclamationEmphasis, scoreCxFacts, scoreSentiment } from './sentiment/score-sentiment.js';
import type { SentimentEvidence } from './sentiment/sentiment-features.js';
import { isSmallTalk } from './sentiment/small-talk.js';
import { readSocialVerdict } from './sentiment/social-verdict.js';
import { extractSignals } from './signals/extract-signals.js';
import { channelFamily } from './text/channel-family.js';
import { SYMBOL_WORD, wordFlagsOf } from './text/lexemes.js';
import { EXCLAMATION_MARK, mayHoldMark, QUESTION_MARK, UNKNOWN_MARKS } from './text/text-marks.js';
import type { Token } from './text/tokenize.js';
import { readThemes } from './themes/match-themes.js';
import type { ThemeTaxonomy } from './themes/theme-taxonomy.js';

export interface CommentReading {
  themes: ThemeMatch[];
  signals: FeedbackSignals;
  /** What the rules found, for the learned model (and the rules' own verdict when there is none). */
  evidence: SentimentEvidence;
}

const MOST_CAPITALS = 3;

/**
 * Words of three or more letters written in capitals, when the text is not all capitals ("you ROCK",
 * "NEVER again"), up to 3: the writer stresses them.
 */
function countCapitals(text: string, tokens: readonly Token[]): number {
  let count = 0;
  for (const token of tokens) {
    if (token.end - token.start < 3) continue;
    const first = text.charCodeAt(token.start);
    // Most words start lower-case: only those that do not are looked at.
    if (first < 0x41 || first > 0x5a) continue;
    // A capital then a small letter ("The", "Great") is no word in capitals: no copy of it is made.
    const second = text.charCodeAt(token.start + 1);
    if (second >= 0x61 && second <= 0x7a) continue;
    const surface = text.slice(token.start, token.end);
    if (surface !== surface.toUpperCase() || !/[A-Z]/.test(surface)) continue;
    if (++count === MOST_CAPITALS) break;
  }
  return count > 0 && text === text.toUpperCase() ? 0 : count;
}

function countSymbols(tokens: readonly Token[]): number {
  let count = 0;
  // By the lexeme id the token carries: the lexeme itself need not be loaded.
  for (const token of tokens) if ((wordFlagsOf(token.lexemeId, token.lexeme) & SYMBOL_WORD) !== 0) count++;
  return count;
}

/**
 * The explainable reading of an English comment: lexicon, CX facts, themes, and the rules' verdict.
 * Training and analysis both read comments through here, so the model learns from what it will see.
 */
export function readCommentText(
  text: string,
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  channel?: string,
  marks = UNKNOWN_MARKS,
): CommentReading {
  const family = channelFamily(channel);
  const signals = extractSignals(text, tokens);
  const signalFacts = scoreCxFacts(signals);
  // The lexicon's reading, then courtesy, sarcasm and repeats read as customers mean them.
  const plainLexical = scoreLexicalSentiment(text, tokens);
  const courteous = readCourtesy(text, tokens, plainLexical, signalFacts);
  const lexical = readClosingVerdict(
    tokens,
    readConcession(
      text,
      tokens,
      readRepeatedFailure(
        tokens,
        readPlight(
          tokens,
          readMockingPraise(tokens, readFrontedNegation(text, tokens, readLapsedPraise(tokens, courteous))),
        ),
      ),
    ),
  );
  const emphasis = mayHoldMark(marks, EXCLAMATION_MARK) ? exclamationEmphasis(text) : 0;
  // Themes take their fallback sentiment from a first reading without themes, then feed the final one.
  const provisional = scoreSentiment(lexical, signalFacts, 0, emphasis);
  const question = mayHoldMark(marks, QUESTION_MARK) && text.includes('?');
  const request = asksOrRequests(text, tokens, question);
  // A plain question judges nothing it names: its kind words are manners, not praise of a theme.
  const themeValence = asksWithoutVerdict(request, lexical) ? NO_CLAUSE_VALENCES : lexical.clauseValence;
  const {
    matches: themes,
    complaints,
    complaintsByCue,
  } = readThemes(text, tokens, taxonomy, themeValence, provisional.label);
  // A complaint told only as a fact ("the front desk shrugged") counts when the comment holds no praise;
  // beside praise, the lexicon's balance decides, as it does for a gripe conceded on the way ("we'll book
  // again, although the food was cold").
  const complaintCount = complaints + (lexical.positive === 0 ? complaintsByCue : 0);
  // A review whose closing verdict of praise outweighs what came before has weighed its waits, contacts
  // and complaint themes already: they are the gripes told on the way ("took weeks longer than
  // promised... Overall I'd recommend them").
  const cxValence = lexical.closingVerdict > 0 ? 0 : scoreCxFacts(signals, complaintCount);
  const rulesVerdict = scoreSentiment(lexical, cxValence, 0, emphasis);
  const evidence: SentimentEvidence = {
    tokens,
    rules: rulesVerdict,
    rulesAlone: rulesVerdict,
    praise: lexical.positive,
    complaint: lexical.negative,
    cxValence,
    emphasis,
    question,
    request,
    smallTalk: isSmallTalk(tokens),
    bareMention: isBareMention(tokens),
    middleVerdict: isMiddleVerdict(tokens),
    complaintByForm:
      (courteous !== plainLexical || lexical.complaintByForm) && rulesVerdict.label === 'negative',
    capitals: countCapitals(text, tokens),
    symbols: countSymbols(tokens),
    family,
  };
  evidence.rules = neutralIfNoVerdict(evidence.rules, evidence);
  evidence.rulesAlone =
    family === 'social' ? readSocialVerdict(text, tokens, lexical, evidence) : evidence.rules;
  return { themes, signals, evidence };
}
