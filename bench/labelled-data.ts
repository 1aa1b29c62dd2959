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
