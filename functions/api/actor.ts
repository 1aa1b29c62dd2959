import type {
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
} from 'aws-lambda';
import { ZodError } from 'zod';
import { personNameSchema } from '../../lib/followup/person-name.js';
import { ApiRequestError } from './api-errors.js';

/** The header the local server sets to its one user (`serve-local --user NAME`); ignored in AWS. */
export const LOCAL_ACTOR_HEADER = 'x-closeloop-actor';

type AuthorizedEvent = Partial<
  APIGatewayProxyEventV2WithJWTAuthorizer & APIGatewayProxyEventV2WithIAMAuthorizer
>;

/** The signed-in user's claims, when API Gateway's JWT authorizer let the request in. */
export function jwtClaimsOf(
  event: unknown,
): Record<string, string | number | boolean | string[]> | undefined {
  return (event as AuthorizedEvent).requestContext?.authorizer?.jwt?.claims;
}

/**
 * Whether the event comes from closeloop's own loopback server (or a direct call with no request
 * context), the only places where the actor header is believed: in AWS every route has an authorizer.
 */
function isLocal(event: unknown): boolean {
  const context = (event as AuthorizedEvent).requestContext;
  return context === undefined || context.apiId === 'local';
}

function validName(raw: string, field: string): string {
  const parsed = personNameSchema.safeParse(raw);
  if (!parsed.success) throw new ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: [field] })));
  return parsed.data;
}

/**
 * Who is acting, as recorded in a follow-up's history: the signed-in user (the access token's
 * `username`, else the ID token's `cognito:username`, else `sub`) behind the JWT authorizer; the IAM
 * caller's ARN behind the IAM authorizer; locally, the `x-closeloop-actor` header (the server sets
 * it). A header is never believed from API Gateway: the client chooses it. Header values reach the
 * router as byte strings and are read as UTF-8; a name that is not a valid person name is a 400.
 */
export function actorOf(event: unknown, headers: Headers): string {
  const claims = jwtClaimsOf(event);
  if (claims) {
    const user = claims.username ?? claims['cognito:username'] ?? claims.sub;
    if (typeof user !== 'string') throw new ApiRequestError(401, 'unauthorized', 'the token names no user');
    return validName(user, 'token.username');
  }
  const iam = (event as AuthorizedEvent).requestContext?.authorizer?.iam;
  if (iam?.userArn) return validName(iam.userArn, 'caller');
  if (!isLocal(event)) throw new ApiRequestError(401, 'unauthorized', 'no signed-in caller');
  const header = headers.get(LOCAL_ACTOR_HEADER);
  return validName(
    header === null ? 'anonymous' : Buffer.from(header, 'latin1').toString('utf8'),
    LOCAL_ACTOR_HEADER,
  );
}
