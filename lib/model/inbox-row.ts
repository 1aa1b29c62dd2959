import type { FollowUpStatus } from './follow-up-state.js';

/**
 * The inbox's views and rows, as the API answers them and the web app reads them (the web app
 * imports these types; lib/followup/inbox.ts builds the rows).
 */

export const INBOX_VIEWS = ['mine', 'team', 'unassigned', 'overdue', 'open', 'resolved'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** A record's segment as stored: every value went through the redaction gate. */
export interface InboxSegment {
  department?: string;
  team?: string;
  agent?: string;
  product?: string;
  region?: string;
}

/** A row of the inbox: what a team member needs to pick the next customer to call. */
export interface InboxRow {
  id: string;
  status: FollowUpStatus;
  priority: number;
  reasons: string[];
  owner: string | null;
  dueAt: string | null;
  overdue: boolean;
  score: number | null;
  scale: string;
  band: string | null;
  channel: string | null;
  segment: InboxSegment;
  themes: string[];
  submittedAt: string;
  receivedAt: string;
  redactedText: string;
}
