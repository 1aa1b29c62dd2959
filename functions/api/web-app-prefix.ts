import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The web app calls the API under this prefix: CloudFront forwards `/api/*` unchanged to the HTTP API,
 * whose `/api/...` routes take the team's JWTs (the un-prefixed routes keep IAM for machine clients).
 */
export const WEB_APP_PREFIX = '/api';

/** The event as the router knows its routes: `/api/inbox` becomes `/inbox`. */
export function withoutWebAppPrefix<T extends APIGatewayProxyEventV2>(event: T): T {
  const strip = (path: string | undefined) =>
    path?.startsWith(`${WEB_APP_PREFIX}/`) ? path.slice(WEB_APP_PREFIX.length) : path;
  if (!event.rawPath?.startsWith(`${WEB_APP_PREFIX}/`)) return event;
  return {
    ...event,
    rawPath: strip(event.rawPath) as string,
    ...(event.requestContext?.http && {
      requestContext: {
        ...event.requestContext,
        http: { ...event.requestContext.http, path: strip(event.requestContext.http.path) as string },
      },
    }),
  };
}
