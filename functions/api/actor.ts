import type { APIGatewayProxyEventV2WithIAMAuthorizer } from 'aws-lambda';
import { ZodError } from 'zod';
import { personNameSchema } from '../../lib/followup/person-name.js';

/**
 * Who is acting: the IAM caller in AWS; locally, the `x-closeloop-actor` header. Header values reach
 * the router as byte strings (see `createApiHandler`) and are read as UTF-8; a name that is not a
 * valid person name is refused with 400, never stored garbled. Kept alone so a change of how callers
 * sign in (JWT claims) stays in this file.
 */
export function actorOf(event: unknown, headers: Headers): string {
  const iam = (event as Partial<APIGatewayProxyEventV2WithIAMAuthorizer>).requestContext?.authorizer?.iam;
  const header = headers.get('x-closeloop-actor');
  const raw =
    iam?.userArn ?? (header === null ? 'anonymous' : Buffer.from(header, 'latin1').toString('utf8'));
  const parsed = personNameSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: ['x-closeloop-actor'] })));
  }
  return parsed.data;
}
