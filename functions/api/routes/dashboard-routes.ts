import type { Router } from '@aws-lambda-powertools/event-handler/http';
import { z } from 'zod';
import { npsTrend, npsTrendQuerySchema } from '../../../lib/reports/nps-trend.js';
import { previousPeriod } from '../../../lib/reports/theme-drivers.js';
import type { FeedbackStore } from '../../../lib/store/feedback-store.js';
import { monthsBetween } from '../../../lib/store/table-keys.js';
import { json, queryOf } from './route-helpers.js';

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

const themeIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'theme ids are snake_case');

/** Most comments one theme drill-down returns. */
const DRILL_DOWN_LIMIT = 50;

/**
 * The dashboard's read side: NPS over time for any segment against the period before, a theme's
 * comments with their evidence, and rejected messages with reasons (never their bodies).
 */
export function registerDashboardRoutes(app: Router, store: FeedbackStore): void {
  app.get('/reports/trend', async ({ req }) => {
    const query = queryOf(req, npsTrendQuerySchema);
    const scope =
      query.dimension && query.value
        ? { dimension: query.dimension, value: query.value }
        : ({ dimension: 'all' } as const);
    const before = previousPeriod(query.from, query.to);
    const [current, previous] = await Promise.all([
      store.readDailyCounts(scope, query.from, query.to),
      store.readDailyCounts(scope, before.from, before.to),
    ]);
    return json(200, {
      ...npsTrend(query, current, previous),
      dimension: query.dimension ?? null,
      value: query.value ?? null,
    });
  });

  app.get('/reports/themes/:id/comments', async ({ req, params }) => {
    const theme = themeIdSchema.safeParse(params.id);
    if (!theme.success) return json(400, { error: 'bad request', issues: ['id: theme ids are snake_case'] });
    const period = queryOf(req, periodSchema);
    const mentions = (await store.listThemeMentions(theme.data, period.from, period.to))
      .sort((a, b) => b.day.localeCompare(a.day))
      .slice(0, DRILL_DOWN_LIMIT);
    const records = await Promise.all(mentions.map((mention) => store.getFeedback(mention.id)));
    const items = mentions.flatMap((mention, index) => {
      const record = records[index];
      if (!record) return [];
      return [
        {
          id: mention.id,
          day: mention.day,
          sentiment: mention.sentiment,
          evidence: mention.evidence,
          score: record.score ?? null,
          segment: record.segment ?? {},
          redactedText: record.redactedText,
        },
      ];
    });
    return json(200, { theme: theme.data, ...period, items });
  });

  app.get('/reports/rejected', async ({ req }) => {
    const period = queryOf(req, periodSchema);
    const rejected = await store.listRejected({
      limit: 200,
      months: monthsBetween(period.from, period.to).reverse(),
    });
    return json(200, {
      ...period,
      items: rejected.map(({ rejectId, receivedAt, reason, issues }) => ({
        rejectId,
        receivedAt,
        reason,
        issues,
      })),
    });
  });
}
