import { NotFoundError } from '@aws-lambda-powertools/event-handler/http';
import * as z from 'zod';
import { builtInTaxonomy } from '../../../lib/analysis/themes/theme-taxonomy.js';
import { buildInboxPage, filterInbox, inboxQuerySchema, toInboxRow } from '../../../lib/followup/inbox.js';
import { inboxToCsv } from '../../../lib/followup/inbox-csv.js';
import { readInboxRecords } from '../../../lib/followup/read-inbox.js';
import { defineRoute, json } from '../api-route.js';
import { feedbackIdPath } from './follow-up-routes.js';

/** Most rows one CSV export holds. */
const CSV_ROW_LIMIT = 10_000;

/** The inbox: views with counts, filters, search and paging. */
export const inboxRoute = defineRoute({
  method: 'GET',
  path: '/inbox',
  schemas: { query: inboxQuerySchema },
  async handle({ input, store, now, actor, teammates }) {
    const records = await readInboxRecords(store);
    const viewer = { actor: actor(), teammates: teammates() };
    return json(200, buildInboxPage(records, input.query, viewer, now.toISOString()));
  },
});

/** One inbox view as CSV. */
export const inboxExportRoute = defineRoute({
  method: 'GET',
  path: '/inbox/export',
  schemas: { query: inboxQuerySchema.omit({ page: true, pageSize: true }) },
  async handle({ input, store, now, actor, teammates }) {
    const at = now.toISOString();
    const viewer = { actor: actor(), teammates: teammates() };
    const rows = (await readInboxRecords(store)).map((record) => toInboxRow(record, at));
    const csv = inboxToCsv(
      filterInbox(rows, { ...input.query, page: 1, pageSize: 1 }, viewer).slice(0, CSV_ROW_LIMIT),
    );
    return new Response(csv, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="closeloop-${input.query.view}.csv"`,
      },
    });
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
