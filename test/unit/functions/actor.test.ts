import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { actorOf } from '../../../functions/api/actor.js';
import { ApiRequestError } from '../../../functions/api/api-errors.js';
import { createApiHandler } from '../../../functions/api/api-router.js';
import { authorizeTeamRole, groupsOf } from '../../../functions/api/team-roles.js';
import { withoutWebAppPrefix } from '../../../functions/api/web-app-prefix.js';
import type { FeedbackStore } from '../../../lib/store/feedback-store.js';

type Claims = Record<string, string | number | string[]>;

/** An event as API Gateway hands it over in AWS (a real API id), with the JWT authorizer's claims. */
function deployedEvent(path: string, claims?: Claims, method = 'GET'): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'x-closeloop-actor': 'mallory' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'a1b2c3d4e5',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '30/Nov/2026:04:00:00 +0000',
      timeEpoch: 0,
      ...(claims && { authorizer: { jwt: { claims, scopes: null } } }),
    },
  } as APIGatewayProxyEventV2;
}

const localEvent = { requestContext: { apiId: 'local' } };
const header = (value: string) => new Headers({ 'x-closeloop-actor': Buffer.from(value).toString('latin1') });
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('actorOf: who acts', () => {
  it.each<{ claims: Claims; expected: string }>([
    { claims: { username: 'ana', sub: 'uuid-1' }, expected: 'ana' },
    { claims: { 'cognito:username': 'ben', sub: 'uuid-2' }, expected: 'ben' },
    { claims: { sub: '7f1c-uuid' }, expected: '7f1c-uuid' },
    { claims: { username: 'A\u0301na Sousa' }, expected: 'Ána Sousa' },
  ])(
    'is the signed-in user $expected from the token, never the header the client sends',
    ({ claims, expected }) => {
      expect(
        actorOf(deployedEvent('/api/inbox', claims), new Headers({ 'x-closeloop-actor': 'mallory' })),
      ).toBe(expected);
    },
  );

  it('refuses a token naming no user (401) or a name with control characters (400)', () => {
    const noUser = failure(() => actorOf(deployedEvent('/api/inbox', { sub: 42 }), new Headers()));
    expect(noUser).toBeInstanceOf(ApiRequestError);
    expect((noUser as ApiRequestError).status).toBe(401);
    expect(
      failure(() => actorOf(deployedEvent('/api/inbox', { username: 'ana\u202Eevil' }), new Headers())),
    ).toBeInstanceOf(ZodError);
  });

  it('is the IAM caller for machine clients', () => {
    const event = {
      requestContext: { apiId: 'a1b2c3d4e5', authorizer: { iam: { userArn: 'arn:aws:iam::1:user/ci' } } },
    };
    expect(actorOf(event, new Headers({ 'x-closeloop-actor': 'mallory' }))).toBe('arn:aws:iam::1:user/ci');
  });

  it('never believes the header from API Gateway: a request with no authorizer is 401', () => {
    const error = failure(() => actorOf(deployedEvent('/inbox'), header('ana')));
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(401);
  });

  it('is the local user from the header locally (UTF-8), else "anonymous"; a bad name is a 400', () => {
    expect(actorOf(localEvent, header('Zoë'))).toBe('Zoë');
    expect(actorOf({}, new Headers())).toBe('anonymous');
    expect(failure(() => actorOf(localEvent, header('x'.repeat(129))))).toBeInstanceOf(ZodError);
    expect(failure(() => actorOf(localEvent, header('   ')))).toBeInstanceOf(ZodError);
  });
});

describe('team roles', () => {
  it.each([
    { claim: '[agent lead]', expected: ['agent', 'lead'] },
    { claim: 'admin', expected: ['admin'] },
    { claim: ['lead', 7], expected: ['lead'] },
    { claim: '[]', expected: [] },
    { claim: undefined, expected: [] },
    { claim: 12, expected: [] },
  ])('reads the groups claim $claim', ({ claim, expected }) => {
    expect(groupsOf(claim)).toEqual(expected);
  });

  it.each([
    { groups: '[agent]', method: 'GET', path: '/inbox', allowed: true },
    { groups: '[agent]', method: 'POST', path: '/followups/f1/claim', allowed: true },
    { groups: '[agent]', method: 'GET', path: '/inbox/export', allowed: false },
    { groups: '[agent]', method: 'POST', path: '/followups/bulk/assign', allowed: false },
    { groups: '[lead]', method: 'GET', path: '/inbox/export', allowed: true },
    { groups: '[agent]', method: 'GET', path: '/reports/export', allowed: false },
    { groups: '[agent]', method: 'GET', path: '/reports/nps', allowed: true },
    { groups: '[lead]', method: 'GET', path: '/reports/export', allowed: true },
    { groups: '[admin]', method: 'GET', path: '/reports/export', allowed: true },
    { groups: '[agent admin]', method: 'POST', path: '/followups/bulk/claim', allowed: true },
    { groups: '[]', method: 'GET', path: '/inbox', allowed: false },
    { groups: '[owners]', method: 'GET', path: '/inbox', allowed: false },
  ])('$groups on $method $path: allowed $allowed', ({ groups, method, path, allowed }) => {
    const check = () =>
      authorizeTeamRole(deployedEvent(path, { username: 'ana', 'cognito:groups': groups }), method, path);
    if (allowed) expect(check).not.toThrow();
    else expect((failure(check) as ApiRequestError).status).toBe(403);
  });

  it('leaves IAM callers and the local user to their own rules', () => {
    expect(() =>
      authorizeTeamRole({ requestContext: { authorizer: { iam: {} } } }, 'GET', '/inbox/export'),
    ).not.toThrow();
    expect(() => authorizeTeamRole(localEvent, 'GET', '/inbox/export')).not.toThrow();
  });
});

describe('the web app prefix', () => {
  it('routes /api/... as the un-prefixed route and leaves other paths alone', () => {
    const routed = withoutWebAppPrefix(deployedEvent('/api/feedback/f%2F1'));
    expect(routed.rawPath).toBe('/feedback/f%2F1');
    expect(routed.requestContext.http.path).toBe('/feedback/f%2F1');
    expect(withoutWebAppPrefix(deployedEvent('/apis/inbox')).rawPath).toBe('/apis/inbox');
    expect(withoutWebAppPrefix(deployedEvent('/inbox')).rawPath).toBe('/inbox');
  });
});

describe('the API handler behind the JWT authorizer', () => {
  // These requests are answered before any read: a store that is never called.
  const handler = createApiHandler({ store: {} as FeedbackStore });
  const call = (path: string, claims?: Claims) => handler(deployedEvent(path, claims), {} as Context);

  it('serves the app routes under /api for a team member', async () => {
    const response = await call('/api/taxonomy/themes', { username: 'ana', 'cognito:groups': '[agent]' });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body as string).themes.length).toBeGreaterThan(0);
  });

  it('answers 403 in the one error shape to an agent exporting and to a user in no group', async () => {
    const agent = await call('/api/inbox/export', { username: 'ana', 'cognito:groups': '[agent]' });
    expect(agent.statusCode).toBe(403);
    expect(JSON.parse(agent.body as string)).toEqual({
      error: 'forbidden',
      message: 'only leads and admins may export or act in bulk',
    });
    const nobody = await call('/api/inbox', { username: 'new.hire' });
    expect(nobody.statusCode).toBe(403);
    expect(JSON.parse(nobody.body as string).message).toMatch(/no team role yet/);
  });
});
