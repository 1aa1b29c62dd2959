/** The app's only data source: the same-origin HTTP API under `/api` (local server or CloudFront). */

import type {
  FollowUpHistoryEntry,
  FollowUpState as StoredFollowUpState,
} from '../../lib/model/follow-up-state.js';
import type { InboxRow, InboxSegment, InboxView } from '../../lib/model/inbox-row.js';

// The shapes the API answers, from the model the server builds them from (types only: the app
// bundles none of lib/), extended where a response adds to the stored shape.
export type { FollowUpStatus } from '../../lib/model/follow-up-state.js';
export type { InboxRow, InboxView };
export type Segment = InboxSegment;
export type HistoryEntry = FollowUpHistoryEntry;

/** The views in tab order (a value the app needs at run time; its type is the model's). */
export const INBOX_VIEWS = [
  'mine',
  'team',
  'unassigned',
  'overdue',
  'open',
  'resolved',
] as const satisfies readonly InboxView[];

export interface InboxPage {
  items: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<InboxView, number>;
  facets: Record<string, string[]>;
  /** Statuses holding more follow-ups than the inbox reads (2,000 each): counts and pages cover those. */
  truncated?: string[];
}

/** A follow-up as `GET /feedback/{id}` answers it: the stored state and whether it is overdue now. */
export type FollowUpState = StoredFollowUpState & { overdue?: boolean };

export interface ThemeMatch {
  id: string;
  label: string;
  group: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  evidence: string[];
}

export interface FeedbackRecord {
  id: string;
  receivedAt: string;
  submittedAt: string;
  score?: number;
  scale?: string;
  channel?: string;
  segment?: Segment;
  customerId?: string;
  redactedText: string;
  analysis: {
    sentiment: { label: string; score: number };
    themes: ThemeMatch[];
    /** The theme the comment is mainly about (its main problem when one is told negatively). */
    mainTheme?: string;
    signals: {
      waitMinutes: number | null;
      contactCount: number | null;
      transferCount: number | null;
      intents: string[];
    };
    nps?: { category: string };
    csat?: { category: string };
    ces?: { category: string };
  };
  followUp: FollowUpState;
}

export interface NpsFigures {
  feedback: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  /** CSAT (1-5) and CES (1-7) answers of the same period and segment; null figures without answers. */
  csat: { responses: number; satisfiedPercent: number | null; mean: number | null };
  ces: { responses: number; mean: number | null; highEffortPercent: number | null };
}

/** An answer other than 2xx: the status and the API's message, with the state that won on a 409. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: { error?: string; issues?: string[]; current?: FollowUpState },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let apiBase = '/api';

/** How calls are signed when deployed: the session's bearer token, renewed once on a 401. */
export interface ApiAuth {
  token(): Promise<string>;
  renew(): Promise<string>;
}
let auth: ApiAuth | undefined;

/** Where the API is and how to sign calls to it (none locally: the local server names the user). */
export function configureApi(base: string, signer?: ApiAuth): void {
  apiBase = base;
  auth = signer;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const signed = async (token: string | undefined) =>
    fetch(`${apiBase}${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        ...(token && { authorization: `Bearer ${token}` }),
      },
    });
  const response = await signed(await auth?.token());
  // An expired or revoked token: renew it once (or sign in again) and repeat the call.
  return response.status === 401 && auth ? signed(await auth.renew()) : response;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await send(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const parsed = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = [parsed.error, ...(parsed.issues ?? [])].filter(Boolean).join('; ');
    throw new ApiError(response.status, message || `HTTP ${response.status}`, parsed);
  }
  return parsed as T;
}

/** The header an export page names the next page's cursor in (functions/api/csv-response.ts). */
const NEXT_CURSOR_HEADER = 'x-closeloop-next-cursor';
/** Most pages one download follows: a runaway loop stops rather than filling the tab's memory. */
const MAX_EXPORT_PAGES = 5_000;

async function fetchOk(path: string): Promise<Response> {
  const response = await send(path, { method: 'GET' });
  if (!response.ok) {
    const parsed = await response.json().catch(() => ({}));
    throw new ApiError(response.status, parsed.message ?? `HTTP ${response.status}`, parsed);
  }
  return response;
}

/** The file name a `content-disposition` header gives, or the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Downloads an export the API answers page by page (a CSV export), signed like every call: follows
 * each page's cursor and saves the pages joined, under the name the API gives (filters included).
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const first = await fetchOk(path);
  const parts: Blob[] = [await first.blob()];
  let cursor = first.headers.get(NEXT_CURSOR_HEADER);
  while (cursor && parts.length < MAX_EXPORT_PAGES) {
    const separator = path.includes('?') ? '&' : '?';
    const page = await fetchOk(`${path}${separator}cursor=${encodeURIComponent(cursor)}`);
    parts.push(await page.blob());
    cursor = page.headers.get(NEXT_CURSOR_HEADER);
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: fileNameOf(first, fallbackName),
  });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export const getJson = <T>(path: string) => call<T>('GET', path);
export const postJson = <T>(path: string, body: unknown) => call<T>('POST', path, body);

/** A query string from the set values only. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const apiUrl = (path: string) => `${apiBase}${path}`;
