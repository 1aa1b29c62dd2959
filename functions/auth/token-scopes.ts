import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { scopesForGroups } from '../api/team-roles.js';

/**
 * The user pool's pre-token-generation trigger (V2): adds the lead scope to the access token of a
 * lead or admin, at sign-in and at every refresh, so API Gateway can require it on the lead-only
 * routes. It adds nothing for anyone else and changes no other claim. Pure: no I/O, nothing logged
 * (the event holds the user's attributes).
 */
export async function addTeamScopes(
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent> {
  const scopes = scopesForGroups(event.request.groupConfiguration?.groupsToOverride ?? []);
  if (scopes.length > 0) {
    event.response.claimsAndScopeOverrideDetails = {
      ...event.response.claimsAndScopeOverrideDetails,
      accessTokenGeneration: {
        ...event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration,
        scopesToAdd: scopes,
      },
    };
  }
  return event;
}
