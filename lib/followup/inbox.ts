import * as z from 'zod';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { INBOX_VIEWS, type InboxRow, type InboxView } from '../model/inbox-row.js';
import { isOverdue } from './follow-up-state.js';

/**
 * The team's inbox: which follow-ups a view holds, filtered, searched, sorted and paged. Pure: the
 * records come from the store's follow-up queues, the actor and clock from the caller.
 */

export { INBOX_VIEWS, type InboxRow, type InboxView };

const filterText = z.string().trim().min(1).max(128).optional();

export const inboxQuerySchema = z.strictObject({
  view: z.enum(INBOX_VIEWS).default('open'),
  sort: z.enum(['priority', 'age']).default('priority'),
  department: filterText,
  team: filterText,
  agent: filterText,
  product: filterText,
  theme: filterText,
  channel: filterText,
  /** The rating band: NPS detractor/passive/promoter, CSAT and CES categories alike. */
  band: filterText,
  /** The owner's name (any case); `owner=none` for follow-ups nobody owns. */
  owner: filterText,
  /** `true`: only overdue follow-ups; `false`: only those on time. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Words searched in the redacted comment, case-insensitive. */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export interface InboxPage {
  items: InboxRow[];
  /** Rows in the view after filters, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  /** Rows per view with the same filters, so the tabs show what waits where. */
  counts: Record<InboxView, number>;
  /** The values each filter can take, from every follow-up: the choices of the filter menus. */
  facets: Record<InboxFacet, string[]>;
}

const INBOX_FACETS = ['department', 'team', 'agent', 'product', 'theme', 'channel', 'band'] as const;
type InboxFacet = (typeof INBOX_FACETS)[number];

function facetValues(row: InboxRow, facet: InboxFacet): Array<string | null | undefined> {
  if (facet === 'theme') return row.themes;
  if (facet === 'channel' || facet === 'band') return [row[facet]];
  return [row.segment[facet]];
}

function facetsOf(rows: readonly InboxRow[]): Record<InboxFacet, string[]> {
  return Object.fromEntries(
    INBOX_FACETS.map((facet) => [
      facet,
      [...new Set(rows.flatMap((row) => facetValues(row, facet)).filter((v): v is string => !!v))].sort(),
    ]),
  ) as Record<InboxFacet, string[]>;
}

/** The rating band of a record: the NPS, CSAT or CES category, null without a score. */
export function bandOf(record: FeedbackRecord): string | null {
  const { nps, csat, ces } = record.analysis;
  return nps?.category ?? csat?.category ?? ces?.category ?? null;
}

export function toInboxRow(record: FeedbackRecord, now: string): InboxRow {
  return {
    id: record.id,
    status: record.followUp.status,
    priority: record.followUp.priority,
    reasons: record.followUp.reasons,
    owner: record.followUp.owner ?? null,
    dueAt: record.followUp.dueAt ?? null,
    overdue: isOverdue(record.followUp, now),
    score: record.score ?? null,
    scale: record.scale ?? 'nps',
    band: bandOf(record),
    channel: record.channel ?? null,
    segment: record.segment ?? {},
    themes: record.analysis.themes.map((theme) => theme.id),
    submittedAt: record.submittedAt,
    receivedAt: record.receivedAt,
    redactedText: record.redactedText,
  };
}

const unresolved = (row: InboxRow) => row.status !== 'resolved';

/** Who is looking: "mine" is the actor's, "my team" their teammates' (the actor included). */
export interface InboxViewer {
  actor: string;
  teammates: readonly string[];
}

const viewTests: Record<InboxView, (row: InboxRow, viewer: InboxViewer) => boolean> = {
  mine: (row, { actor }) => unresolved(row) && row.owner === actor,
  team: (row, { teammates }) => unresolved(row) && row.owner !== null && teammates.includes(row.owner),
  unassigned: (row) => row.status === 'open' && row.owner === null,
  overdue: (row) => unresolved(row) && row.overdue,
  open: unresolved,
  resolved: (row) => row.status === 'resolved',
};

const same = (a: string | undefined | null, b: string) => a?.toLocaleLowerCase() === b.toLocaleLowerCase();

function matchesFilters(row: InboxRow, query: Omit<InboxQuery, 'page' | 'pageSize'>): boolean {
  const { segment } = row;
  if (query.department && !same(segment.department, query.department)) return false;
  if (query.team && !same(segment.team, query.team)) return false;
  if (query.agent && !same(segment.agent, query.agent)) return false;
  if (query.product && !same(segment.product, query.product)) return false;
  if (query.channel && !same(row.channel, query.channel)) return false;
  if (query.band && !same(row.band, query.band)) return false;
  if (query.theme && !row.themes.includes(query.theme)) return false;
  if (query.owner && (query.owner === 'none' ? row.owner !== null : !same(row.owner, query.owner)))
    return false;
  if (query.overdue && row.overdue !== (query.overdue === 'true')) return false;
  if (query.q) {
    const text = row.redactedText.toLocaleLowerCase();
    const words = query.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (!words.every((word) => text.includes(word))) return false;
  }
  return true;
}

type Position = Pick<InboxRow, 'priority' | 'submittedAt' | 'id'>;
const byPriority = (a: Position, b: Position) =>
  b.priority - a.priority || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id);
const byAge = (a: Position, b: Position) =>
  a.submittedAt.localeCompare(b.submittedAt) || b.priority - a.priority || a.id.localeCompare(b.id);

/** The inbox's order for a sort: total (the id breaks ties), so a position in it can be resumed. */
export function compareInboxRows(
  sort: InboxQuery['sort'],
): (
  a: Pick<InboxRow, 'priority' | 'submittedAt' | 'id'>,
  b: Pick<InboxRow, 'priority' | 'submittedAt' | 'id'>,
) => number {
  return sort === 'age' ? byAge : byPriority;
}

/** The rows of `query.view` that pass every filter, in the view's order. */
export function filterInbox(
  rows: readonly InboxRow[],
  query: Omit<InboxQuery, 'page' | 'pageSize'>,
  viewer: InboxViewer,
): InboxRow[] {
  return rows
    .filter((row) => viewTests[query.view](row, viewer) && matchesFilters(row, query))
    .sort(compareInboxRows(query.sort));
}

/** One page of the inbox. Paging is by position in a stable order, so a page stays put on reload. */
export function buildInboxPage(
  records: readonly FeedbackRecord[],
  query: InboxQuery,
  viewer: InboxViewer,
  now: string,
): InboxPage {
  const rows = records.map((record) => toInboxRow(record, now));
  const inView = filterInbox(rows, query, viewer);
  const counts = Object.fromEntries(
    INBOX_VIEWS.map((view) => [view, filterInbox(rows, { ...query, view }, viewer).length]),
  ) as Record<InboxView, number>;
  const start = (query.page - 1) * query.pageSize;
  return {
    items: inView.slice(start, start + query.pageSize),
    total: inView.length,
    page: query.page,
    pageSize: query.pageSize,
    counts,
    facets: facetsOf(rows),
  };
}
