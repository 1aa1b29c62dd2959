import { NotFoundError, type Router } from '@aws-lambda-powertools/event-handler/http';
import { z } from 'zod';
import { builtInTaxonomy } from '../../../lib/analysis/themes/theme-taxonomy.js';
import { followUpIdSchema } from '../../../lib/followup/follow-up-requests.js';
import { isOverdue } from '../../../lib/followup/follow-up-state.js';
import { buildInboxPage, filterInbox, inboxQuerySchema, toInboxRow } from '../../../lib/followup/inbox.js';
import { inboxToCsv } from '../../../lib/followup/inbox-csv.js';
import { readInboxRecords } from '../../../lib/followup/read-inbox.js';
import type { FeedbackStore } from '../../../lib/store/feedback-store.js';
import { actorOf, json, queryOf } from './route-helpers.js';

/** Most rows one CSV export holds. */
const CSV_ROW_LIMIT = 10_000;

/**
 * The inbox's read side: views with counts, filters, search and paging; a view as CSV; a customer's
 * other follow-ups; the taxonomy's themes (the root causes a resolve may pick).
 */
export function registerInboxRoutes(app: Router, store: FeedbackStore, now: () => Date): void {
  app.get('/inbox', async ({ req, event }) => {
    const query = queryOf(req, inboxQuerySchema);
    const records = await readInboxRecords(store);
    return json(200, buildInboxPage(records, query, actorOf(event, req.headers), now().toISOString()));
  });

  app.get('/inbox/export', async ({ req, event }) => {
    const query = queryOf(req, inboxQuerySchema.omit({ page: true, pageSize: true }));
    const at = now().toISOString();
    const rows = (await readInboxRecords(store)).map((record) => toInboxRow(record, at));
    const csv = inboxToCsv(
      filterInbox(rows, { ...query, page: 1, pageSize: 1 }, actorOf(event, req.headers)).slice(
        0,
        CSV_ROW_LIMIT,
      ),
    );
    return new Response(csv, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="closeloop-${query.view}.csv"`,
      },
    });
  });

  app.get('/feedback/:id/related', async ({ params }) => {
    const parsed = followUpIdSchema.safeParse(decodeURIComponent(params.id ?? ''));
    if (!parsed.success) return json(400, { error: 'bad request', issues: ['id: invalid'] });
    const record = await store.getFeedback(parsed.data);
    if (!record) throw new NotFoundError(`no feedback "${parsed.data}"`);
    if (!record.customerId) return json(200, { customerId: null, items: [] });
    const at = now().toISOString();
    const items = (await readInboxRecords(store))
      .filter((other) => other.customerId === record.customerId && other.id !== record.id)
      .map((other) => ({ ...toInboxRow(other, at), overdue: isOverdue(other.followUp, at) }))
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return json(200, { customerId: record.customerId, items });
  });

  app.get('/taxonomy/themes', async ({ req }) => {
    queryOf(req, z.strictObject({}));
    return json(200, {
      themes: builtInTaxonomy.themes.map(({ id, label, group }) => ({ id, label, group })),
    });
  });
}
