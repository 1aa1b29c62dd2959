import { useEffect, useState } from 'preact/hooks';

/**
 * Pages live in the URL's hash (`#/inbox?view=mine`, `#/followup/ID`, `#/dashboard`): the server
 * (local or CloudFront) serves one index.html, no page path can clash with `/api`, and the back
 * button returns to the same inbox page, filters and all.
 */
export interface Route {
  path: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#/, '') || '/inbox';
  const [path = '/inbox', query = ''] = text.split('?');
  return { path, params: new URLSearchParams(query) };
}

/**
 * The feedback id of a `#/followup/ID` page, or null on other pages. A link whose percent encoding
 * is broken (cut, or mangled by a mail client) gives the id as written: the page then says the API
 * refused it, where decoding would throw and leave a blank page.
 */
export function followUpIdOf(path: string): string | null {
  if (!path.startsWith('/followup/')) return null;
  const raw = path.slice('/followup/'.length);
  try {
    return decodeURIComponent(raw) || null;
  } catch {
    return raw;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function hrefOf(path: string, params?: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}
