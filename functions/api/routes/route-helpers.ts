import type { APIGatewayProxyEventV2WithIAMAuthorizer } from 'aws-lambda';
import type { ZodType, z } from 'zod';

/** Who is acting: the IAM caller in AWS; locally, the `x-closeloop-actor` header (as the core routes). */
export function actorOf(event: unknown, headers: Headers): string {
  const iam = (event as Partial<APIGatewayProxyEventV2WithIAMAuthorizer>).requestContext?.authorizer?.iam;
  return iam?.userArn ?? headers.get('x-closeloop-actor') ?? 'anonymous';
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The query string, validated: a bad one throws the ZodError the router turns into 400. */
export function queryOf<T extends ZodType>(req: Request, schema: T): z.output<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
