import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** The built web app served locally, and who the local user is. */
export interface LocalWebAppOptions {
  /** Folder of the built app (`dist/web`). */
  root: string;
  /** The one local user: shown in the app's header and sent as the actor of every change. */
  user: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/** Everything the app loads comes from this origin: the policy says so to the browser too. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The file under `root` a URL path names, or undefined when it would leave `root`. */
export function resolveStaticPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/**
 * Answers a GET for the app: `/config.json` (the local user, as a deploy writes it for CloudFront),
 * a built file, or `index.html` for any other page path (the app routes in the browser).
 */
export async function serveWebApp(
  request: IncomingMessage,
  response: ServerResponse,
  options: LocalWebAppOptions,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { 'content-type': 'application/json', allow: 'GET, HEAD' });
    response.end(JSON.stringify({ error: 'method not allowed' }));
    return;
  }
  if (url.pathname === '/config.json') {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ mode: 'local', user: options.user, apiBase: '/api' }));
    return;
  }
  const file = resolveStaticPath(options.root, url.pathname);
  const body = file && (await readFile(file).catch(() => undefined));
  if (body && file) {
    const immutable = url.pathname.startsWith('/assets/');
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  const index = await readFile(join(options.root, 'index.html')).catch(() => undefined);
  if (!index || extname(url.pathname)) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(index ? 'not found' : 'the web app is not built: run "npm run build"');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES['.html'] ?? '',
    'cache-control': 'no-cache',
    ...SECURITY_HEADERS,
  });
  response.end(request.method === 'HEAD' ? undefined : index);
}
