import {
  BadRequestError,
  HttpError,
  MethodNotAllowedError,
  NotFoundError,
  Router,
} from '@aws-lambda-powertools/event-handler/http';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
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
import { actorOf } from './actor.js';
import { type ApiErrorBody, ApiRequestError, errorResponse } from './api-errors.js';
import { registerDashboardRoutes } from './routes/dashboard-routes.js';
import { registerInboxRoutes } from './routes/inbox-routes.js';
import { authorizeTeamRole } from './team-roles.js';
import { withoutWebAppPrefix } from './web-app-prefix.js';

export interface ApiDependencies {
  store: FeedbackStore;
  logger?: Logger;
  now?: () => Date;
}

/** Largest request body accepted (bytes): follow-up commands are a few KB at most. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function errorJson(status: number, body: ApiErrorBody & Record<string, unknown>): Response {
  return json(status, body);
}

/** The query string, validated: a bad one ends as 400 with the zod issues. */
function queryOf<T extends ZodType>(req: Request, schema: T): z.output<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}

function issuesOf(error: ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** The id from the path; the router has already percent-decoded it (once: decoding again would let `%2523` become `#`). */
function parseId(raw: string | undefined): string {
  const parsed = followUpIdSchema.safeParse(raw ?? '');
  if (!parsed.success) {
    throw new ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: ['id'] })));
  }
  return parsed.data;
}

async function readBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_REQUEST_BODY_BYTES) {
    throw new ApiRequestError(413, 'payload_too_large', `the body is over ${MAX_REQUEST_BODY_BYTES} bytes`);
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('the body is not valid JSON');
  }
}

/** The request id to log and quote: API Gateway's, else the Lambda invocation's. */
function requestIdOf(event: unknown, context: Context | undefined): string {
  const fromEvent = (event as Partial<APIGatewayProxyEventV2>)?.requestContext?.requestId;
  return fromEvent ?? context?.awsRequestId ?? 'unknown';
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
 * The follow-up and reports API (API Gateway HTTP API in AWS: IAM auth, and the team's JWTs under
 * `/api`; `closeloop serve-local` serves the same router on loopback). Every input is validated with zod; state changes are
 * conditional writes, so of two people acting at once the second gets 409 and the state that won.
 */
export function createApiRouter({ store, logger, now = () => new Date() }: ApiDependencies): Router {
  // The router's own debug lines quote error messages (which may quote stored data): dropped; its
  // warnings and errors are passed on by kind only.
  const app = new Router({
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: unknown) => logger?.warn(message instanceof Error ? message.name : String(message)),
      error: (message: unknown) => logger?.error(message instanceof Error ? message.name : String(message)),
    },
  });

  app.errorHandler(ZodError, async (error) =>
    errorJson(400, { error: 'bad_request', message: 'the request is invalid', issues: issuesOf(error) }),
  );
  app.errorHandler(InvalidCursorError, async () =>
    errorJson(400, {
      error: 'bad_request',
      message: 'the cursor is invalid',
      issues: ['cursor: not a cursor this query handed out'],
    }),
  );
  app.errorHandler(ApiRequestError, async (error) =>
    errorJson(error.status, {
      error: error.code,
      message: error.message,
      ...(error.issues && { issues: error.issues }),
    }),
  );
  app.errorHandler(FollowUpNotFoundError, async (error) =>
    errorJson(404, { error: 'not_found', message: error.message }),
  );
  app.errorHandler(FollowUpConflictError, async (error) =>
    errorJson(409, { error: 'conflict', message: error.message, current: error.current }),
  );
  app.errorHandler(NotFoundError, async () =>
    errorJson(404, { error: 'not_found', message: 'no such resource or route' }),
  );
  app.errorHandler(MethodNotAllowedError, async () =>
    errorJson(405, { error: 'method_not_allowed', message: 'method not allowed on this route' }),
  );
  app.errorHandler(BadRequestError, async (error) =>
    errorJson(400, { error: 'bad_request', message: error.message }),
  );
  // Anything else is a fault of ours: logged with the request id and the error's kind only (its
  // message may quote stored data), answered with the request id so a report can be matched to the log.
  app.errorHandler(Error, async (error, reqCtx) => {
    if (error instanceof HttpError && error.statusCode < 500) {
      return errorJson(error.statusCode, { error: 'bad_request', message: error.message });
    }
    const requestId = requestIdOf(reqCtx.event, reqCtx.context);
    logger?.error('request failed', { requestId, errorName: error.name, route: reqCtx.route ?? null });
    return errorJson(500, { error: 'internal_error', message: `internal error (request ${requestId})` });
  });

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
    // The record keeps the latest changes; the whole history is read from its own items.
    const history = record.followUp.status === 'none' ? [] : await store.listFollowUpHistory(id);
    return json(200, {
      ...record,
      followUp: {
        ...record.followUp,
        history: history.length >= record.followUp.history.length ? history : record.followUp.history,
        overdue: isOverdue(record.followUp, now().toISOString()),
      },
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

  // The web app's routes (inbox, dashboard) live in routes/: one file per page's needs.
  registerInboxRoutes(app, store, now);
  registerDashboardRoutes(app, store);

  return app;
}

/** Whether every percent escape in a raw path or query string piece decodes to UTF-8. */
function decodesCleanly(raw: string): boolean {
  try {
    decodeURIComponent(raw.replaceAll('+', ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks what the router cannot report well: bad percent encoding in the path or query (the router's
 * own decoding would throw a 500), a query parameter given twice, a body over the limit.
 */
function checkRequest(event: APIGatewayProxyEventV2): void {
  const issues: string[] = [];
  if (!event.rawPath.split('/').every(decodesCleanly)) issues.push('path: bad percent encoding');
  const seen = new Set<string>();
  for (const piece of (event.rawQueryString ?? '').split('&').filter(Boolean)) {
    const [name = '', ...value] = piece.split('=');
    if (!decodesCleanly(name) || !decodesCleanly(value.join('='))) {
      issues.push('query: bad percent encoding');
      break;
    }
    const decoded = decodeURIComponent(name.replaceAll('+', ' '));
    if (seen.has(decoded)) issues.push(`${decoded}: given more than once`);
    seen.add(decoded);
  }
  if (issues.length > 0) throw new ApiRequestError(400, 'bad_request', 'the request is invalid', issues);
  const bytes = event.body
    ? event.isBase64Encoded
      ? Math.floor((event.body.length * 3) / 4)
      : Buffer.byteLength(event.body)
    : 0;
  if (bytes > MAX_REQUEST_BODY_BYTES) {
    throw new ApiRequestError(413, 'payload_too_large', `the body is over ${MAX_REQUEST_BODY_BYTES} bytes`);
  }
}

/** Header values as the byte strings `Headers` accepts: text beyond Latin-1 is sent on as its UTF-8 bytes. */
function asByteStrings(headers: APIGatewayProxyEventV2['headers']): APIGatewayProxyEventV2['headers'] {
  const converted: APIGatewayProxyEventV2['headers'] = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    converted[name] = value === undefined ? value : Buffer.from(value, 'utf8').toString('latin1');
  }
  return converted;
}

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The Lambda handler around the router: API Gateway's event (header values are text) is checked
 * (encoding, duplicates, size: 400 or 413 in the one error shape), its headers are handed to the
 * router as UTF-8 bytes, and anything that still escapes is a logged 500 with the request id and no
 * message content.
 */
export function createApiHandler(dependencies: ApiDependencies): ApiHandler {
  const router = createApiRouter(dependencies);
  return async (event, context) => {
    try {
      checkRequest(event);
      const routed = withoutWebAppPrefix(event);
      authorizeTeamRole(routed, routed.requestContext?.http?.method ?? 'GET', routed.rawPath);
      return (await router.resolve(
        { ...routed, headers: asByteStrings(routed.headers) },
        context,
      )) as APIGatewayProxyStructuredResultV2;
    } catch (error) {
      if (error instanceof ApiRequestError) {
        return errorResponse(error.status, {
          error: error.code,
          message: error.message,
          ...(error.issues && { issues: error.issues }),
        });
      }
      const requestId = requestIdOf(event, context);
      dependencies.logger?.error('request failed', { requestId, errorName: (error as Error).name });
      return errorResponse(500, {
        error: 'internal_error',
        message: `internal error (request ${requestId})`,
      });
    }
  };
}
