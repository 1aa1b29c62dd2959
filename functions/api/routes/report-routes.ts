import * as z from 'zod';
import {
  exportFeedbackPage,
  feedbackExportFileName,
  feedbackExportQuerySchema,
} from '../../../lib/reports/feedback-export.js';
import { npsTrendQuerySchema } from '../../../lib/reports/nps-trend.js';
import { listRejects, rejectSummary, rejectsQuerySchema } from '../../../lib/reports/rejects-query.js';
import {
  assembleFollowUpReport,
  assembleNpsReport,
  assembleNpsTrend,
  assembleRejectedList,
  assembleThemeComments,
  assembleThemesReport,
} from '../../../lib/reports/report-assembly.js';
import { reportQuerySchema } from '../../../lib/reports/report-query.js';
import { defineRoute, json } from '../api-route.js';
import { csvResponse } from '../csv-response.js';

/** Longest period a drill-down or reject list reads: each month is one query. */
const MAX_PERIOD_DAYS = 1_100;

const day = z.iso.date({ error: 'must be a date as yyyy-mm-dd' });
const periodSchema = z
  .strictObject({ from: day, to: day })
  .refine((q) => q.from <= q.to, { message: 'must not be after the "to" date', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_PERIOD_DAYS * 86_400_000, {
    message: `the period must be at most ${MAX_PERIOD_DAYS} days`,
    path: ['to'],
  });

const themeIdPath = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'theme ids are snake_case'),
});

export const npsReportRoute = defineRoute({
  method: 'GET',
  path: '/reports/nps',
  schemas: { query: reportQuerySchema },
  handle: async ({ input, store, now }) => json(200, await assembleNpsReport(store, input.query, now)),
});

export const themesReportRoute = defineRoute({
  method: 'GET',
  path: '/reports/themes',
  schemas: { query: reportQuerySchema },
  handle: async ({ input, store, now }) => json(200, await assembleThemesReport(store, input.query, now)),
});

export const followUpReportRoute = defineRoute({
  method: 'GET',
  path: '/reports/followups',
  schemas: { query: reportQuerySchema },
  handle: async ({ input, store, now }) => json(200, await assembleFollowUpReport(store, input.query, now)),
});

export const rejectsRoute = defineRoute({
  method: 'GET',
  path: '/rejects',
  schemas: { query: rejectsQuerySchema },
  handle: async ({ input, store }) =>
    json(200, { items: (await listRejects(store, input.query)).map(rejectSummary) }),
});

/** The dashboard: NPS over time for any segment against the period before. */
export const npsTrendRoute = defineRoute({
  method: 'GET',
  path: '/reports/trend',
  schemas: { query: npsTrendQuerySchema },
  handle: async ({ input, store }) => json(200, await assembleNpsTrend(store, input.query)),
});

/** The dashboard: a theme's comments with their evidence. */
export const themeCommentsRoute = defineRoute({
  method: 'GET',
  path: '/reports/themes/:id/comments',
  schemas: { path: themeIdPath, query: periodSchema },
  handle: async ({ input, store }) =>
    json(200, await assembleThemeComments(store, input.path.id, input.query)),
});

/** The dashboard: rejected messages with reasons (never their bodies). */
export const rejectedListRoute = defineRoute({
  method: 'GET',
  path: '/reports/rejected',
  schemas: { query: periodSchema },
  handle: async ({ input, store }) => json(200, await assembleRejectedList(store, input.query)),
});

/**
 * The feedback behind a dashboard view (period, segment, theme drill-down) as CSV, a page at a time:
 * leads and admins only (team-roles.ts).
 */
export const feedbackExportRoute = defineRoute({
  method: 'GET',
  path: '/reports/export',
  schemas: { query: feedbackExportQuerySchema },
  handle: async ({ input, store }) =>
    csvResponse(await exportFeedbackPage(store, input.query), feedbackExportFileName(input.query)),
});
