import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CloseTheLoopMetrics as CloseTheLoop } from '../../lib/model/close-the-loop-metrics.js';
import type { ThemeDriver } from '../../lib/model/theme-driver.js';
import { downloadFile, getJson, type NpsFigures, queryString } from './api';
import { formatNps, formatPercent, formatTime, isoDay } from './format';
import { HighlightedText } from './highlight';
import { NpsChart } from './nps-chart';
import { RateTable } from './rate-table';
import { hrefOf } from './router';

const DIMENSIONS = ['department', 'team', 'agent', 'product'] as const;
/** Fewer responses than this and an NPS swings on one answer: marked, not hidden. */
export const SMALL_SAMPLE = 30;

interface Trend {
  points: Array<NpsFigures & { key: string }>;
  current: NpsFigures;
  previous: NpsFigures & { from: string; to: string };
}
interface DrillDown {
  items: Array<{
    id: string;
    day: string;
    sentiment: 'negative' | 'neutral' | 'positive';
    evidence: string[];
    redactedText: string;
    score: number | null;
  }>;
}
interface Rejected {
  items: Array<{ rejectId: string; receivedAt: string; reason: string; issues: string[] }>;
}

function useJson<T>(path: string | null): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    if (!path) return;
    let current = true;
    getJson<T>(path).then(
      (data) => current && setState({ data, error: null }),
      (e: Error) => current && setState({ data: null, error: e.message }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return state;
}

/** A 0-100 percentage as the API gives it, or a dash without answers. */
const percentOf = (value: number | null) => (value === null ? '—' : `${Math.round(value)}%`);

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The weekly review: NPS over time, theme drivers, NPS by segment, close-the-loop and rejects. */
export function Dashboard({ params, canExport }: { params: URLSearchParams; canExport: boolean }) {
  const today = Date.now();
  const state = {
    from: params.get('from') ?? isoDay(today - 89 * 86_400_000),
    to: params.get('to') ?? isoDay(today),
    period: params.get('period') ?? 'week',
    dimension: params.get('dimension') ?? '',
    value: params.get('value') ?? '',
    by: params.get('by') ?? 'department',
    theme: params.get('theme') ?? '',
    sort: params.get('sort') ?? 'responses',
  };
  const go = (change: Partial<typeof state>) => {
    location.hash = hrefOf('/dashboard', { ...state, ...change });
  };
  const period = queryString({ from: state.from, to: state.to });
  const trend = useJson<Trend>(
    `/reports/trend${queryString({ from: state.from, to: state.to, period: state.period, dimension: state.value ? state.dimension : '', value: state.dimension ? state.value : '' })}`,
  );
  const drivers = useJson<{ themes: ThemeDriver[] }>(`/reports/themes${period}`);
  const bySegment = useJson<{ segments: Array<NpsFigures & { key: string }> }>(
    `/reports/nps${queryString({ from: state.from, to: state.to, by: state.by })}`,
  );
  const filterValues = useJson<{ segments: Array<{ key: string }> }>(
    state.dimension
      ? `/reports/nps${queryString({ from: state.from, to: state.to, by: state.dimension })}`
      : null,
  );
  const loop = useJson<CloseTheLoop>(`/reports/followups${period}`);
  const rejected = useJson<Rejected>(`/reports/rejected${period}`);
  const drill = useJson<DrillDown>(
    state.theme ? `/reports/themes/${encodeURIComponent(state.theme)}/comments${period}` : null,
  );
  const drillTheme = drivers.data?.themes.find((t) => t.id === state.theme);
  const labelOf = (id: string) => drivers.data?.themes.find((t) => t.id === id)?.label ?? id;
  const [exportError, setExportError] = useState<string | null>(null);
  /** The feedback behind the view (period, segment, and the drill-down's theme when given) as CSV. */
  const exportCsv = (theme: string) => {
    setExportError(null);
    const segment = state.dimension && state.value ? { dimension: state.dimension, value: state.value } : {};
    downloadFile(
      `/reports/export${queryString({ from: state.from, to: state.to, ...segment, theme })}`,
      'closeloop-feedback.csv',
    ).catch((failure: Error) => setExportError(failure.message));
  };

  const segments = useMemo(() => {
    const rows = [...(bySegment.data?.segments ?? [])];
    const key = state.sort as 'key' | 'nps' | 'responses';
    return rows.sort((a, b) =>
      key === 'key'
        ? a.key.localeCompare(b.key)
        : ((b[key] ?? -101) as number) - ((a[key] ?? -101) as number),
    );
  }, [bySegment.data, state.sort]);

  const current = trend.data?.current;
  const previous = trend.data?.previous;
  const change =
    current?.nps != null && previous?.nps != null ? Math.round((current.nps - previous.nps) * 10) / 10 : null;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title" tabIndex={-1}>
        Dashboard
      </h1>
      <form class="filters" aria-label="Period and segment" onSubmit={(e) => e.preventDefault()}>
        <label>
          from
          <input
            type="date"
            value={state.from}
            onChange={(e) => e.currentTarget.value && go({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          to
          <input
            type="date"
            value={state.to}
            onChange={(e) => e.currentTarget.value && go({ to: e.currentTarget.value })}
          />
        </label>
        <label>
          per
          <select value={state.period} onChange={(e) => go({ period: e.currentTarget.value })}>
            <option value="day">day</option>
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </label>
        <label>
          segment
          <select
            value={state.dimension}
            onChange={(e) => go({ dimension: e.currentTarget.value, value: '' })}
          >
            <option value="">whole account</option>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {state.dimension && (
          <label>
            {state.dimension}
            <select
              name="segment-value"
              value={state.value}
              onChange={(e) => go({ value: e.currentTarget.value })}
            >
              <option value="">any</option>
              {(filterValues.data?.segments ?? []).map((s) => (
                <option key={s.key} value={s.key}>
                  {s.key}
                </option>
              ))}
            </select>
          </label>
        )}
        {canExport && (
          <button type="button" onClick={() => exportCsv('')}>
            Export CSV
          </button>
        )}
      </form>
      {exportError && <p role="alert">Could not export: {exportError}</p>}

      <section aria-labelledby="nps-title">
        <h2 id="nps-title">NPS over time</h2>
        {trend.error && <p role="alert">{trend.error}</p>}
        {current && previous && (
          <p class="headline">
            NPS <strong data-testid="nps-current">{formatNps(current.nps)}</strong> from {current.responses}{' '}
            responses
            {state.value && ` (${state.dimension} ${state.value})`}; previous period ({previous.from} –{' '}
            {previous.to}): <span data-testid="nps-previous">{formatNps(previous.nps)}</span>
            {change !== null && <span class={change >= 0 ? 'up' : 'down'}> ({signed(change)} points)</span>}
          </p>
        )}
        {current && (current.csat.responses > 0 || current.ces.responses > 0) && (
          <p class="headline" data-testid="csat-ces">
            {current.csat.responses > 0 && (
              <>
                CSAT <strong>{percentOf(current.csat.satisfiedPercent)}</strong> satisfied (mean{' '}
                {current.csat.mean?.toFixed(2)} of 5, {current.csat.responses} responses; previous{' '}
                {percentOf(previous?.csat.satisfiedPercent ?? null)}).{' '}
              </>
            )}
            {current.ces.responses > 0 && (
              <>
                CES mean <strong>{current.ces.mean?.toFixed(2)}</strong> of 7,{' '}
                {percentOf(current.ces.highEffortPercent)} high effort ({current.ces.responses} responses;
                previous mean {previous?.ces.mean?.toFixed(2) ?? '—'}).
              </>
            )}
          </p>
        )}
        {trend.data && trend.data.points.length > 0 && <NpsChart points={trend.data.points} />}
        {trend.data && (
          <table class="numbers">
            <caption class="visually-hidden">NPS per {state.period}</caption>
            <thead>
              <tr>
                <th scope="col">{state.period}</th>
                <th scope="col">responses</th>
                <th scope="col">promoters</th>
                <th scope="col">passives</th>
                <th scope="col">detractors</th>
                <th scope="col">NPS</th>
                <th scope="col">CSAT satisfied</th>
                <th scope="col">CES mean</th>
              </tr>
            </thead>
            <tbody>
              {trend.data.points.map((p) => (
                <tr key={p.key}>
                  <th scope="row">{p.key}</th>
                  <td>{p.responses}</td>
                  <td>{p.promoters}</td>
                  <td>{p.passives}</td>
                  <td>{p.detractors}</td>
                  <td>{formatNps(p.nps)}</td>
                  <td>
                    {p.csat.responses > 0
                      ? `${percentOf(p.csat.satisfiedPercent)} of ${p.csat.responses}`
                      : '—'}
                  </td>
                  <td>{p.ces.responses > 0 ? `${p.ces.mean?.toFixed(2)} of ${p.ces.responses}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="drivers-title">
        <h2 id="drivers-title">Theme drivers</h2>
        {drivers.data && (
          <table class="numbers" data-testid="drivers">
            <thead>
              <tr>
                <th scope="col">theme</th>
                <th scope="col">mentions</th>
                <th scope="col">negative</th>
                <th scope="col">NPS impact</th>
                <th scope="col">change</th>
              </tr>
            </thead>
            <tbody>
              {drivers.data.themes.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <a
                      href={hrefOf('/dashboard', { ...state, theme: t.id })}
                      aria-current={t.id === state.theme ? 'true' : undefined}
                    >
                      {t.label}
                    </a>
                  </th>
                  <td>{t.mentions}</td>
                  <td>{formatPercent(t.negativeShare)}</td>
                  <td>{t.npsImpact.toFixed(1)}</td>
                  <td>{signed(t.mentionsChange)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {state.theme && (
          <section aria-labelledby="drill-title" class="drill">
            <h3 id="drill-title">Comments on {drillTheme?.label ?? state.theme}</h3>
            <p>
              <a href={hrefOf('/dashboard', { ...state, theme: '' })}>Close</a>
              {canExport && (
                <>
                  {' '}
                  <button type="button" onClick={() => exportCsv(state.theme)}>
                    Export these comments (CSV)
                  </button>
                </>
              )}
            </p>
            {drill.data?.items.length === 0 && <p>No comments in this period.</p>}
            <ul class="drill-list">
              {drill.data?.items.map((item) => (
                <li key={item.id}>
                  <HighlightedText
                    text={item.redactedText}
                    themes={[
                      {
                        label: drillTheme?.label ?? state.theme,
                        sentiment: item.sentiment,
                        evidence: item.evidence,
                      },
                    ]}
                  />
                  <span class="meta">
                    {item.day} · score {item.score ?? '—'} · {item.sentiment} ·{' '}
                    <a href={hrefOf(`/followup/${encodeURIComponent(item.id)}`)}>open</a>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>

      <section aria-labelledby="segments-title">
        <h2 id="segments-title">NPS by segment</h2>
        <label>
          by
          <select value={state.by} onChange={(e) => go({ by: e.currentTarget.value })}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <table class="numbers" data-testid="segments">
          <thead>
            <tr>
              {(['key', 'responses', 'nps'] as const).map((column) => (
                <th
                  scope="col"
                  key={column}
                  aria-sort={
                    state.sort === column ? (column === 'key' ? 'ascending' : 'descending') : undefined
                  }
                >
                  <button type="button" class="sort" onClick={() => go({ sort: column })}>
                    {column === 'key' ? state.by : column === 'nps' ? 'NPS' : 'responses'}
                  </button>
                </th>
              ))}
              <th scope="col">promoters / passives / detractors</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.key}</th>
                <td>
                  {s.responses}
                  {s.responses < SMALL_SAMPLE && (
                    <span
                      class="small-sample"
                      title={`fewer than ${SMALL_SAMPLE} responses: too few to trust`}
                    >
                      {' '}
                      (small sample)
                    </span>
                  )}
                </td>
                <td>{formatNps(s.nps)}</td>
                <td>
                  {s.promoters} / {s.passives} / {s.detractors}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="loop-title">
        <h2 id="loop-title">Close the loop</h2>
        {loop.data && (
          <dl class="figures" data-testid="close-the-loop">
            <div>
              <dt>opened</dt>
              <dd data-testid="loop-opened">{loop.data.opened}</dd>
            </div>
            <div>
              <dt>contacted</dt>
              <dd data-testid="loop-contacted">{loop.data.contacted}</dd>
            </div>
            <div>
              <dt>within SLA</dt>
              <dd>
                {loop.data.contactedWithinSla} ({formatPercent(loop.data.withinSlaRate)})
              </dd>
            </div>
            <div>
              <dt>median time to first contact</dt>
              <dd>{loop.data.medianTimeToContact ?? '—'}</dd>
            </div>
            <div>
              <dt>resolved</dt>
              <dd data-testid="loop-resolved">{loop.data.resolved}</dd>
            </div>
            <div>
              <dt>overdue now</dt>
              <dd>{loop.data.overdueNow}</dd>
            </div>
          </dl>
        )}
        {loop.data && loop.data.rootCausePrediction.length > 0 && (
          <RateTable
            caption="Root causes: did the analysis predict them?"
            headings={['root cause', 'resolved with it', 'its theme was predicted']}
            rows={loop.data.rootCausePrediction.map((p) => ({
              id: p.rootCause,
              label: labelOf(p.rootCause),
              total: p.resolved,
              hits: p.predicted,
              rate: p.rate,
            }))}
            testId="root-cause-prediction"
            rowHook={{ attribute: 'root-cause', totalTestIdPrefix: 'resolved' }}
          />
        )}
        {loop.data && loop.data.rootCauseAgreement.length > 0 && (
          <RateTable
            caption="Predicted themes: confirmed as the root cause?"
            headings={['predicted theme', 'resolved with it predicted', 'confirmed as root cause']}
            rows={loop.data.rootCauseAgreement.map((a) => ({
              id: a.theme,
              label: labelOf(a.theme),
              total: a.predicted,
              hits: a.agreed,
              rate: a.rate,
            }))}
            testId="root-cause-agreement"
          />
        )}
      </section>

      <section aria-labelledby="rejected-title">
        <h2 id="rejected-title">Rejected messages</h2>
        {rejected.data?.items.length === 0 && <p>None in this period.</p>}
        {rejected.data && rejected.data.items.length > 0 && (
          <table class="numbers">
            <thead>
              <tr>
                <th scope="col">received</th>
                <th scope="col">reason</th>
                <th scope="col">details</th>
              </tr>
            </thead>
            <tbody>
              {rejected.data.items.map((r) => (
                <tr key={r.rejectId}>
                  <td>{formatTime(r.receivedAt)}</td>
                  <td>{r.reason}</td>
                  <td>{r.issues.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
