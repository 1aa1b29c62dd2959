import { BadRequestError, NotFoundError, Router } from '@aws-lambda-powertools/event-handler/http';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2WithIAMAuthorizer } from 'aws-lambda';
import { ZodError, type ZodType, type z } from 'zod';
import { changeFollowUp, FollowUpNotFoundError } from '../../lib/followup/change-follow-up.js';
import {
  type FollowUpActionName,
  followUpIdSchema,
  followUpListQuerySchema,
  parseFollowUpCommand,
} from '../../lib/followup/follow-up-requests.js';
import { FollowUpConflictError, isOverdue } from '../../lib/followup/follow-up-state.js';
import { segmentValues } from '../../lib/reports/feedback-report.js';
import { readCloseTheLoop, readNpsReport, readThemeDrivers } from '../../lib/reports/read-feedback-report.js';
import { listRejects, rejectSummary, rejectsQuerySchema } from '../../lib/reports/rejects-query.js';
import { reportQuerySchema } from '../../lib/reports/report-query.js';
import { InvalidCursorError } from '../../lib/store/dynamodb-feedback-store.js';
import type { FeedbackRecord, FeedbackStore } from '../../lib/store/feedback-store.js';

export interface ApiDependencies {
  store: FeedbackStore;
  logger?: Logger;
  now?: () => Date;
}

/** Who is acting: the IAM caller in AWS; locally, the `x-closeloop-actor` header. */
function actorOf(event: unknown, headers: Headers): string {
  const iam = (event as Partial<APIGatewayProxyEventV2WithIAMAuthorizer>).requestContext?.authorizer?.iam;
  return iam?.userArn ?? headers.get('x-closeloop-actor') ?? 'anonymous';
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The query string, validated: a bad one ends as 400 with the zod issues. */
function queryOf<T extends ZodType>(req: Request, schema: T): z.output<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}

function issuesOf(error: ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

function parseId(raw: string | undefined): string {
  const parsed = followUpIdSchema.safeParse(decodeURIComponent(raw ?? ''));
  if (!parsed.success) throw new BadRequestError(`invalid id: ${issuesOf(parsed.error).join('; ')}`);
  return parsed.data;
}

async function readBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('the body is not valid JSON');
  }
}

/** A list row: what a team member needs to pick the next customer to call. */
function followUpSummary(record: FeedbackRecord, now: string) {
  return {
    id: record.id,
    status: record.followUp.status,
    priority: record.followUp.priority,
    reasons: record.followUp.reasons,
    owner: record.followUp.owner ?? null,
    dueAt: record.followUp.dueAt ?? null,
    overdue: isOverdue(record.followUp, now),
    score: record.score ?? null,
    segment: record.segment ?? {},
    themes: record.analysis.themes.map((theme) => theme.id),
    submittedAt: record.submittedAt,
    redactedText: record.redactedText,
  };
}

/**
 * The follow-up and reports API (API Gateway HTTP API with IAM auth in AWS; `closeloop serve-local`
 * serves the same router on loopback). Every input is validated with zod; state changes are
 * conditional writes, so of two people acting at once the second gets 409 and the state that won.
 */
export function createApiRouter({ store, logger, now = () => new Date() }: ApiDependencies): Router {
  const app = new Router(logger ? { logger } : {});

  app.errorHandler(ZodError, async (error) => json(400, { error: 'bad request', issues: issuesOf(error) }));
  app.errorHandler(InvalidCursorError, async () =>
    json(400, { error: 'bad request', issues: ['cursor: invalid'] }),
  );
  app.errorHandler(FollowUpNotFoundError, async (error) => json(404, { error: error.message }));
  app.errorHandler(FollowUpConflictError, async (error) =>
    json(409, { error: error.message, current: error.current }),
  );

  app.get('/followups', async ({ req }) => {
    const query = queryOf(req, followUpListQuerySchema);
    const page = await store.listFollowUps(query);
    const at = now().toISOString();
    return json(200, {
      items: page.items.map((record) => followUpSummary(record, at)),
      cursor: page.cursor ?? null,
    });
  });

  app.get('/feedback/:id', async ({ params }) => {
    const id = parseId(params.id);
    const record = await store.getFeedback(id);
    if (!record) throw new NotFoundError(`no feedback "${id}"`);
    return json(200, {
      ...record,
      followUp: { ...record.followUp, overdue: isOverdue(record.followUp, now().toISOString()) },
    });
  });

  for (const action of ['claim', 'contacted', 'resolve', 'reopen'] as const satisfies FollowUpActionName[]) {
    app.post(`/followups/:id/${action}`, async ({ req, params, event }) => {
      const id = parseId(params.id);
      const command = parseFollowUpCommand(action, await readBody(req));
      const record = await changeFollowUp(
        store,
        id,
        command,
        actorOf(event, req.headers),
        now().toISOString(),
      );
      return json(200, { id: record.id, followUp: record.followUp });
    });
  }

  app.get('/reports/nps', async ({ req }) => {
    const query = queryOf(req, reportQuerySchema);
    const report = await readNpsReport(store, { ...query, today: now().toISOString().slice(0, 10) });
    return json(200, { ...report, by: report.by ?? null });
  });

  /** A report's period: as asked, else the 30 days up to today. */
  const periodOf = (query: { from?: string | undefined; to?: string | undefined }) => {
    const to = query.to ?? now().toISOString().slice(0, 10);
    const from =
      query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    return { from, to };
  };

  app.get('/reports/themes', async ({ req }) => {
    const query = queryOf(req, reportQuerySchema);
    const period = periodOf(query);
    if (!query.by || query.by === 'day' || query.by === 'week') {
      return json(200, { ...period, themes: await readThemeDrivers(store, period) });
    }
    const dimension = query.by;
    const overall = await store.readDailyCounts({ dimension: 'all' }, period.from, period.to);
    const segments = await Promise.all(
      segmentValues(overall, dimension).map(async (value) => ({
        key: value,
        themes: await readThemeDrivers(store, { ...period, scope: { dimension, value } }),
      })),
    );
    return json(200, { ...period, by: dimension, segments });
  });

  app.get('/rejects', async ({ req }) => {
    const query = queryOf(req, rejectsQuerySchema);
    return json(200, { items: (await listRejects(store, query)).map(rejectSummary) });
  });

  app.get('/reports/followups', async ({ req }) => {
    const period = periodOf(queryOf(req, reportQuerySchema));
    return json(200, {
      ...period,
      ...(await readCloseTheLoop(store, { ...period, now: now().toISOString() })),
    });
  });

  return app;
}
