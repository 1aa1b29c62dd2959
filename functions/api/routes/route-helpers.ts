import type { ZodType, z } from 'zod';

export { actorOf } from '../actor.js';

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The query string, validated: a bad one throws the ZodError the router turns into 400. */
export function queryOf<T extends ZodType>(req: Request, schema: T): z.output<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
