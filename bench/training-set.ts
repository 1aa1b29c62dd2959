import type { LabelledComment } from '../lib/analysis/train-sentiment-model.js';
import { loadMams, loadTelecomNps, npsSentiment, sentenceSentiment } from './labelled-data.js';

/**
 * The examples the bundled model learns from: every telecom NPS comment labelled by its band, and the
 * MAMS training sentences whose aspects agree. `exclude` holds telecom rows left out for
 * cross-validation; MAMS val is never trained on (it is the held-out other-industry test).
 */
export function sentimentTrainingSet(exclude: (index: number) => boolean = () => false): LabelledComment[] {
  const telecom = loadTelecomNps()
    .filter((_, index) => !exclude(index))
    .map((comment) => ({ text: comment.text, label: npsSentiment(comment.score) }));
  const restaurants = loadMams('train').flatMap((sentence) => {
    const label = sentenceSentiment(sentence);
    return label ? [{ text: sentence.text, label }] : [];
  });
  return [...telecom, ...restaurants];
}
