import type * as z from 'zod';
import type { ZodType } from 'zod';
import type { FeedbackStore } from '../../lib/store/feedback-store.js';

/** What a route may validate; the router checks each part with the event-handler's zod support. */
export interface RouteSchemas {
  path?: ZodType;
  query?: ZodType;
  body?: ZodType;
}

type Validated<S extends RouteSchemas> = {
  [K in keyof S]: S[K] extends ZodType ? z.output<S[K]> : never;
};

/** What a route's handler is given: the validated input and what it needs to answer. */
export interface RouteCall<S extends RouteSchemas> {
  input: Validated<S>;
  store: FeedbackStore;
  /** The moment the request is judged at (overdue, default periods). */
  now: Date;
  /** Who is acting (read on demand: only the routes that need it refuse a bad actor header). */
  actor: () => string;
  /** The actor and everyone sharing a team with them (the "my team" view). */
  teammates: () => string[];
}

export type ApiMethod = 'GET' | 'POST';

/** One route of the API: the router and the CDK construct both read these. */
export interface ApiRoute {
  method: ApiMethod;
  /** In the router's syntax (`/feedback/:id`); see {@link gatewayRouteKeyPath} for API Gateway's. */
  path: `/${string}`;
  schemas: RouteSchemas;
  handle(call: RouteCall<RouteSchemas>): Promise<Response>;
}

/** Declares a route, its handler typed by its schemas. */
export function defineRoute<S extends RouteSchemas>(route: {
  method: ApiMethod;
  path: `/${string}`;
  schemas: S;
  handle(call: RouteCall<S>): Promise<Response>;
}): ApiRoute {
  return route as unknown as ApiRoute;
}

/** The path as API Gateway writes route keys: `/feedback/:id` -> `/feedback/{id}`. */
export function gatewayRouteKeyPath(path: string): string {
  return path.replaceAll(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
