/** How the app says times, signals and labels: in the team's words, not the API's. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as the largest sensible unit: "45 min", "3 h", "2 d". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / MINUTE))} min`;
  if (abs < 2 * DAY) return `${Math.round(abs / HOUR)} h`;
  return `${Math.round(abs / DAY)} d`;
}

/** Age of a comment: "3 d". */
export const formatAge = (at: string, now: number) => formatDuration(now - Date.parse(at));

/** The SLA clock: time left to first contact, or how late it is. */
export function slaClock(dueAt: string | null, overdue: boolean, now: number): string {
  if (!dueAt) return '—';
  const left = Date.parse(dueAt) - now;
  if (overdue) return left < 0 ? `overdue ${formatDuration(left)}` : 'contacted late';
  return left > 0 ? `${formatDuration(left)} left` : 'due';
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const INTENTS: Record<string, string> = {
  churn_risk: 'churn risk',
  callback_request: 'asks for a call back',
  escalation: 'wants to escalate',
};

/** Signals in human units: "waited 45 min", "3rd contact", "2 transfers", "churn risk". */
export function describeSignals(signals: {
  waitMinutes: number | null;
  contactCount: number | null;
  transferCount: number | null;
  intents: string[];
}): string[] {
  const out: string[] = [];
  if (signals.waitMinutes !== null) out.push(`waited ${formatDuration(signals.waitMinutes * MINUTE)}`);
  if (signals.contactCount !== null) out.push(`${ordinal(signals.contactCount)} contact`);
  if (signals.transferCount !== null) {
    out.push(`${signals.transferCount} transfer${signals.transferCount === 1 ? '' : 's'}`);
  }
  for (const intent of signals.intents) out.push(INTENTS[intent] ?? intent.replaceAll('_', ' '));
  return out;
}

export const firstLine = (text: string) => (text.split(/\r?\n/)[0] ?? '').slice(0, 160);

export const formatTime = (at: string) =>
  `${new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;

export const formatNps = (nps: number | null) => (nps === null ? '—' : nps.toFixed(1));

export const formatPercent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

export const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
