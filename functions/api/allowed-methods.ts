import type { ApiRoute } from './api-route.js';

/** A route path in the router's syntax (`/feedback/:id`) as a pattern for one request path. */
function pathPattern(path: string): RegExp {
  const pieces = path
    .split('/')
    .map((piece) => (piece.startsWith(':') ? '[^/]+' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${pieces.join('/')}/?$`);
}

/**
 * The methods the routes take on a request path; empty when no route has that path. Tells a 405
 * (a known route asked with another method: `GET .../claim`) from a 404 (no such route).
 */
export function allowedMethods(routes: readonly ApiRoute[], requestPath: string): string[] {
  return [
    ...new Set(routes.filter((route) => pathPattern(route.path).test(requestPath)).map((r) => r.method)),
  ];
}
