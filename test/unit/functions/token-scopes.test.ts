import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { isLeadOnly, LEAD_SCOPE } from '../../../functions/api/team-roles.js';
import { addTeamScopes } from '../../../functions/auth/token-scopes.js';

/** The event Cognito hands the V2 trigger at sign-in, for a user in these groups. */
function signInEvent(groups: string[] | undefined): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Test1',
    userName: 'ana.silva',
    callerContext: { awsSdkVersion: '1', clientId: 'client1' },
    request: {
      userAttributes: { email: 'ana@example.com' },
      groupConfiguration: groups === undefined ? {} : { groupsToOverride: groups },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as PreTokenGenerationV2TriggerEvent;
}

describe('the lead scope in access tokens', () => {
  it.each([
    { groups: ['lead'], scopes: [LEAD_SCOPE] },
    { groups: ['agent', 'admin'], scopes: [LEAD_SCOPE] },
    { groups: ['agent'], scopes: undefined },
    { groups: ['Lead', 'leads', 'owners'], scopes: undefined },
    { groups: [], scopes: undefined },
    { groups: undefined, scopes: undefined },
  ])('gives $groups the scopes $scopes', async ({ groups, scopes }) => {
    const answered = await addTeamScopes(signInEvent(groups));
    expect(answered.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.scopesToAdd).toEqual(
      scopes,
    );
    // Nothing else about the token changes.
    expect(answered.response.claimsAndScopeOverrideDetails?.idTokenGeneration).toBeUndefined();
    expect(answered.response.claimsAndScopeOverrideDetails?.groupOverrideDetails).toBeUndefined();
  });

  it.each([
    { method: 'GET', path: '/inbox/export', leadOnly: true },
    { method: 'GET', path: '/reports/export', leadOnly: true },
    { method: 'POST', path: '/followups/bulk', leadOnly: true },
    { method: 'GET', path: '/inbox', leadOnly: false },
    { method: 'GET', path: '/reports/followups', leadOnly: false },
    { method: 'POST', path: '/followups/:id/claim', leadOnly: false },
  ])('$method $path is lead-only: $leadOnly', ({ method, path, leadOnly }) => {
    expect(isLeadOnly(method, path)).toBe(leadOnly);
  });
});
