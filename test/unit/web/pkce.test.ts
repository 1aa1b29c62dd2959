import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  base64Url,
  codeChallengeOf,
  identityOf,
  randomToken,
  sessionOf,
  signOutUrl,
} from '../../../web/src/pkce.js';

const login = { clientId: 'abc123client', loginOrigin: 'https://acme.auth.eu-west-1.amazoncognito.com' };
const jwt = (claims: unknown) =>
  ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'signature'].join('.');

describe('the sign-in with PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers and states of 43 unpadded base64url characters, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 50 }, randomToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(base64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('sends the user to the managed login page with the code flow, S256, the state and the app address', () => {
    const url = new URL(authorizeUrl(login, 'https://d111.cloudfront.net', 'CHALLENGE', 'STATE'));
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://acme.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc123client',
      redirect_uri: 'https://d111.cloudfront.net/',
      scope: 'openid email profile',
      state: 'STATE',
      code_challenge_method: 'S256',
      code_challenge: 'CHALLENGE',
    });
    expect(signOutUrl(login, 'https://d111.cloudfront.net')).toBe(
      'https://acme.auth.eu-west-1.amazoncognito.com/logout?client_id=abc123client&logout_uri=https%3A%2F%2Fd111.cloudfront.net%2F',
    );
  });

  it.each([
    {
      claims: { sub: 's1', username: 'ana', 'cognito:groups': ['lead'] },
      expected: { user: 'ana', groups: ['lead'] },
    },
    { claims: { sub: 's2' }, expected: { user: 's2', groups: [] } },
    { claims: { sub: 's3', username: 'Zoë Ñúñez' }, expected: { user: 'Zoë Ñúñez', groups: [] } },
  ])('reads who is signed in from the access token: $expected.user', ({ claims, expected }) => {
    expect(identityOf(jwt(claims))).toEqual(expected);
  });

  it.each([
    ['not a token', /unreadable token/],
    [`e30.${Buffer.from('{"username":"ana"}').toString('base64url')}.x`, /without a user/],
    [jwt({ sub: 's', 'cognito:groups': 'lead' }), /without a user/],
    ['', /unreadable token/],
  ])('refuses a token it cannot read: %s', (token, message) => {
    expect(() => identityOf(token)).toThrow(message);
  });

  it('keeps the session until expiry and the refresh token a refresh does not repeat', () => {
    const first = sessionOf(
      {
        access_token: jwt({ sub: 's', username: 'ana' }),
        refresh_token: 'R1',
        expires_in: 3600,
        token_type: 'Bearer',
      },
      1_000,
    );
    expect(first).toMatchObject({ user: 'ana', refreshToken: 'R1', expiresAt: 3_601_000 });
    const renewed = sessionOf(
      { access_token: jwt({ sub: 's', username: 'ana' }), expires_in: 3600, token_type: 'Bearer' },
      2_000,
      first,
    );
    expect(renewed.refreshToken).toBe('R1');
    expect(() => sessionOf({ error: 'invalid_grant' }, 0)).toThrow(/no usable token/);
    expect(() => sessionOf({ access_token: '', expires_in: 3600, token_type: 'Bearer' }, 0)).toThrow(
      /no usable token/,
    );
    expect(() => sessionOf('<html>', 0)).toThrow(/no usable token/);
  });
});
