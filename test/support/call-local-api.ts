// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely; the assertions check their shape
export type Json = Record<string, any>;

/**
 * A JSON request to the local API server at `baseUrl` as `actor` (the local-only actor header): the
 * status and the parsed body. A string body is sent as it is, so tests can send malformed JSON.
 */
export async function callLocalApi(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  actor = 'ana',
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-closeloop-actor': actor },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}
