import { configureApi } from './api';
import { loadAppConfig } from './app-config';
import { renewSession, type Session, signIn, signOut, startSession } from './auth';

/** Who uses the app and what the page offers them. */
export interface Who {
  mode: 'local' | 'deployed';
  user: string;
  /** Leads and admins export and act in bulk (the API refuses others with 403 anyway). */
  canExport: boolean;
  signOut?: () => void;
}

const LEAD_GROUPS = ['lead', 'admin'];

/**
 * Starts the app's session from `config.json`: locally the one local user (the local server signs
 * every call as them); deployed, the Cognito sign-in, every API call carrying its access token.
 */
export async function startApp(): Promise<Who> {
  const config = await loadAppConfig();
  if (config.mode === 'local') {
    configureApi(config.apiBase);
    return { mode: 'local', user: config.user, canExport: true };
  }
  let session: Session = await startSession(config);
  const renew = async () => {
    session = await renewSession(config, session).catch(() => signIn(config));
    return session.accessToken;
  };
  configureApi(config.apiBase, {
    token: async () => (session.expiresAt > Date.now() + 30_000 ? session.accessToken : renew()),
    renew,
  });
  return {
    mode: 'deployed',
    user: session.user,
    canExport: session.groups.some((group) => LEAD_GROUPS.includes(group)),
    signOut: () => signOut(config),
  };
}
