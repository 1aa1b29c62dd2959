import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { type CursorSigner, InvalidCursorError } from './page-cursor.js';
import { fromItem, type StoreTable } from './store-table.js';
import { feedbackKey } from './table-keys.js';

/** What one export page asks for: the records submitted on days `from`..`to`, after `cursor`. */
export interface FeedbackScanOptions {
  from: string;
  to: string;
  /** Most records a page returns. */
  limit: number;
  cursor?: string;
}

export interface FeedbackScanPage {
  items: FeedbackRecord[];
  /** Set while the table has more to read: pass it back for the next page. */
  cursor?: string;
}

/**
 * Scan calls one page may make: each reads up to 1 MB, so a page answers within seconds even when a
 * narrow period matches nothing in a large table (the cursor then moves on without records).
 */
const SCAN_CALLS_PER_PAGE = 8;
const CURSOR_QUERY = 'feedback-export';

/**
 * The feedback behind a dashboard view, for a CSV export: the one read that is a Scan. No index holds
 * every record by day (the counters do the dashboard's figures), and adding one would cost a write on
 * every comment for an occasional, lead-only export; a paged Scan reads the table once per export.
 */
export class DynamoDbFeedbackExportReads {
  constructor(
    private readonly table: StoreTable,
    private readonly cursors: CursorSigner,
  ) {}

  async scanFeedback(options: FeedbackScanOptions): Promise<FeedbackScanPage> {
    let startKey = options.cursor ? this.openCursor(options.cursor) : undefined;
    const items: FeedbackRecord[] = [];
    for (let call = 0; call < SCAN_CALLS_PER_PAGE; call += 1) {
      const page = await this.table.documents.send(
        new ScanCommand({
          TableName: this.table.name,
          FilterExpression: 'SK = :record AND #day BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#day': 'day' },
          ExpressionAttributeValues: { ':record': 'FEEDBACK', ':from': options.from, ':to': options.to },
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of page.Items ?? []) {
        items.push(fromItem<FeedbackRecord>(item));
        // A Scan continues after any key of the table: the last record handed out is where to resume.
        if (items.length === options.limit) {
          const last = items.at(-1) as FeedbackRecord;
          const more = item !== page.Items?.at(-1) || page.LastEvaluatedKey !== undefined;
          return { items, ...(more && { cursor: this.signCursor(feedbackKey(last.id)) }) };
        }
      }
      startKey = page.LastEvaluatedKey as Record<string, string> | undefined;
      if (!startKey) return { items };
    }
    return { items, cursor: this.signCursor(startKey as Record<string, string>) };
  }

  private signCursor(key: Record<string, string>): string {
    return this.cursors.sign(JSON.stringify({ PK: key.PK, SK: key.SK }), CURSOR_QUERY);
  }

  /** A cursor this store signed for an export: a table key (PK and SK strings), nothing else. */
  private openCursor(cursor: string): Record<string, string> {
    const payload = this.cursors.open(cursor, CURSOR_QUERY);
    let key: unknown;
    try {
      key = JSON.parse(payload);
    } catch {
      throw new InvalidCursorError();
    }
    const { PK, SK, ...rest } = (key ?? {}) as Record<string, unknown>;
    if (typeof PK !== 'string' || typeof SK !== 'string' || Object.keys(rest).length > 0) {
      throw new InvalidCursorError();
    }
    return { PK, SK };
  }
}
