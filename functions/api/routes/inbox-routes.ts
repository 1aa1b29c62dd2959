import { NotFoundError } from '@aws-lambda-powertools/event-handler/http';
import * as z from 'zod';
import { builtInTaxonomy } from '../../../lib/analysis/themes/theme-taxonomy.js';
import { buildInboxPage, filterInbox, inboxQuerySchema, toInboxRow } from '../../../lib/followup/inbox.js';
import { readInboxQueues, readInboxRecords } from '../../../lib/followup/read-inbox.js';
import { inboxCsvPage, inboxExportFileName, inboxExportQuerySchema } from '../../../lib/reports/inbox-csv.js';
import { defineRoute, json } from '../api-route.js';
import { csvResponse, TRUNCATED_HEADER } from '../csv-response.js';
import { feedbackIdPath } from './follow-up-routes.js';

/** The inbox: views with counts, filters, search and paging. */
export const inboxRoute = defineRoute({
  method: 'GET',
  path: '/inbox',
  schemas: { query: inboxQuerySchema },
  async handle({ input, store, now, actor, teammates }) {
    const { records, truncated } = await readInboxQueues(store);
    const viewer = { actor: actor(), teammates: teammates() };
    return json(200, { ...buildInboxPage(records, input.query, viewer, now.toISOString()), truncated });
  },
});

/** One inbox view as CSV, a page (up to 1 MB) at a time: leads and admins only (team-roles.ts). */
export const inboxExportRoute = defineRoute({
  method: 'GET',
  path: '/inbox/export',
  schemas: { query: inboxExportQuerySchema },
  async handle({ input, store, now, actor, teammates }) {
    const at = now.toISOString();
    const viewer = { actor: actor(), teammates: teammates() };
    const { records, truncated } = await readInboxQueues(store);
    const rows = records.map((record) => toInboxRow(record, at));
    const { cursor, ...view } = input.query;
    const page = inboxCsvPage(filterInbox(rows, view, viewer), input.query);
    const response = csvResponse(page, inboxExportFileName(view));
    if (truncated.length > 0) response.headers.set(TRUNCATED_HEADER, truncated.join(','));
    return response;
  },
});

/** A customer's other follow-ups, newest first. */
export const relatedFeedbackRoute = defineRoute({
  method: 'GET',
  path: '/feedback/:id/related',
  schemas: { path: feedbackIdPath },
  async handle({ input, store, now }) {
    const record = await store.getFeedback(input.path.id);
    if (!record) throw new NotFoundError(`no feedback "${input.path.id}"`);
    if (!record.customerId) return json(200, { customerId: null, items: [] });
    const at = now.toISOString();
    const items = (await readInboxRecords(store))
      .filter((other) => other.customerId === record.customerId && other.id !== record.id)
      .map((other) => toInboxRow(other, at))
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return json(200, { customerId: record.customerId, items });
  },
});

/** The taxonomy's themes: the root causes a resolve may pick. */
export const taxonomyThemesRoute = defineRoute({
  method: 'GET',
  path: '/taxonomy/themes',
  schemas: { query: z.strictObject({}) },
  handle: async () =>
    json(200, { themes: builtInTaxonomy.themes.map(({ id, label, group }) => ({ id, label, group })) }),
});
