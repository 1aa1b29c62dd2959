import * as z from 'zod';
import { bandOf } from '../followup/inbox.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { SEGMENT_DIMENSIONS } from '../model/segment-dimensions.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { InvalidCursorError } from '../store/page-cursor.js';
import { CSV_BOM, type CsvPage, csvLine, exportFileName } from './csv-writer.js';

/**
 * Records one export page holds. A stored comment is at most 8,000 characters, so 100 rows stay
 * under 3 MB of CSV even at worst, below the 6 MB a Lambda answer behind API Gateway may carry.
 */
export const FEEDBACK_EXPORT_PAGE_ROWS = 100;
/** Longest period one export reads, as for a drill-down. */
const MAX_EXPORT_DAYS = 1_100;

const day = z.iso.date({ error: 'must be a date as yyyy-mm-dd' });

/**
 * The feedback behind a dashboard view: its period, optionally one segment value (as the dashboard
 * filters) and one theme (the drill-down); `cursor` continues an export page by page.
 */
export const feedbackExportQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    dimension: z.enum(SEGMENT_DIMENSIONS).optional(),
    value: z.string().trim().min(1).max(128).optional(),
    theme: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, 'theme ids are snake_case')
      .optional(),
    cursor: z.string().min(1).max(2_000).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after the "to" date', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_EXPORT_DAYS * 86_400_000, {
    message: `the period must be at most ${MAX_EXPORT_DAYS} days`,
    path: ['to'],
  })
  .refine((q) => !q.dimension === !q.value, {
    message: 'give dimension and value together',
    path: ['value'],
  });

export type FeedbackExportQuery = z.infer<typeof feedbackExportQuerySchema>;

const COLUMNS = [
  'id',
  'submittedAt',
  'score',
  'scale',
  'band',
  'sentiment',
  'themes',
  'channel',
  'department',
  'team',
  'agent',
  'product',
  'followUp',
  'owner',
  'rootCause',
  'redactedText',
] as const;

/**
 * One record as a CSV line: the redacted text and the segment as stored (redacted), never the
 * customer id (personal data kept for the follow-up views only).
 */
export function feedbackCsvLine(record: FeedbackRecord): string {
  const segment = record.segment ?? {};
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    id: record.id,
    submittedAt: record.submittedAt,
    score: record.score,
    scale: record.scale ?? 'nps',
    band: bandOf(record),
    sentiment: record.analysis.sentiment.label,
    themes: record.analysis.themes.map((theme) => theme.id).join(' '),
    channel: record.channel,
    department: segment.department,
    team: segment.team,
    agent: segment.agent,
    product: segment.product,
    followUp: record.followUp.status,
    owner: record.followUp.owner,
    rootCause: record.followUp.rootCause,
    redactedText: record.redactedText,
  };
  return csvLine(COLUMNS.map((column) => values[column]));
}

/** Whether a record is in the view's segment; values compare as stored (redacted), any case. */
function inSegment(record: FeedbackRecord, query: FeedbackExportQuery): boolean {
  if (!query.dimension || !query.value) return true;
  return record.segment?.[query.dimension]?.toLocaleLowerCase() === query.value.toLocaleLowerCase();
}

/** Where a drill-down export page ended: the last mention's day and id (mentions newest first). */
const mentionPositionSchema = z.strictObject({ day, id: z.string().min(1).max(200) });

function decodeMentionPosition(cursor: string): z.infer<typeof mentionPositionSchema> {
  try {
    return mentionPositionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidCursorError();
  }
}

const newestFirst = (a: { day: string; id: string }, b: { day: string; id: string }) =>
  b.day.localeCompare(a.day) || a.id.localeCompare(b.id);

/** A theme's feedback in the period (its mentions, by Query), newest first, one page. */
async function themePage(store: FeedbackStore, query: FeedbackExportQuery, theme: string) {
  const mentions = (await store.listThemeMentions(theme, query.from, query.to)).sort(newestFirst);
  const after = query.cursor ? decodeMentionPosition(query.cursor) : undefined;
  const rest = after ? mentions.filter((mention) => newestFirst(mention, after) > 0) : mentions;
  const page = rest.slice(0, FEEDBACK_EXPORT_PAGE_ROWS);
  const records = await Promise.all(page.map((mention) => store.getFeedback(mention.id)));
  const last = page.at(-1);
  return {
    items: records.filter((record): record is FeedbackRecord => record !== undefined),
    ...(rest.length > page.length &&
      last && { cursor: Buffer.from(JSON.stringify({ day: last.day, id: last.id })).toString('base64url') }),
  };
}

/**
 * One page of the export of the feedback behind a dashboard view: the first page has the BOM and the
 * header row. A page may hold no rows (the segment filter dropped them) and still have a cursor: the
 * caller follows cursors until there is none.
 */
export async function exportFeedbackPage(store: FeedbackStore, query: FeedbackExportQuery): Promise<CsvPage> {
  const { items, cursor } = query.theme
    ? await themePage(store, query, query.theme)
    : await store.scanFeedback({
        from: query.from,
        to: query.to,
        limit: FEEDBACK_EXPORT_PAGE_ROWS,
        ...(query.cursor && { cursor: query.cursor }),
      });
  const lines = items.filter((record) => inSegment(record, query)).map(feedbackCsvLine);
  const header = query.cursor ? '' : CSV_BOM + csvLine(COLUMNS);
  return { csv: header + lines.join(''), ...(cursor && { cursor }) };
}

/** The export's file name with the view: `closeloop-feedback-2026-09-01-2026-11-30-department-Care-theme-billing.csv`. */
export function feedbackExportFileName(query: FeedbackExportQuery): string {
  return exportFileName([
    'feedback',
    query.from,
    query.to,
    ...(query.dimension ? [query.dimension, query.value] : []),
    ...(query.theme ? ['theme', query.theme] : []),
  ]);
}
