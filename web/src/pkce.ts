import * as z from 'zod/mini';

/**
 * The pure parts of the app's sign-in (OAuth 2.0 authorization code with PKCE, RFC 7636, against
 * Cognito's managed login page), on WebCrypto: no page state here, so they run under test in Node.
 */

/** What the sign-in needs of the deployed `config.json`. */
export interface LoginSettings {
  clientId: string;
  /** The managed login page's origin, e.g. https://acme.auth.eu-west-1.amazoncognito.com. */
  loginOrigin: string;
}

/** Who is signed in, from the access token the API checks. */
export interface Identity {
  user: string;
  groups: string[];
}

export interface Session extends Identity {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const SCOPES = 'openid email profile';

const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string()),
  expires_in: z.number().check(z.positive()),
  token_type: z.string(),
});

const accessClaimsSchema = z.object({
  username: z.optional(z.string()),
  sub: z.string(),
  'cognito:groups': z.optional(z.array(z.string())),
});

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** A random string of 32 bytes (43 base64url characters): a code verifier or a state. */
export function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** The app's own address, where the login page sends the user back (registered at deploy). */
export const redirectUriOf = (origin: string) => `${origin}/`;

export function authorizeUrl(
  config: LoginSettings,
  origin: string,
  challenge: string,
  state: string,
): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUriOf(origin),
    scope: SCOPES,
    state,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  return `${config.loginOrigin}/oauth2/authorize?${params}`;
}

export function signOutUrl(config: LoginSettings, origin: string): string {
  const params = new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUriOf(origin) });
  return `${config.loginOrigin}/logout?${params}`;
}

/** The user and groups an access token names (read for display only: the API verifies the token). */
export function identityOf(accessToken: string): Identity {
  const payload = accessToken.split('.')[1] ?? '';
  let claims: unknown;
  try {
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  } catch {
    throw new Error('the sign-in returned an unreadable token');
  }
  const parsed = accessClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new Error('the sign-in returned a token without a user');
  return { user: parsed.data.username ?? parsed.data.sub, groups: parsed.data['cognito:groups'] ?? [] };
}

/** A session from the token endpoint's answer; `previous` keeps the refresh token a refresh does not repeat. */
export function sessionOf(body: unknown, now: number, previous?: Session): Session {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new Error('the sign-in service answered with no usable token');
  const refreshToken = parsed.data.refresh_token ?? previous?.refreshToken;
  return {
    ...identityOf(parsed.data.access_token),
    accessToken: parsed.data.access_token,
    ...(refreshToken !== undefined && { refreshToken }),
    expiresAt: now + parsed.data.expires_in * 1000,
  };
}
