import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../infra/constructs/web-hosting.js';
import { codeChallengeOf } from '../../web/src/pkce.js';
import { useBrowserSession, WAIT } from './support/browser-session.js';

/**
 * The app as deployed: `config.json` names a Cognito login domain, so the app signs in with the code
 * flow and PKCE before anything else. Cognito cannot run here: the browser's requests to the login
 * domain are answered by a stand-in that checks what Cognito checks (client, S256 challenge, state,
 * code verifier). The page gets CloudFront's CSP; the API calls go to the local server.
 */
const LOGIN = 'https://closeloop-test.auth.eu-west-1.amazoncognito.com';
const CLIENT_ID = 'testclient1';

const session = useBrowserSession();

const jwt = (claims: unknown) =>
  ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'signature'].join('.');

interface SignIn {
  page: Page;
  token: string;
  /** The Authorization header of every API call the app made. */
  apiAuthorization: Array<string | undefined>;
  tokenRequests: URLSearchParams[];
  logouts: URL[];
}

async function openDeployed(groups: string[], hash = '#/inbox?view=open'): Promise<SignIn> {
  const app = session.web.ana.url;
  const context = await session.newContext();
  const token = jwt({ sub: 'f1e2-uuid', username: 'carla', 'cognito:groups': groups, client_id: CLIENT_ID });
  const seen: Omit<SignIn, 'page' | 'token'> = { apiAuthorization: [], tokenRequests: [], logouts: [] };
  const challenges = new Map<string, string>();

  await context.route(`${app}/config.json`, (route) =>
    route.fulfill({
      json: {
        mode: 'deployed',
        apiBase: '/api',
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_Test1',
        clientId: CLIENT_ID,
        loginOrigin: LOGIN,
      },
    }),
  );
  // The page with the headers CloudFront adds (infra/constructs/web-hosting.ts).
  await context.route(
    (url) => url.origin === app && url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy(LOGIN) },
      });
    },
  );
  await context.route(`${LOGIN}/oauth2/authorize?**`, async (route) => {
    const query = new URL(route.request().url()).searchParams;
    const valid =
      query.get('client_id') === CLIENT_ID &&
      query.get('response_type') === 'code' &&
      query.get('code_challenge_method') === 'S256' &&
      query.get('redirect_uri') === `${app}/` &&
      (query.get('state') ?? '').length >= 43;
    if (!valid) return route.fulfill({ status: 400, body: 'invalid_request' });
    const code = `code-${challenges.size + 1}`;
    challenges.set(code, query.get('code_challenge') ?? '');
    // The login page, once the user has signed in, sends the browser back with the code. (A page
    // rather than a 302: the browser would follow a redirect without the CSP routing below.)
    const back = `${app}/?code=${code}&state=${encodeURIComponent(query.get('state') ?? '')}`;
    return route.fulfill({
      contentType: 'text/html',
      body: `<title>Sign in</title><meta http-equiv="refresh" content="0;url=${back}">`,
    });
  });
  await context.route(`${LOGIN}/oauth2/token`, async (route) => {
    const form = new URLSearchParams(route.request().postData() ?? '');
    seen.tokenRequests.push(form);
    const challenge = challenges.get(form.get('code') ?? '');
    challenges.delete(form.get('code') ?? '');
    const cors = { 'access-control-allow-origin': app };
    const verified =
      challenge !== undefined && (await codeChallengeOf(form.get('code_verifier') ?? '')) === challenge;
    if (!verified || form.get('client_id') !== CLIENT_ID || form.get('redirect_uri') !== `${app}/`) {
      return route.fulfill({ status: 400, headers: cors, json: { error: 'invalid_grant' } });
    }
    return route.fulfill({
      headers: cors,
      json: {
        access_token: token,
        id_token: token,
        refresh_token: 'r1',
        expires_in: 3600,
        token_type: 'Bearer',
      },
    });
  });
  await context.route(`${LOGIN}/logout?**`, (route) => {
    seen.logouts.push(new URL(route.request().url()));
    return route.fulfill({ contentType: 'text/html', body: '<title>Signed out</title><p>Signed out</p>' });
  });
  await context.route(`${app}/api/**`, (route) => {
    seen.apiAuthorization.push(route.request().headers().authorization);
    return route.continue();
  });

  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  await page.goto(`${app}/${hash}`);
  return { page, token, ...seen };
}

describe('the deployed app signs in with Cognito', { timeout: 180_000 }, () => {
  it('signs an agent in with PKCE, returns to the page asked for, and signs every API call', async () => {
    const { page, token, apiAuthorization, tokenRequests } = await openDeployed(['agent']);
    await expect.poll(() => page.getByTestId('current-user').textContent(), WAIT).toContain('carla');
    await page.locator('table.inbox tbody tr').first().waitFor();
    // The spent code is gone from the address bar; the page asked for is back.
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/inbox?view=open');
    expect(await page.getByTestId('current-user').getByText('local').count()).toBe(0);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.get('grant_type')).toBe('authorization_code');
    expect(apiAuthorization.length).toBeGreaterThan(0);
    expect(new Set(apiAuthorization)).toEqual(new Set([`Bearer ${token}`]));
    // Exports and bulk actions are for leads and admins: an agent is offered neither, nor row checkboxes.
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
    expect(await page.locator('table.inbox input[type="checkbox"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Claim selected' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('close-the-loop').waitFor();
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
  });

  it('offers a lead the export, and signs out through the login page back to the app', async () => {
    const { page, logouts } = await openDeployed(['lead'], '#/inbox');
    await page.getByRole('button', { name: 'Export CSV' }).waitFor();
    await page.locator('table.inbox tbody tr').first().waitFor();
    const rows = await page.locator('table.inbox tbody tr').count();
    expect(await page.locator('table.inbox input[type="checkbox"]').count()).toBe(rows);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'Export CSV' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Signed out').waitFor();
    expect(logouts).toHaveLength(1);
    expect(Object.fromEntries(logouts[0]?.searchParams ?? [])).toEqual({
      client_id: CLIENT_ID,
      logout_uri: `${session.web.ana.url}/`,
    });
  });

  it('refuses a code it did not ask for (a forged or replayed sign-in link)', async () => {
    const { page, tokenRequests } = await openDeployed(['agent'], '');
    await expect.poll(() => page.getByTestId('current-user').textContent(), WAIT).toContain('carla');
    await page.goto(`${session.web.ana.url}/?code=stolen&state=${'x'.repeat(43)}`);
    await page.getByRole('alert').filter({ hasText: 'did not start in this tab' }).waitFor();
    expect(tokenRequests).toHaveLength(1);
    expect(new URL(page.url()).search).toBe('');
  });
});
