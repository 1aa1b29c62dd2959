import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { SentimentLabel } from '../lib/analysis/feedback-analysis.js';

/**
 * Loaders for the labelled development data, read in place from `../shared/data` beside the project
 * (or `CLOSELOOP_DATA_DIR`): the data is never copied into the repo.
 */
export const dataDir = resolve(
  process.env.CLOSELOOP_DATA_DIR ??
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data'),
);

export class MissingDataError extends Error {
  constructor(path: string) {
    super(
      `development data not found at ${path}; set CLOSELOOP_DATA_DIR to the folder holding telecom-nps/ and mams-acsa/`,
    );
    this.name = 'MissingDataError';
  }
}

function readData(relative: string): string {
  const path = join(dataDir, relative);
  if (!existsSync(path)) throw new MissingDataError(path);
  return readFileSync(path, 'utf8');
}

export interface NpsComment {
  text: string;
  /** 0-10 */
  score: number;
  journey: string;
}

/** Telecom NPS survey comments with their 0-10 score (rows without a score are left out). */
export function loadTelecomNps(): NpsComment[] {
  const rows = parse(readData('telecom-nps/dev.csv'), { columns: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  return rows
    .filter((row) => row.NPS_SCORE !== '' && row.NPS_SCORE !== undefined)
    .map((row) => ({
      text: row.text ?? '',
      score: Number(row.NPS_SCORE),
      journey: row.SURVEY_SUB_TYPE ?? '',
    }));
}

/** NPS band as a sentiment label: detractors negative, passives neutral, promoters positive. */
export function npsSentiment(score: number): SentimentLabel {
  return score <= 6 ? 'negative' : score >= 9 ? 'positive' : 'neutral';
}

export interface AspectSentence {
  text: string;
  aspects: Array<{ category: string; polarity: SentimentLabel }>;
}

const XML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/** MAMS restaurant sentences with their aspect categories and per-aspect polarity. */
export function loadMams(split: 'train' | 'val'): AspectSentence[] {
  const xml = readData(`mams-acsa/${split}.xml`);
  return [...xml.matchAll(/<sentence>\s*<text>([\s\S]*?)<\/text>([\s\S]*?)<\/sentence>/g)].map((match) => ({
    text: (match[1] ?? '').replace(/&(?:amp|quot|apos|lt|gt);/g, (entity) => XML_ENTITIES[entity] ?? entity),
    aspects: [...(match[2] ?? '').matchAll(/category="(\w+)" polarity="(\w+)"/g)].map((aspect) => ({
      category: aspect[1] as string,
      polarity: aspect[2] as SentimentLabel,
    })),
  }));
}

/**
 * Sentence-level label for a MAMS sentence whose non-neutral aspects all agree; undefined when they
 * conflict (those sentences are mixed by design and say nothing about sentence sentiment).
 */
export function sentenceSentiment(sentence: AspectSentence): SentimentLabel | undefined {
  const polar = new Set(sentence.aspects.map((a) => a.polarity).filter((p) => p !== 'neutral'));
  if (polar.size === 0) return 'neutral';
  return polar.size === 1 ? [...polar][0] : undefined;
}

function lines(relative: string): string[] {
  return readData(relative).split(/\r?\n/);
}

const TWEET_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface LabelledText {
  text: string;
  label: SentimentLabel;
}

/** TweetEval sentiment (SemEval-2017 4A): one tweet a line, labels 0/1/2 in the matching file. */
export function loadTweets(split: 'val' | 'test'): LabelledText[] {
  const texts = lines(`tweeteval-sentiment/${split}_text.txt`);
  const labels = lines(`tweeteval-sentiment/${split}_labels.txt`);
  return labels.flatMap((label, index) => {
    const sentiment = TWEET_LABELS[Number(label)];
    const text = texts[index];
    return label.trim() !== '' && sentiment && text !== undefined ? [{ text, label: sentiment }] : [];
  });
}

export const uciSources = ['amazon_cells', 'yelp', 'imdb'] as const;

/** UCI sentiment-labelled review sentences (0 negative, 1 positive), first line a header. */
export function loadUciSentences(source: (typeof uciSources)[number]): LabelledText[] {
  return lines(`uci-sentences/${source}_labelled.txt`)
    .slice(1)
    .flatMap((line) => {
      const tab = line.lastIndexOf('\t');
      if (tab < 0) return [];
      const label = line.slice(tab + 1).trim();
      const text = line.slice(0, tab).trim();
      return text !== '' && (label === '0' || label === '1')
        ? [{ text, label: label === '0' ? ('negative' as const) : ('positive' as const) }]
        : [];
    });
}

export interface Complaint {
  text: string;
  product: string;
  issue: string;
  subIssue: string;
}

/** CFPB complaints that carry the consumer's own narrative (all are complaints: negative). */
export function loadCfpbComplaints(): Complaint[] {
  const rows = parse(readData('cfpb-complaints/complaints_sample.csv'), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  return rows
    .filter((row) => (row['Consumer complaint narrative'] ?? '').trim() !== '')
    .map((row) => ({
      text: row['Consumer complaint narrative'] as string,
      product: row.Product ?? '',
      issue: row.Issue ?? '',
      subIssue: row['Sub-issue'] ?? '',
    }));
}

export interface IntentQuery {
  text: string;
  intent: string;
}

/** banking77 online-banking queries with their intent. */
export function loadBanking77(split: 'train' | 'test'): IntentQuery[] {
  const rows = parse(readData(`banking77/${split}.csv`), { columns: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  return rows.map((row) => ({ text: row.text ?? '', intent: row.category ?? '' }));
}
