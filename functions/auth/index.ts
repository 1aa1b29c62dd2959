import { addTeamScopes } from './token-scopes.js';

/** Lambda entry point: the user pool's pre-token-generation trigger (V2), see token-scopes.ts. */
export const handler = addTeamScopes;
