import type { AlertDestination } from '../../lib/alerts/detractor-alert.js';
import type { FollowUpHistoryEntry, FollowUpState } from '../../lib/followup/follow-up-state.js';
import {
  type AlertAttempt,
  type CounterChange,
  type DailyCounts,
  type FeedbackRecord,
  type FeedbackScanOptions,
  type FeedbackScanPage,
  type FeedbackStore,
  type FeedbackToStore,
  type FollowUpListOptions,
  type FollowUpPage,
  IdConflict,
  type RejectedMessage,
  type StoreOutcome,
  type ThemeMention,
} from '../../lib/store/feedback-store.js';
import { DEFAULT_FOLLOW_UP_MAX_AGE_DAYS } from '../../lib/store/follow-up-window.js';
import { recordOfMessage } from '../../lib/store/record-of-message.js';
import { compareVersions } from '../../lib/store/response-version.js';
import { reviseRecord } from '../../lib/store/revise-record.js';

const copy = <T>(value: T): T => structuredClone(value);

interface AlertLedgerEntry {
  status: 'sending' | 'sent';
  leaseUntil?: string;
  delivered: Set<AlertDestination>;
}

/**
 * `FeedbackStore` in memory, for handler unit tests that need no emulator. It keeps the conditions
 * the handlers rely on: a known id is `duplicate` (same content, older version), `updated` (newer
 * version) or an {@link IdConflict} (same version, other content); a
 * follow-up changes only at the version it was read at; the alert lease is taken once until it runs
 * out or is given back. Counters are recorded as changes (`counterChanges`), not summed into days:
 * report figures are tested against DynamoDB Local. Every read hands out copies, as a real store would.
 */
export class InMemoryFeedbackStore implements FeedbackStore {
  readonly records = new Map<string, FeedbackRecord>();
  readonly rejected = new Map<string, RejectedMessage>();
  readonly history = new Map<string, FollowUpHistoryEntry[]>();
  readonly alerts = new Map<string, AlertLedgerEntry>();
  readonly counterChanges: CounterChange[] = [];

  async storeFeedbackBatch(
    entries: readonly FeedbackToStore[],
  ): Promise<Array<StoreOutcome | IdConflict | Error>> {
    const options = { slaHours: 48, maxAgeDays: DEFAULT_FOLLOW_UP_MAX_AGE_DAYS };
    return entries.map(({ message, analysis, receivedAt }) => {
      const stored = this.records.get(message.id);
      if (stored) {
        // The same decisions as the DynamoDB update path, with the same pure parts.
        const fresh = recordOfMessage(message, analysis, stored.receivedAt, options);
        const verdict = compareVersions(stored, fresh);
        if (verdict === 'redelivery' || verdict === 'older') return 'duplicate';
        if (verdict === 'same-version-other-content') {
          return new IdConflict(message.id, stored.contentHash ?? '', fresh.contentHash ?? '');
        }
        const { record, change } = reviseRecord(stored, fresh, receivedAt);
        this.records.set(message.id, record);
        if (change) this.history.set(message.id, [...(this.history.get(message.id) ?? []), copy(change)]);
        return 'updated';
      }
      this.records.set(message.id, recordOfMessage(message, analysis, receivedAt, options));
      return 'stored';
    });
  }

  async storeRejected(rejected: RejectedMessage): Promise<StoreOutcome> {
    if (this.rejected.has(rejected.rejectId)) return 'duplicate';
    this.rejected.set(rejected.rejectId, copy(rejected));
    return 'stored';
  }

  async getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    const record = this.records.get(id);
    return record && copy(record);
  }

  /** Highest priority first, then newest; the cursor is the offset (the real store signs its own). */
  async listFollowUps(options: FollowUpListOptions = {}): Promise<FollowUpPage> {
    const status = options.status ?? 'open';
    const matching = [...this.records.values()]
      .filter((record) => record.followUp.status === status)
      .filter((record) => !options.department || record.segment?.department === options.department)
      .sort(
        (a, b) =>
          b.followUp.priority - a.followUp.priority ||
          b.submittedAt.localeCompare(a.submittedAt) ||
          b.id.localeCompare(a.id),
      );
    const start = options.cursor ? Number(options.cursor) : 0;
    const limit = options.limit ?? 25;
    const items = matching.slice(start, start + limit).map(copy);
    return { items, ...(start + limit < matching.length && { cursor: String(start + limit) }) };
  }

  async updateFollowUp(
    record: FeedbackRecord,
    next: FollowUpState,
    counters: readonly CounterChange[],
  ): Promise<{ updated: true } | { updated: false; current?: FeedbackRecord }> {
    const stored = this.records.get(record.id);
    if (!stored || stored.followUp.version !== record.followUp.version) {
      return { updated: false, ...(stored && { current: copy(stored) }) };
    }
    this.records.set(record.id, { ...stored, followUp: copy(next) });
    const change = next.history.at(-1);
    if (change) this.history.set(record.id, [...(this.history.get(record.id) ?? []), copy(change)]);
    this.counterChanges.push(...copy(counters));
    return { updated: true };
  }

  async readDailyCounts(): Promise<DailyCounts[]> {
    return [];
  }

  async listThemeMentions(themeId: string, from: string, to: string): Promise<ThemeMention[]> {
    return [...this.records.values()].flatMap((record) =>
      record.day >= from && record.day <= to
        ? record.analysis.themes
            .filter((theme) => theme.id === themeId)
            .map((theme) => ({
              id: record.id,
              day: record.day,
              sentiment: theme.sentiment,
            }))
        : [],
    );
  }

  async listRejected(options: { limit?: number; months?: string[] } = {}): Promise<RejectedMessage[]> {
    return [...this.rejected.values()]
      .filter((reject) => !options.months || options.months.includes(reject.receivedAt.slice(0, 7)))
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .slice(0, options.limit ?? 25)
      .map(copy);
  }

  async countOpenFollowUps(department?: string): Promise<number> {
    return (
      await this.listFollowUps({
        status: 'open',
        limit: Number.MAX_SAFE_INTEGER,
        ...(department && { department }),
      })
    ).items.length;
  }

  async listFollowUpHistory(id: string): Promise<FollowUpHistoryEntry[]> {
    return copy(this.history.get(id) ?? []);
  }

  async beginAlert(id: string, now: string, leaseSeconds: number): Promise<AlertAttempt> {
    const entry = this.alerts.get(id);
    if (entry?.status === 'sent') return { status: 'sent' };
    if (entry?.leaseUntil && entry.leaseUntil >= now) return { status: 'busy' };
    const leaseUntil = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
    const delivered = entry?.delivered ?? new Set<AlertDestination>();
    this.alerts.set(id, { status: 'sending', leaseUntil, delivered });
    return { status: 'send', delivered: [...delivered] };
  }

  async recordAlertDelivery(id: string, destination: AlertDestination): Promise<void> {
    const entry = this.alerts.get(id) ?? { status: 'sending', delivered: new Set<AlertDestination>() };
    entry.delivered.add(destination);
    this.alerts.set(id, entry);
  }

  async releaseAlert(id: string): Promise<void> {
    const entry = this.alerts.get(id);
    if (entry?.status === 'sending') delete entry.leaseUntil;
  }

  async completeAlert(id: string): Promise<void> {
    const entry = this.alerts.get(id) ?? { status: 'sent', delivered: new Set<AlertDestination>() };
    entry.status = 'sent';
    delete entry.leaseUntil;
    this.alerts.set(id, entry);
  }

  async countOverdueFollowUps(now: string): Promise<number> {
    return [...this.records.values()].filter(
      (record) =>
        (record.followUp.status === 'open' || record.followUp.status === 'claimed') &&
        record.followUp.dueAt !== undefined &&
        record.followUp.dueAt < now &&
        record.followUp.contactedAt === undefined,
    ).length;
  }

  async countRejected(months: string[]): Promise<number> {
    return [...this.rejected.values()].filter((reject) => months.includes(reject.receivedAt.slice(0, 7)))
      .length;
  }

  /** Records of the period in insertion order; the cursor is the position after the page. */
  async scanFeedback(options: FeedbackScanOptions): Promise<FeedbackScanPage> {
    const start = options.cursor ? Number(options.cursor) : 0;
    const inPeriod = [...this.records.values()].filter(
      (record) => record.day >= options.from && record.day <= options.to,
    );
    const end = start + options.limit;
    return {
      items: inPeriod.slice(start, end).map(copy),
      ...(end < inPeriod.length && { cursor: String(end) }),
    };
  }
}
