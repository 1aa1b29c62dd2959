import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { ApiHandler } from '../../functions/api/api-router.js';
import { type LocalWebAppOptions, serveWebApp } from './local-web-app.js';
import { readRequestBody } from './read-request-body.js';

export interface LocalApiServer {
  url: string;
  stop(): Promise<void>;
}

/** Largest request body kept locally; the handler answers 413 above its own, lower limit. */
const MAX_BODY_BYTES = 1_000_000;
/** A client sending more than this is cut off instead of read to the end. */
const MAX_DRAINED_BYTES = 64_000_000;

/** node:http hands header values over as Latin-1 byte strings; API Gateway hands them as UTF-8 text. */
const headerText = (value: string) => Buffer.from(value, 'latin1').toString('utf8');

function answer(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
) {
  response.writeHead(status, headers);
  response.end(body);
}

/** The request as API Gateway's HTTP API (payload 2.0) would hand it to the Lambda function. */
function toEvent(request: IncomingMessage, bytes: Buffer): APIGatewayProxyEventV2 {
  // Text as text; other bytes base64-encoded, as API Gateway hands a body it cannot pass as text, so
  // the API sees them as they are (and refuses what is not UTF-8) rather than replacement characters.
  const text = isUtf8(bytes);
  const body = text ? bytes.toString('utf8') : bytes.toString('base64');
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      headerText(Array.isArray(value) ? value.join(',') : (value ?? '')),
    ]),
  );
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(url.search && { queryStringParameters: Object.fromEntries(url.searchParams) }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `local-${randomUUID()}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body && { body }),
    isBase64Encoded: !text,
  };
}

/** A route served before the API (the webhook ingest endpoint); resolves false when not its request. */
export type LocalRoute = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export interface LocalApiServerOptions {
  /** Routes tried before anything else, in order. */
  routes?: LocalRoute[];
  /** The web app at `/` and the API under `/api/*` (as CloudFront maps it), as this local user. */
  web?: LocalWebAppOptions;
}

/** The API's own top-level paths, served un-prefixed too. */
const API_ROOTS = ['followups', 'feedback', 'reports', 'inbox', 'taxonomy'];
const isApiPath = (path: string) => API_ROOTS.includes(path.split('/')[1] ?? '');

/**
 * Serves the API handler on loopback, each request converted to the event API Gateway would send.
 * With `web`, also the web app at `/` and the API under `/api/*`, every API call made as the local user;
 * the un-prefixed API paths keep working for scripts.
 */
export async function startLocalApiServer(
  handler: ApiHandler,
  port = 0,
  { routes = [], web }: LocalApiServerOptions = {},
): Promise<LocalApiServer> {
  const server: Server = createServer(async (request, response) => {
    try {
      for (const route of routes) if (await route(request, response)) return;
      if (web) {
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        if (path === '/api' || path.startsWith('/api/')) {
          request.url = (request.url ?? '').slice(4) || '/';
          // As a header arrives off the wire: UTF-8 bytes read as latin1, which the API decodes back
          // (a local user named "Zoë" acts as Zoë, not as a garbled name the API refuses).
          request.headers['x-closeloop-actor'] = Buffer.from(web.user, 'utf8').toString('latin1');
        } else if (!isApiPath(path)) {
          await serveWebApp(request, response, web);
          return;
        }
      }
      const bytes = await readRequestBody(request, {
        limit: MAX_BODY_BYTES,
        discardLimit: MAX_DRAINED_BYTES,
      });
      if (bytes === undefined) {
        // Like API Gateway: the one error shape, then the connection closes.
        answer(
          response,
          413,
          { 'content-type': 'application/json', connection: 'close' },
          JSON.stringify({ error: 'payload_too_large', message: `the body is over ${MAX_BODY_BYTES} bytes` }),
        );
        return;
      }
      const result = await handler(toEvent(request, bytes), {
        functionName: 'closeloop-api-local',
        awsRequestId: `local-${randomUUID()}`,
      } as Context);
      answer(
        response,
        result.statusCode ?? 200,
        (result.headers ?? {}) as Record<string, string>,
        result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''),
      );
    } catch {
      // The handler answers every failure itself; this is the server's own (a broken connection).
      if (!response.headersSent) {
        answer(
          response,
          500,
          { 'content-type': 'application/json' },
          JSON.stringify({ error: 'internal_error', message: 'internal error' }),
        );
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
