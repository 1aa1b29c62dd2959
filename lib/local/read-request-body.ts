import type { IncomingMessage } from 'node:http';

/**
 * A request's body, or `undefined` when it is over `limit` bytes. Past the limit the rest is read
 * and dropped, so the client can finish sending and read the 413 (answering mid-upload makes many
 * clients see a connection reset instead); past `discardLimit` the connection is cut.
 */
export async function readRequestBody(
  request: IncomingMessage,
  { limit, discardLimit }: { limit: number; discardLimit: number },
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > discardLimit) {
      request.destroy();
      return undefined;
    }
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}
