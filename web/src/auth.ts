import * as z from 'zod/mini';
import type { DeployedAppConfig } from './app-config';
import {
  authorizeUrl,
  codeChallengeOf,
  randomToken,
  redirectUriOf,
  type Session,
  sessionOf,
  signOutUrl,
} from './pkce';

export type { Session } from './pkce';

/**
 * Signing in to the deployed app: OAuth 2.0 authorization code with PKCE (RFC 7636) against Cognito's
 * managed login page, hand-written on WebCrypto (pkce.ts; a library would add more than both files).
 * The app is a public client: no secret; the code verifier stays in this tab until the token exchange.
 */

const SESSION_KEY = 'closeloop.session';
const PENDING_KEY = 'closeloop.sign-in';

const pendingSchema = z.object({ state: z.string(), verifier: z.string(), returnTo: z.string() });

const sessionSchema = z.object({
  user: z.string(),
  groups: z.array(z.string()),
  accessToken: z.string(),
  refreshToken: z.optional(z.string()),
  expiresAt: z.number(),
});

async function requestTokens(config: DeployedAppConfig, form: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${config.loginOrigin}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const reason = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new Error(`the sign-in service refused (${reason})`);
  }
  return body;
}

function readJson<T>(key: string, schema: z.ZodMiniType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(sessionStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Goes to the managed login page; the page comes back to the app with a code. */
export async function signIn(config: DeployedAppConfig): Promise<never> {
  const verifier = randomToken();
  const state = randomToken();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, returnTo: location.hash }));
  location.assign(authorizeUrl(config, location.origin, await codeChallengeOf(verifier), state));
  // The page is leaving: nothing after this runs.
  return new Promise<never>(() => undefined);
}

export function signOut(config: DeployedAppConfig): void {
  sessionStorage.removeItem(SESSION_KEY);
  location.assign(signOutUrl(config, location.origin));
}

function store(session: Session): Session {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

/**
 * The signed-in session: finishes a sign-in the login page just returned from (the code in the
 * query, checked against the state this tab sent), else the tab's stored session, else signs in.
 */
export async function startSession(config: DeployedAppConfig): Promise<Session> {
  const query = new URLSearchParams(location.search);
  if (query.has('error')) {
    history.replaceState(null, '', redirectUriOf(location.origin));
    throw new Error(`sign-in failed: ${query.get('error_description') ?? query.get('error')}`);
  }
  const code = query.get('code');
  if (code) {
    const pending = readJson(PENDING_KEY, pendingSchema);
    sessionStorage.removeItem(PENDING_KEY);
    if (!pending || pending.state !== query.get('state')) {
      history.replaceState(null, '', redirectUriOf(location.origin));
      throw new Error('the sign-in did not start in this tab: reload to sign in again');
    }
    const body = await requestTokens(config, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUriOf(location.origin),
      code_verifier: pending.verifier,
    });
    // The code is spent: the address bar goes back to the page the user was on.
    history.replaceState(null, '', `${redirectUriOf(location.origin)}${pending.returnTo}`);
    return store(sessionOf(body, Date.now()));
  }
  const stored = readJson(SESSION_KEY, sessionSchema);
  if (stored && stored.expiresAt > Date.now() + 60_000) return stored;
  if (stored?.refreshToken) {
    const renewed = await renewSession(config, stored).catch(() => undefined);
    if (renewed) return renewed;
  }
  return signIn(config);
}

/** A new access token from the refresh token (an hour's token in a working day's session). */
export async function renewSession(config: DeployedAppConfig, session: Session): Promise<Session> {
  if (!session.refreshToken) throw new Error('no refresh token');
  const body = await requestTokens(config, {
    grant_type: 'refresh_token',
    refresh_token: session.refreshToken,
  });
  return store(sessionOf(body, Date.now(), session));
}
