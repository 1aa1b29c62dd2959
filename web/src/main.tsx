import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Dashboard } from './dashboard';
import { FollowUpPage } from './follow-up-page';
import { Inbox } from './inbox';
import { followUpIdOf, useRoute } from './router';
import { startApp, type Who } from './session';
import './styles.css';

function App() {
  const [config, setConfig] = useState<Who | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const route = useRoute();
  useEffect(() => {
    startApp().then(setConfig, (error: Error) => setFailed(error.message));
  }, []);
  useEffect(() => {
    // A page change moves focus to the new page's heading, as a screen reader user expects.
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route.path]);

  const followUpId = followUpIdOf(route.path);
  const page = route.path === '/dashboard' ? 'dashboard' : followUpId ? 'followup' : 'inbox';
  return (
    <>
      <header class="top">
        <span class="brand">closeloop</span>
        <nav aria-label="Pages">
          <a class="top-link" href="#/inbox" aria-current={page !== 'dashboard' ? 'page' : undefined}>
            Inbox
          </a>
          <a class="top-link" href="#/dashboard" aria-current={page === 'dashboard' ? 'page' : undefined}>
            Dashboard
          </a>
        </nav>
        <span class="user" data-testid="current-user">
          {config ? (
            <>
              Signed in as <strong>{config.user}</strong>
              {config.mode === 'local' && <span class="badge">local</span>}
              {config.signOut && (
                <button type="button" class="sign-out" onClick={config.signOut}>
                  Sign out
                </button>
              )}
            </>
          ) : null}
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {failed && <p role="alert">Cannot reach closeloop: {failed}</p>}
        {config && page === 'inbox' && (
          <Inbox params={route.params} user={config.user} canExport={config.canExport} />
        )}
        {config && page === 'followup' && followUpId && <FollowUpPage id={followUpId} user={config.user} />}
        {config && page === 'dashboard' && <Dashboard params={route.params} canExport={config.canExport} />}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
