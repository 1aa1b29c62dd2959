import { ratingScaleSchema } from '../feedback/feedback-message.js';
import type { FeedbackIdDeriver } from './derive-id.js';
import type { ColumnPlan } from './map-columns.js';
import { isSegmentField, type MessageField } from './message-fields.js';
import { type DateOrder, parseSubmittedAt } from './parse-date.js';
import { parseScore } from './parse-score.js';

/** Why a row was not turned into a message (counted by reason in the summary). */
export type RowProblem = 'extra-cells' | 'bad-date' | 'bad-score';

export type RowResult =
  | { message: Record<string, unknown> }
  | { problem: RowProblem; detail: string }
  | { empty: true };

export interface RowOptions {
  dateOrder?: DateOrder;
  ids: FeedbackIdDeriver;
}

/**
 * One CSV row as a feedback message: cells are trimmed (the comment keeps its inner spacing), empty
 * cells are left out, dates become ISO 8601, scores numbers, segment columns go under `segment`, and
 * a row without an id gets one derived from its content. A row with more non-empty cells than the
 * header has columns is an error: its cells cannot be matched to columns.
 */
export function rowToMessage(cells: readonly string[], plan: ColumnPlan, options: RowOptions): RowResult {
  if (cells.length > plan.width) {
    const extra = cells.slice(plan.width).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      return {
        problem: 'extra-cells',
        detail: `${plan.width + extra.length} cells but the header has ${plan.width} columns (a delimiter inside an unquoted cell?)`,
      };
    }
  }
  if (cells.every((cell) => cell.trim() === '')) return { empty: true };

  const value = (field: MessageField): string | undefined => {
    const column = plan.columns.find((c) => c.field === field);
    const cell = column === undefined ? undefined : cells[column.index]?.trim();
    return cell === '' ? undefined : cell;
  };
  const message: Record<string, unknown> = {};
  const problems: Array<{ problem: RowProblem; detail: string }> = [];
  const text = plan.columns.find((c) => c.field === 'text');
  message.text = (text && cells[text.index]?.trim()) ?? '';
  const scale = value('scale')?.toLowerCase();
  if (scale !== undefined) message.scale = scale;
  const score = value('score');
  if (score !== undefined) {
    const known = ratingScaleSchema.safeParse(scale);
    const parsed = parseScore(score, known.success ? known.data : 'nps');
    if ('error' in parsed) problems.push({ problem: 'bad-score', detail: parsed.error });
    else message.score = parsed.value;
  }
  const submittedAt = value('submittedAt');
  if (submittedAt !== undefined) {
    const parsed = parseSubmittedAt(submittedAt, options.dateOrder);
    if ('error' in parsed) problems.push({ problem: 'bad-date', detail: parsed.error });
    else message.submittedAt = parsed.value;
  }
  for (const field of ['channel', 'customerId', 'locale'] as const) {
    const cell = value(field);
    if (cell !== undefined) message[field] = cell;
  }
  const segment: Record<string, string> = {};
  for (const column of plan.columns) {
    const cell = isSegmentField(column.field) ? value(column.field) : undefined;
    if (cell !== undefined) segment[column.field] = cell;
  }
  if (Object.keys(segment).length > 0) message.segment = segment;
  const [first] = problems;
  if (first) return { problem: first.problem, detail: problems.map((p) => p.detail).join('; ') };

  const id =
    value('id') ??
    options.ids.idFor({
      text: message.text as string,
      ...(message.customerId !== undefined && { customerId: message.customerId as string }),
      ...(message.submittedAt !== undefined && { submittedAt: message.submittedAt as string }),
      ...(message.score !== undefined && { score: message.score as number }),
      ...(message.scale !== undefined && { scale: message.scale as string }),
      ...(message.channel !== undefined && { channel: message.channel as string }),
      ...(message.segment !== undefined && { segment }),
    });
  return { message: { id, ...message } };
}
