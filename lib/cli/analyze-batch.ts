import { analyzeFeedback } from '../analysis/analyze-feedback.js';
import { explainSentiment } from '../analysis/sentiment/explain-sentiment.js';
import type { ThemeTaxonomy } from '../analysis/themes/theme-taxonomy.js';
import { InvalidFeedbackError, parseFeedbackMessage } from '../feedback/feedback-message.js';
import type { FeedbackRecord } from '../import/read-feedback-records.js';
import { type AnalysisSummary, AnalysisSummaryBuilder } from '../reports/summarize-analyses.js';

export interface AnalyzeBatchSettings {
  /** Print the features behind each comment's sentiment (`--explain`). */
  explain: boolean;
  taxonomy?: ThemeTaxonomy;
}

/** What `closeloop analyze` prints for a batch of input lines, in their order. */
export interface AnalyzedBatch {
  /**
   * One JSON analysis per line, UTF-8 encoded, for standard output in one write. Bytes in a buffer of
   * their own, so a worker thread hands them over without a copy.
   */
  output: Uint8Array<ArrayBuffer>;
  /** Line errors and `--explain` lines, for standard error. */
  messages: string;
  /** The batch's figures for the closing summary (the analyses themselves are not sent back). */
  summary: AnalysisSummary;
  /** Lines that could not be read or failed the message schema. */
  failed: number;
}

const utf8 = new TextEncoder();

/**
 * Validates and analyses a batch of input records, in the calling thread or in a worker thread (the
 * same function either way, so `--jobs 1` and `--jobs N` print the same bytes). A record the reader
 * skipped, or one that fails the message schema, becomes a `line N: why` message and is counted as failed.
 */
export function analyzeBatch(
  records: readonly FeedbackRecord[],
  settings: AnalyzeBatchSettings,
): AnalyzedBatch {
  const options = settings.taxonomy ? { taxonomy: settings.taxonomy } : {};
  let output = '';
  let messages = '';
  let failed = 0;
  const summary = new AnalysisSummaryBuilder();
  for (const record of records) {
    if ('skipped' in record) {
      failed++;
      messages += `line ${record.line}: ${record.detail}\n`;
      continue;
    }
    let message: ReturnType<typeof parseFeedbackMessage>;
    try {
      message = parseFeedbackMessage(record.message);
    } catch (error) {
      if (!(error instanceof InvalidFeedbackError)) throw error;
      failed++;
      messages += `line ${record.line}: ${error.issues.join('; ')}\n`;
      continue;
    }
    const analysis = analyzeFeedback(message, options);
    summary.add(analysis);
    output += `${JSON.stringify(analysis)}\n`;
    if (settings.explain && analysis.textAnalysed) {
      const { features } = explainSentiment(message, options);
      const listed = features.map((f) => `${f.feature} ${f.weight}`).join(', ');
      messages += `${analysis.id}: ${analysis.sentiment.label} because ${listed || 'nothing stood out'}\n`;
    }
  }
  return { output: utf8.encode(output), messages, summary: summary.build(), failed };
}
