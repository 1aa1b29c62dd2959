import { jwtClaimsOf } from './actor.js';
import { ApiRequestError } from './api-errors.js';

/** The web app's roles, as the user pool's groups (infra/constructs/team-auth.ts creates them). */
export const TEAM_ROLES = ['agent', 'lead', 'admin'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * Routes that copy or move many customers' feedback at once: leads and admins only. A CSV export
 * (of an inbox view, or of the feedback behind a dashboard view) leaves the system with every comment
 * of a view; any route with a `bulk` path segment (bulk claim or assign) acts on many follow-ups at once.
 */
export const LEAD_ONLY: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'GET', path: /^\/inbox\/export$/ },
  { method: 'GET', path: /^\/reports\/export$/ },
  { method: 'POST', path: /(^|\/)bulk(\/|$)/ },
];

/**
 * The OAuth scope the access tokens of leads and admins carry (added at sign-in by the user pool's
 * pre-token-generation trigger, functions/auth/token-scopes.ts). Deployed, API Gateway's JWT authorizer
 * requires it on every {@link LEAD_ONLY} route, so an agent's token is refused before the function runs;
 * the function checks the groups again ({@link authorizeTeamRole}).
 */
export const LEAD_SCOPE = 'closeloop/lead';

/** Whether a route (method and path, without the `/api` prefix) is for leads and admins only. */
export function isLeadOnly(method: string, path: string): boolean {
  return LEAD_ONLY.some((route) => route.method === method && route.path.test(path));
}

/** The scopes an access token gets for these groups: the lead scope for leads and admins. */
export function scopesForGroups(groups: readonly string[]): string[] {
  return groups.some((group) => group === 'lead' || group === 'admin') ? [LEAD_SCOPE] : [];
}

/**
 * The groups in a token's `cognito:groups` claim. API Gateway hands JWT claims to the function as
 * strings, a list as `[agent lead]`; a direct call may still carry a real array.
 */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === 'string');
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/**
 * Refuses a signed-in user the route their role does not allow: 403 for a user in no team group yet
 * (invited but not placed) and for an agent on a lead-only route. Only JWT callers are checked: IAM
 * callers are machine clients whose IAM policy decides, and locally there is one user who may do all.
 */
export function authorizeTeamRole(event: unknown, method: string, path: string): void {
  const claims = jwtClaimsOf(event);
  if (!claims) return;
  const roles = groupsOf(claims['cognito:groups']).filter((group): group is TeamRole =>
    (TEAM_ROLES as readonly string[]).includes(group),
  );
  if (roles.length === 0) {
    throw new ApiRequestError(
      403,
      'forbidden',
      'your account has no team role yet: ask an admin to add you to a group',
    );
  }
  if (isLeadOnly(method, path) && !roles.some((role) => role === 'lead' || role === 'admin')) {
    throw new ApiRequestError(403, 'forbidden', 'only leads and admins may export or act in bulk');
  }
}
