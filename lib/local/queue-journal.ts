import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/**
 * The local SQS emulator keeps its messages in memory. This journal is what makes the local stack keep
 * what it accepted anyway: every message the feedback queue accepts is appended (and fsync'd) before
 * the sender is told it was sent, and every message the ingest poller deleted after handling it is
 * marked done. A stack that is killed, even with -9, replays the accepted-but-not-done messages on its
 * next start. Replaying one that was stored but not yet marked is harmless: the store is idempotent by id.
 */
export class QueueJournal {
  private fd: number | undefined;
  /** Accepted in this run and not yet handled: when none is left, the journal holds nothing to replay. */
  private readonly pending = new Set<string>();

  private constructor(private readonly path: string) {}

  /**
   * Opens the journal in `dataDir` for appending, readable by its owner only: it holds the raw
   * messages, customers' words and personal data, until they are handled.
   */
  static open(dataDir: string): QueueJournal {
    const journal = new QueueJournal(journalPath(dataDir));
    journal.fd = openSync(journal.path, 'a', OWNER_ONLY);
    fchmodSync(journal.fd, OWNER_ONLY);
    return journal;
  }

  /** Records accepted messages durably: returns once they are on disk. */
  accepted(messages: ReadonlyArray<{ messageId: string; body: string }>): void {
    if (messages.length === 0 || this.fd === undefined) return;
    writeSync(
      this.fd,
      messages.map((m) => `${JSON.stringify({ accepted: m.messageId, body: m.body })}\n`).join(''),
    );
    fsyncSync(this.fd);
    for (const { messageId } of messages) this.pending.add(messageId);
  }

  /**
   * Records messages handled and deleted from the queue. Not fsync'd: a mark lost in a crash only
   * replays a stored message, which the store recognises as a duplicate. Once every message accepted
   * in this run is handled, the journal is emptied instead: the raw messages (personal data) do not
   * stay on disk after they are stored, and a crash then has nothing to replay.
   */
  done(messageIds: readonly string[]): void {
    if (messageIds.length === 0 || this.fd === undefined) return;
    for (const id of messageIds) this.pending.delete(id);
    if (this.pending.size === 0) ftruncateSync(this.fd, 0);
    else writeSync(this.fd, `${JSON.stringify({ done: messageIds })}\n`);
  }

  /** Empties the journal: for a clean stop with the queue drained, or a fresh start. */
  clear(): void {
    this.close();
    this.fd = openSync(this.path, 'w', OWNER_ONLY);
    fsyncSync(this.fd);
    this.pending.clear();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The journals hold raw messages: no other user of the machine may read them. */
const OWNER_ONLY = 0o600;

const journalPath = (dataDir: string) => join(dataDir, 'queue-journal.jsonl');
const replayPath = (dataDir: string) => join(dataDir, 'queue-journal.replaying.jsonl');

const lineSchema = z.union([
  z.object({ accepted: z.string(), body: z.string() }),
  z.object({ done: z.array(z.string()) }),
]);

/** Bodies accepted and not marked done, in the order they were accepted. */
export function pendingBodies(text: string): string[] {
  const pending = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: z.infer<typeof lineSchema>;
    try {
      parsed = lineSchema.parse(JSON.parse(line));
    } catch {
      // A line cut short by a crash mid-write: it was never fsync'd, so its sender was never told "sent".
      continue;
    }
    if ('accepted' in parsed) pending.set(parsed.accepted, parsed.body);
    else for (const id of parsed.done) pending.delete(id);
  }
  return [...pending.values()];
}

/**
 * Takes the messages a previous run accepted and never finished, moving its journal aside so the new
 * run starts an empty one. Call `finishReplay` once they are sent to the new queue (and so journaled
 * again); a crash before that finds the moved file on the next start and replays it then.
 */
export function takePendingMessages(dataDir: string): string[] {
  const journal = journalPath(dataDir);
  const replay = replayPath(dataDir);
  let text = existsSync(replay) ? readFileSync(replay, 'utf8') : '';
  if (existsSync(journal)) {
    // Earlier replay (if a crash cut it short) plus this journal, into the replay file, then the
    // journal goes. A crash in between replays both next time: lines are keyed by message id, so
    // the overlap is read once.
    text += `\n${readFileSync(journal, 'utf8')}`;
    writeAll(`${replay}.tmp`, text);
    renameSync(`${replay}.tmp`, replay);
    rmSync(journal);
  }
  return pendingBodies(text);
}

function writeAll(path: string, text: string): void {
  const fd = openSync(path, 'w', OWNER_ONLY);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The replayed messages are on the new queue and in the new journal: the old journal can go. */
export function finishReplay(dataDir: string): void {
  rmSync(replayPath(dataDir), { force: true });
}

/** A fresh start: no journal, nothing to replay. */
export function discardJournal(dataDir: string): void {
  rmSync(journalPath(dataDir), { force: true });
  rmSync(replayPath(dataDir), { force: true });
}
