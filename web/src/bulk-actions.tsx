import { useState } from 'preact/hooks';
import { ApiError, type FollowUpState, postJson } from './api';

/** What `POST /followups/bulk` answers for each follow-up. */
export interface BulkOutcome {
  id: string;
  outcome: 'done' | 'conflict' | 'not_found';
  message?: string;
  current?: FollowUpState;
  followUp?: FollowUpState;
}

/** One line per follow-up: done, or who was first (the state that won). */
function describeOutcome(result: BulkOutcome, label: (id: string) => string): string {
  if (result.outcome === 'done') return `${label(result.id)}: done`;
  if (result.outcome === 'not_found') return `${label(result.id)}: no longer exists`;
  const last = result.current?.history.at(-1);
  const who = last ? `${last.by} was first (${last.action})` : 'someone else was first';
  const owner = result.current?.owner ? `, owner ${result.current.owner}` : '';
  return `${label(result.id)}: ${who}; it is ${result.current?.status ?? 'changed'}${owner}`;
}

/**
 * Claim or assign the rows ticked in the inbox. Each follow-up is its own conditional write on the
 * server, so the answer is per row: some may be done while someone else was first on others.
 */
export function BulkActions({
  selected,
  user,
  label,
  onDone,
}: {
  selected: string[];
  user: string;
  label: (id: string) => string;
  onDone: () => void;
}) {
  const [assignee, setAssignee] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: 'claim' | 'assign', owner: string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await postJson<{ results: BulkOutcome[] }>('/followups/bulk', {
        action,
        owner,
        ids: selected,
      });
      setResults(answer.results);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const none = selected.length === 0;
  return (
    <div>
      <form
        class="bulk"
        aria-label="Selected follow-ups"
        onSubmit={(e) => {
          e.preventDefault();
          if (assignee.trim()) run('assign', assignee.trim());
        }}
      >
        <span data-testid="selected-count">{selected.length} selected</span>
        <button type="button" disabled={busy || none} onClick={() => run('claim', user)}>
          Claim selected
        </button>
        <label>
          Assign selected to
          <input
            name="bulk-assignee"
            maxLength={128}
            value={assignee}
            onInput={(e) => setAssignee(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy || none || !assignee.trim()}>
          Assign selected
        </button>
      </form>
      {error && <p role="alert">Could not change the selected follow-ups: {error}</p>}
      {results && (
        <div role="status">
          <ul class="bulk-results" aria-label="Result per follow-up" data-testid="bulk-results">
            {results.map((result) => (
              <li key={result.id} class={result.outcome === 'done' ? undefined : 'conflict-item'}>
                {describeOutcome(result, label)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
