import { isUtf8 } from 'node:buffer';
import {
  BadRequestError,
  HttpError,
  MethodNotAllowedError,
  NotFoundError,
  RequestValidationError,
  Router,
} from '@aws-lambda-powertools/event-handler/http';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ZodError } from 'zod';
import { issueLines } from '../../lib/feedback/issue-lines.js';
import { FollowUpNotFoundError } from '../../lib/followup/change-follow-up.js';
import { FollowUpConflictError } from '../../lib/followup/follow-up-state.js';
import { type TeamRoster, teammatesOf } from '../../lib/followup/team-roster.js';
import { InvalidCursorError } from '../../lib/store/dynamodb-feedback-store.js';
import type { FeedbackStore } from '../../lib/store/feedback-store.js';
import { actorOf } from './actor.js';
import { allowedMethods } from './allowed-methods.js';
import { type ApiErrorBody, ApiRequestError, errorResponse } from './api-errors.js';
import type { ApiRoute } from './api-route.js';
import { apiRoutes } from './api-routes.js';
import { jsonBody, MAX_REQUEST_BODY_BYTES } from './json-body.js';
import { authorizeTeamRole } from './team-roles.js';
import { withoutWebAppPrefix } from './web-app-prefix.js';

export { MAX_REQUEST_BODY_BYTES };

export interface ApiDependencies {
  store: FeedbackStore;
  logger?: Logger;
  now?: () => Date;
  /** Who works with whom, for the "my team" view; without it a person's team is themselves. */
  teams?: TeamRoster;
}

function errorJson(status: number, body: ApiErrorBody & Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * The event-handler's validation names the part first (`query.status`, `path.id`, `body.owner`);
 * callers see the field alone, as they always have.
 */
function requestIssues(error: RequestValidationError): string[] {
  type Issue = Parameters<typeof issueLines>[0][number];
  const issues = (error.details as { issues?: Issue[] } | undefined)?.issues;
  return issueLines((issues ?? []).map((issue) => ({ ...issue, path: (issue.path ?? []).slice(1) })));
}

/** The request id to log and quote: API Gateway's, else the Lambda invocation's. */
function requestIdOf(event: unknown, context: Context | undefined): string {
  const fromEvent = (event as Partial<APIGatewayProxyEventV2>)?.requestContext?.requestId;
  return fromEvent ?? context?.awsRequestId ?? 'unknown';
}

/** The error shape `{ error, message, issues? }` for every failure: one mapping from kind to status. */
function registerErrorMapping(app: Router, logger: Logger | undefined): void {
  const invalid = (issues: string[]) =>
    errorJson(400, { error: 'bad_request', message: 'the request is invalid', issues });
  app.errorHandler(RequestValidationError, async (error) => invalid(requestIssues(error)));
  app.errorHandler(ZodError, async (error) => invalid(issueLines(error.issues)));
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
  app.errorHandler(NotFoundError, async (_error, reqCtx) => {
    // The router answers a known path asked with another method as an unknown route.
    const event = reqCtx.event as Partial<APIGatewayProxyEventV2>;
    const method = event.requestContext?.http?.method ?? 'GET';
    const allowed = allowedMethods(apiRoutes, event.rawPath ?? '');
    if (allowed.length > 0 && !allowed.includes(method)) {
      const allow = allowed.join(', ');
      return new Response(
        JSON.stringify({
          error: 'method_not_allowed',
          message: `${method} is not allowed on this route: use ${allow}`,
        } satisfies ApiErrorBody),
        { status: 405, headers: { 'content-type': 'application/json', allow } },
      );
    }
    return errorJson(404, { error: 'not_found', message: 'no such resource or route' });
  });
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
}

/** Registers one route of the table: its schemas checked by the event-handler, then its handler. */
function registerRoute(
  app: Router,
  route: ApiRoute,
  store: FeedbackStore,
  now: () => Date,
  teams: TeamRoster,
): void {
  const { path, query, body } = route.schemas;
  const req = { ...(path && { path }), ...(query && { query }), ...(body && { body }) };
  app.route(
    async (reqCtx) => {
      const response = await route.handle({
        input: (reqCtx as { valid?: { req?: Record<string, unknown> } }).valid?.req ?? {},
        store,
        now: now(),
        actor: () => actorOf(reqCtx.event, reqCtx.req.headers),
        teammates: () => teammatesOf(teams, actorOf(reqCtx.event, reqCtx.req.headers)),
      });
      if (!response.headers.get('content-type')?.startsWith('text/csv')) return response;
      // A CSV export keeps its bytes, the BOM Excel needs included: the router reads a Response's
      // body as text, which drops a leading BOM, but sends an ArrayBuffer base64-encoded, as it is.
      for (const [name, value] of response.headers) reqCtx.res.headers.set(name, value);
      return response.arrayBuffer();
    },
    {
      method: route.method,
      path: route.path,
      middleware: body ? [jsonBody] : [],
      // Every route validates at least its query or path; the cast only widens the schemas' types.
      validation: { req } as Parameters<Router['route']>[1]['validation'] & object,
    },
  );
}

/**
 * The follow-up and reports API (API Gateway HTTP API in AWS: IAM auth, and the team's JWTs under
 * `/api`; `closeloop serve-local` serves the same router on loopback). The routes come from one table (api-routes.ts); every input is
 * validated with zod; state changes are conditional writes, so of two people acting at once the second
 * gets 409 and the state that won.
 */
export function createApiRouter({
  store,
  logger,
  now = () => new Date(),
  teams = {},
}: ApiDependencies): Router {
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
  registerErrorMapping(app, logger);
  for (const route of apiRoutes) registerRoute(app, route, store, now, teams);
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
 * own decoding would throw a 500), a query parameter given twice, a body over the limit or not UTF-8.
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
  // A body API Gateway could not pass as text: decoded later as UTF-8, whatever is not would become
  // replacement characters in a stored note.
  if (event.body && event.isBase64Encoded && !isUtf8(Buffer.from(event.body, 'base64'))) {
    throw new ApiRequestError(400, 'bad_request', 'the body is not UTF-8 text (JSON must be sent as UTF-8)');
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
