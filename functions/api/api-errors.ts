/**
 * The API's one error shape, `{ error, message, issues? }`, and the status each kind of failure maps
 * to. `error` is a stable code for programs, `message` a sentence for people, `issues` the zod issues
 * (`path: message`) of a request that failed validation.
 */
export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string;
  issues?: string[];
}

export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'internal_error';

/** A request the API refuses before it reaches a route (bad encoding, too large): status and body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** A JSON error response in the one shape (plus any extra fields, such as a conflict's `current`). */
export function errorResponse(
  status: number,
  body: ApiErrorBody & Record<string, unknown>,
): { statusCode: number; headers: Record<string, string>; body: string } {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}
