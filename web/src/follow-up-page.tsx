import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, type FeedbackRecord, type FollowUpState, getJson, type InboxRow, postJson } from './api';
import { describeSignals, firstLine, formatTime, slaClock } from './format';
import { HighlightedText } from './highlight';
import { INBOX_PLACE_KEY } from './inbox';
import { hrefOf } from './router';

type FollowUpActionName = 'claim' | 'unclaim' | 'assign' | 'note' | 'contacted' | 'resolve' | 'reopen';

interface ThemeOption {
  id: string;
  label: string;
}

const OTHER = '__other__';

/** Who acted first and what they did, from the state that won a conflict. */
export function conflictMessage(current: FollowUpState | undefined, fallback: string): string {
  const last = current?.history.at(-1);
  if (!current || !last) return fallback;
  const owner = current.owner ? `, owner ${current.owner}` : '';
  return `${last.by} acted first: ${last.action} at ${formatTime(last.at)}. It is now ${current.status}${owner}.`;
}

/** One follow-up: the comment with its evidence, signals, history, and the actions that apply. */
export function FollowUpPage({ id, user }: { id: string; user: string }) {
  const [record, setRecord] = useState<(FeedbackRecord & { followUp: FollowUpState }) | null>(null);
  const [related, setRelated] = useState<InboxRow[]>([]);
  const [themes, setThemes] = useState<ThemeOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [typedCause, setTypedCause] = useState('');
  const [resolution, setResolution] = useState('');
  const [assignee, setAssignee] = useState('');
  const path = `/feedback/${encodeURIComponent(id)}`;

  const load = useCallback(async () => {
    try {
      setRecord(await getJson(path));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [path]);

  useEffect(() => {
    load();
    getJson<{ items: InboxRow[] }>(`${path}/related`).then(
      (r) => setRelated(r.items),
      () => setRelated([]),
    );
    getJson<{ themes: ThemeOption[] }>('/taxonomy/themes').then(
      (r) => setThemes(r.themes),
      () => setThemes([]),
    );
  }, [path, load]);

  const act = async (action: FollowUpActionName, body: Record<string, string>) => {
    setBusy(true);
    setConflict(null);
    setNotice(null);
    try {
      const withNote = note.trim() ? { ...body, note: note.trim() } : body;
      await postJson(`/followups/${encodeURIComponent(id)}/${action}`, withNote);
      setNote('');
      if (action === 'assign') setAssignee('');
      setNotice(`Done: ${action}.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(conflictMessage(e.body.current, e.message));
      } else {
        setNotice(`Could not ${action}: ${(e as Error).message}`);
      }
    } finally {
      await load();
      setBusy(false);
    }
  };

  if (error)
    return (
      <p role="alert">
        Could not load follow-up {id}: {error}
      </p>
    );
  if (!record) return <p aria-live="polite">Loading…</p>;
  const { followUp, analysis } = record;
  const signals = describeSignals(analysis.signals);
  const band = analysis.nps?.category ?? analysis.csat?.category ?? analysis.ces?.category;
  const cause = rootCause === OTHER ? typedCause.trim() : rootCause;

  return (
    <article aria-labelledby="followup-title">
      <p>
        <a href={sessionStorage.getItem(INBOX_PLACE_KEY) ?? '#/inbox'}>← Back to the inbox</a>
      </p>
      <h1 id="followup-title" tabIndex={-1}>
        {firstLine(record.redactedText).slice(0, 80) || `Follow-up ${record.id}`}
      </h1>
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="status">{followUp.status}</dd>
        <dt>Priority</dt>
        <dd>{followUp.priority}</dd>
        <dt>Owner</dt>
        <dd data-testid="owner">{followUp.owner ?? 'unassigned'}</dd>
        <dt>First contact</dt>
        <dd class={followUp.overdue ? 'sla-overdue' : undefined}>
          {followUp.contactedAt
            ? `made ${formatTime(followUp.contactedAt)}`
            : slaClock(followUp.dueAt ?? null, !!followUp.overdue, Date.now())}
        </dd>
        <dt>Score</dt>
        <dd>
          {record.score ?? '—'} {record.scale ?? 'nps'}{' '}
          {band && <span class={`band band-${band}`}>{band}</span>}
        </dd>
        <dt>Segment</dt>
        <dd>
          {Object.entries(record.segment ?? {})
            .map(([k, v]) => `${k}: ${v}`)
            .join(' · ') || '—'}
        </dd>
        <dt>Channel</dt>
        <dd>{record.channel ?? '—'}</dd>
        <dt>Customer</dt>
        <dd>{record.customerId ?? '—'}</dd>
        <dt>Submitted</dt>
        <dd>{formatTime(record.submittedAt)}</dd>
      </dl>

      <section aria-labelledby="comment-title">
        <h2 id="comment-title">Comment</h2>
        <HighlightedText text={record.redactedText} themes={analysis.themes} />
        <ul class="themes" aria-label="Themes">
          {mainThemeFirst(analysis.themes, analysis.mainTheme).map((theme) => (
            <li key={theme.id} data-main={theme.id === analysis.mainTheme || undefined}>
              <span class={`chip chip-${theme.sentiment}`}>{theme.label}</span> {theme.sentiment}
              {theme.id === analysis.mainTheme && <strong> · main theme</strong>}
              {theme.evidence.length > 0 && <span class="meta"> — “{theme.evidence.join('”, “')}”</span>}
            </li>
          ))}
        </ul>
        {signals.length > 0 && (
          <p class="signals">
            Signals: <strong>{signals.join(' · ')}</strong>
          </p>
        )}
        <p class="meta">Reasons: {followUp.reasons.join(', ') || '—'}</p>
      </section>

      <section aria-labelledby="actions-title" class="actions">
        <h2 id="actions-title">Actions</h2>
        {conflict && (
          <p role="alert" class="conflict" data-testid="conflict">
            Someone else acted first. {conflict}
          </p>
        )}
        {notice && (
          <p role="status" data-testid="notice">
            {notice}
          </p>
        )}
        <label class="block">
          Note (kept in the history: add it alone, or with the next action)
          <textarea value={note} maxLength={2000} rows={2} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <div class="buttons">
          <button type="button" disabled={busy || !note.trim()} onClick={() => act('note', {})}>
            Add note
          </button>
          {followUp.status === 'open' && (
            <button type="button" disabled={busy} onClick={() => act('claim', { owner: user })}>
              Claim
            </button>
          )}
          {followUp.status === 'claimed' && (
            <button type="button" disabled={busy} onClick={() => act('unclaim', {})}>
              Unclaim
            </button>
          )}
          {(followUp.status === 'open' || followUp.status === 'claimed') && (
            <button type="button" disabled={busy} onClick={() => act('contacted', {})}>
              Mark contacted
            </button>
          )}
          {followUp.status === 'resolved' && (
            <button type="button" disabled={busy} onClick={() => act('reopen', {})}>
              Reopen
            </button>
          )}
        </div>
        {followUp.status !== 'resolved' && (
          <form
            class="assign"
            aria-label="Assign"
            onSubmit={(e) => {
              e.preventDefault();
              if (assignee.trim()) act('assign', { owner: assignee.trim() });
            }}
          >
            <label>
              Assign to teammate
              <input
                name="assignee"
                required
                maxLength={128}
                value={assignee}
                onInput={(e) => setAssignee(e.currentTarget.value)}
              />
            </label>
            <button type="submit" disabled={busy || !assignee.trim()}>
              Assign
            </button>
          </form>
        )}
        {followUp.status !== 'resolved' && (
          <form
            class="resolve"
            aria-label="Resolve"
            onSubmit={(e) => {
              e.preventDefault();
              if (cause && resolution.trim()) act('resolve', { rootCause: cause, action: resolution.trim() });
            }}
          >
            <label>
              Root cause
              <select required value={rootCause} onChange={(e) => setRootCause(e.currentTarget.value)}>
                <option value="">choose…</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.label}
                  </option>
                ))}
                <option value={OTHER}>other (type it)</option>
              </select>
            </label>
            {rootCause === OTHER && (
              <label>
                Root cause in your words
                <input
                  required
                  maxLength={200}
                  value={typedCause}
                  onInput={(e) => setTypedCause(e.currentTarget.value)}
                />
              </label>
            )}
            <label>
              Action taken
              <input
                required
                maxLength={2000}
                value={resolution}
                onInput={(e) => setResolution(e.currentTarget.value)}
              />
            </label>
            <button type="submit" disabled={busy || !cause || !resolution.trim()}>
              Resolve
            </button>
          </form>
        )}
        {followUp.rootCause && (
          <p>
            Root cause: <strong>{followUp.rootCause}</strong> — action: {followUp.action}
          </p>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {followUp.history.length === 0 ? (
          <p>No changes yet.</p>
        ) : (
          <ol class="history">
            {followUp.history.map((entry) => (
              <li key={`${entry.at}-${entry.action}`}>
                <time dateTime={entry.at}>{formatTime(entry.at)}</time> — <strong>{entry.by}</strong>{' '}
                {entry.action} ({entry.from} → {entry.to}){entry.note && <q>{entry.note}</q>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="related-title">
        <h2 id="related-title">This customer's other follow-ups</h2>
        {related.length === 0 ? (
          <p>{record.customerId ? 'None.' : 'No customer id on this feedback.'}</p>
        ) : (
          <ul>
            {related.map((row) => (
              <li key={row.id}>
                <a href={hrefOf(`/followup/${encodeURIComponent(row.id)}`)}>{firstLine(row.redactedText)}</a>{' '}
                — {row.status}, {formatTime(row.submittedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** The comment's main theme first: the one a caller opens the conversation with. */
function mainThemeFirst<T extends { id: string }>(themes: readonly T[], mainTheme: string | undefined): T[] {
  return [...themes].sort((a, b) => Number(b.id === mainTheme) - Number(a.id === mainTheme));
}
