import type { SentimentResult } from '../feedback-analysis.js';
import { neutralIfBareMention } from './bare-mention.js';
import { neutralIfMiddleVerdict } from './middle-verdict.js';
import { neutralIfPlainRequest } from './plain-request.js';
import type { SentimentEvidence } from './sentiment-features.js';
import { neutralIfSmallTalk } from './small-talk.js';

/**
 * A plain request, small talk, a bare mention of a thing or the middle of a scale gives no verdict on
 * the service, whatever its words lean to. Every reading (the rules, the rules alone on social text, the
 * model) ends here, so a new kind of comment without a verdict is added once.
 */
export function neutralIfNoVerdict(result: SentimentResult, evidence: SentimentEvidence): SentimentResult {
  return neutralIfMiddleVerdict(
    neutralIfBareMention(neutralIfSmallTalk(neutralIfPlainRequest(result, evidence), evidence), evidence),
    evidence,
  );
}
