import { useEffect, useState } from 'preact/hooks';
import { downloadFile, getJson, INBOX_VIEWS, type InboxPage, type InboxView, queryString } from './api';
import { BulkActions } from './bulk-actions';
import { firstLine, formatAge, slaClock } from './format';
import { hrefOf } from './router';
import { looksPersonal, PERSONAL_SEARCH_MESSAGE } from './search-terms';

export const INBOX_PLACE_KEY = 'closeloop.inbox-place';

const VIEW_LABELS: Record<InboxView, string> = {
  mine: 'Mine',
  team: 'My team',
  unassigned: 'Unassigned',
  overdue: 'Overdue',
  open: 'All open',
  resolved: 'Resolved',
};

const FILTERS = ['department', 'team', 'agent', 'product', 'theme', 'channel', 'band'] as const;
const STATE_KEYS = ['view', 'sort', ...FILTERS, 'q', 'page'] as const;
type InboxState = Partial<Record<(typeof STATE_KEYS)[number], string>>;

function stateOf(params: URLSearchParams): InboxState {
  const state: InboxState = {};
  for (const key of STATE_KEYS) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/** The follow-up inbox: views with counts, filters, search, sort and pages, all kept in the URL. */
export function Inbox({
  params,
  user,
  canExport,
}: {
  params: URLSearchParams;
  user: string;
  canExport: boolean;
}) {
  const state = stateOf(params);
  const view = (state.view as InboxView | undefined) ?? 'open';
  // The last page loaded and for which query: the old rows stay on screen (busy) while the next load.
  const [loaded, setLoaded] = useState<{ key: string; page: InboxPage } | null>(null);
  const page = loaded?.page ?? null;
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState(state.q ?? '');
  const [searchRefused, setSearchRefused] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  // Bumped after a bulk change, so the page reloads with the new owners.
  const [reloads, setReloads] = useState(0);
  const key = queryString({ ...state, view });

  // A ticked row stays ticked only on the page it was ticked on.
  useEffect(() => setSelected([]), [key]);

  useEffect(() => {
    let current = true;
    setError(null);
    getJson<InboxPage>(`/inbox${key}`).then(
      (result) => current && setLoaded({ key, page: result }),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [key, reloads]);

  /** A new filter or view starts at page 1; paging keeps everything else. */
  const go = (change: InboxState, keepPage = false) => {
    const next: InboxState = { ...state, ...change };
    if (!keepPage) delete next.page;
    location.hash = hrefOf('/inbox', next);
  };
  // The follow-up page's "back" link returns here: same view, filters and page.
  sessionStorage.setItem(INBOX_PLACE_KEY, hrefOf('/inbox', state));
  const now = Date.now();
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;

  return (
    <section aria-labelledby="inbox-title" aria-busy={loaded?.key !== key}>
      <h1 id="inbox-title" tabIndex={-1}>
        Follow-up inbox
      </h1>
      <nav aria-label="Views" class="views">
        {INBOX_VIEWS.map((v) => (
          <a
            class="view-tab"
            key={v}
            href={hrefOf('/inbox', { ...state, view: v, page: undefined })}
            aria-current={v === view ? 'page' : undefined}
            data-view={v}
          >
            {VIEW_LABELS[v]}{' '}
            <span class="count" data-testid={`count-${v}`}>
              {page ? page.counts[v] : '…'}
            </span>
          </a>
        ))}
      </nav>
      <form
        class="filters"
        aria-label="Filters"
        onSubmit={(e) => {
          e.preventDefault();
          // Never into the URL (history, the back link): the stored text could not match it anyway.
          if (looksPersonal(search)) {
            setSearchRefused(true);
            return;
          }
          setSearchRefused(false);
          go({ q: search.trim() || undefined });
        }}
      >
        <label>
          Search comments
          <input
            type="search"
            name="q"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
            maxLength={200}
          />
        </label>
        <button type="submit">Search</button>
        {FILTERS.map((filter) => (
          <label key={filter}>
            {filter === 'band' ? 'score band' : filter}
            <select
              name={filter}
              value={state[filter] ?? ''}
              onChange={(e) => go({ [filter]: e.currentTarget.value || undefined })}
            >
              <option value="">any</option>
              {(page?.facets[filter] ?? (state[filter] ? [state[filter]] : [])).map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          sort by
          <select
            name="sort"
            value={state.sort ?? 'priority'}
            onChange={(e) => go({ sort: e.currentTarget.value })}
          >
            <option value="priority">priority</option>
            <option value="age">age (oldest first)</option>
          </select>
        </label>
        {canExport && (
          <button
            type="button"
            onClick={() =>
              downloadFile(
                `/inbox/export${queryString({ ...state, view, page: undefined })}`,
                `closeloop-inbox-${view}.csv`,
              ).catch((failure: Error) => setError(failure.message))
            }
          >
            Export CSV
          </button>
        )}
      </form>
      {searchRefused && <p role="alert">{PERSONAL_SEARCH_MESSAGE}</p>}
      {error && <p role="alert">Could not load the inbox: {error}</p>}
      <p class="summary" aria-live="polite">
        {page ? `${page.total} follow-up${page.total === 1 ? '' : 's'} in ${VIEW_LABELS[view]}` : 'Loading…'}
        {view === 'mine' && ` (owner: ${user})`}
      </p>
      {page?.truncated && page.truncated.length > 0 && (
        <p role="status" class="summary">
          More follow-ups are {page.truncated.join(', ')} than the inbox reads: it shows the first 2,000 of
          each (highest priority first), and so do its counts and exports.
        </p>
      )}
      {/* Bulk actions (the row checkboxes too) are for leads and admins, as exports are (the API refuses agents). */}
      {page && page.items.length > 0 && view !== 'resolved' && canExport && (
        <BulkActions
          selected={selected}
          user={user}
          label={(id) =>
            firstLine(page.items.find((row) => row.id === id)?.redactedText ?? id).slice(0, 60) || id
          }
          onDone={() => {
            setSelected([]);
            setReloads((n) => n + 1);
          }}
        />
      )}
      {page && page.items.length > 0 && (
        <table class="inbox">
          <caption class="visually-hidden">Follow-ups, {VIEW_LABELS[view]}</caption>
          <thead>
            <tr>
              {canExport && (
                <th scope="col" class="select-cell">
                  <span class="visually-hidden">Select</span>
                </th>
              )}
              <th scope="col">Priority</th>
              <th scope="col">Score</th>
              <th scope="col">Comment</th>
              <th scope="col">Themes</th>
              <th scope="col">SLA</th>
              <th scope="col">Owner</th>
              <th scope="col">Age</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((row) => (
              <tr key={row.id} data-id={row.id} class={row.overdue ? 'overdue' : undefined}>
                {canExport && (
                  <td data-label="Select" class="select-cell">
                    <input
                      type="checkbox"
                      aria-label={`Select: ${firstLine(row.redactedText).slice(0, 60) || row.id}`}
                      checked={selected.includes(row.id)}
                      disabled={row.status === 'resolved'}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setSelected((ids) => (on ? [...ids, row.id] : ids.filter((id) => id !== row.id)));
                      }}
                    />
                  </td>
                )}
                <td data-label="Priority">
                  <span class="priority">{row.priority}</span>
                </td>
                <td data-label="Score">
                  {row.score ?? '—'}{' '}
                  <span class={`band band-${row.band ?? 'none'}`}>{row.band ?? 'no score'}</span>
                </td>
                <td data-label="Comment">
                  <a class="row-link" href={hrefOf(`/followup/${encodeURIComponent(row.id)}`)}>
                    {firstLine(row.redactedText) || '(no comment)'}
                  </a>
                  <span class="meta">
                    {row.segment.department ?? ''} {row.channel ? `· ${row.channel}` : ''} · {row.status}
                  </span>
                </td>
                <td data-label="Themes">{row.themes.join(', ') || '—'}</td>
                <td data-label="SLA" class={row.overdue ? 'sla sla-overdue' : 'sla'}>
                  {row.status === 'resolved' ? 'resolved' : slaClock(row.dueAt, row.overdue, now)}
                </td>
                <td data-label="Owner">{row.owner ?? 'unassigned'}</td>
                <td data-label="Age">{formatAge(row.submittedAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.total > page.pageSize && (
        <nav aria-label="Pages of the inbox" class="pager">
          {page.page > 1 && <a href={hrefOf('/inbox', { ...state, page: page.page - 1 })}>Previous page</a>}
          <span>
            Page {page.page} of {pages}
          </span>
          {page.page < pages && <a href={hrefOf('/inbox', { ...state, page: page.page + 1 })}>Next page</a>}
        </nav>
      )}
    </section>
  );
}
