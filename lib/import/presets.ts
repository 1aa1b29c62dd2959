import { type MessageField, normalizeHeader } from './message-fields.js';
import type { DateOrder } from './parse-date.js';

export const PRESET_NAMES = ['qualtrics', 'surveymonkey', 'typeform', 'medallia'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The header of an export: one name per column, and the question text where the tool gives one. */
export interface ExportHeader {
  names: string[];
  questions: string[];
}

/**
 * How one survey tool lays out its CSV export. Column conventions as the tools document them
 * (Qualtrics "Understanding your dataset": three header rows, ResponseId, RecordedDate) or as their
 * exports are commonly seen; anything else is named with `--map`.
 */
export interface ImportPreset {
  /** Rows of header before the first response. */
  headerRows: number;
  /** Column names and question texts from the header rows. */
  header(rows: string[][]): ExportHeader;
  /** Columns the tool names its own way, by normalised name. */
  columns: Record<string, MessageField>;
  /** How the tool writes dates when it does not use ISO 8601. */
  dateOrder?: DateOrder;
  /** Look for the NPS question and the comment question by their question text. */
  matchQuestions: boolean;
}

const singleRow = (rows: string[][]): ExportHeader => ({ names: rows[0] ?? [], questions: rows[0] ?? [] });

/**
 * SurveyMonkey writes the question in row 1 (once, over all the columns of a multi-column question)
 * and the answer option or "Response" / "Open-Ended Response" in row 2.
 */
function surveyMonkeyHeader(rows: string[][]): ExportHeader {
  const top = rows[0] ?? [];
  const sub = rows[1] ?? [];
  const names: string[] = [];
  let question = '';
  for (let i = 0; i < Math.max(top.length, sub.length); i++) {
    if (top[i]?.trim()) question = (top[i] as string).trim();
    const option = sub[i]?.trim() ?? '';
    const generic = option === '' || /^(open-ended )?response$/i.test(option);
    names.push(generic ? question : `${question} / ${option}`);
  }
  return { names, questions: names };
}

export const PRESETS: Record<PresetName, ImportPreset> = {
  qualtrics: {
    // Row 1: field ids (ResponseId, Q1, ...); row 2: question text; row 3: {"ImportId":"QID1"}.
    headerRows: 3,
    header: (rows) => ({ names: rows[0] ?? [], questions: rows[1] ?? [] }),
    columns: {
      responseid: 'id',
      recordeddate: 'submittedAt',
      distributionchannel: 'channel',
      userlanguage: 'locale',
      externalreference: 'customerId',
      externaldatareference: 'customerId',
    },
    matchQuestions: true,
  },
  surveymonkey: {
    headerRows: 2,
    header: surveyMonkeyHeader,
    columns: { respondentid: 'id', enddate: 'submittedAt' },
    // US exports: 11/04/2026 05:30:12 AM. --date-format dmy overrides for other locales.
    dateOrder: 'mdy',
    matchQuestions: true,
  },
  typeform: {
    // "#" is the response token; Network ID identifies the respondent's network, not the customer.
    headerRows: 1,
    header: singleRow,
    columns: { '#': 'id', submitdateutc: 'submittedAt', submittedat: 'submittedAt' },
    matchQuestions: true,
  },
  medallia: {
    headerRows: 1,
    header: singleRow,
    columns: {
      surveyid: 'id',
      responsedate: 'submittedAt',
      likelihoodtorecommend: 'score',
      ltrcomment: 'text',
      likelihoodtorecommendcomment: 'text',
      unit: 'department',
      unitname: 'department',
    },
    matchQuestions: true,
  },
};

/** The preset key of a header: its normalised name, or the raw name when that has no letters ("#"). */
export function presetKey(header: string): string {
  return normalizeHeader(header) || header.trim();
}

/** Question texts that ask for the NPS score and for the comment, in the words surveys use. */
export const QUESTION_PATTERNS: ReadonlyArray<{ field: 'score' | 'text'; pattern: RegExp }> = [
  { field: 'score', pattern: /\brecommend\b/i },
  { field: 'text', pattern: /\bwhy\b|\bcomments?\b|\bfeedback\b|\breason\b|\btell us\b|\bimprove\b/i },
];
