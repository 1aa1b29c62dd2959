import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { feedbackMessageSchema } from '../../feedback/feedback-message.js';
import { issueLines } from '../../feedback/issue-lines.js';
import { ImportHeaderError } from '../../import/map-columns.js';
import {
  type FeedbackRecord,
  type ImportOptions,
  type InputFormat,
  readFeedbackRecords,
  SKIP_REASON_WORDS,
  type SkipReason,
} from '../../import/read-feedback-records.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-dynamodb.js';
import { type SendFailure, sendFeedback } from '../../queue/send-feedback.js';
import { checkQueueUrl, regionOfQueueUrl, requireAwsConfig } from '../aws-target.js';
import { describeImportStart, importArgOptions, importUsage, toImportOptions } from '../import-options.js';
import { localDataDir, readLocalStackState } from '../local-stack-state.js';
import { checkReadableFile } from '../readable-file.js';
import { UsageError } from '../usage-error.js';
import type { CommandIo } from './analyze.js';

export const sendUsage = `Usage: closeloop send FILE [--queue-url URL] [--endpoint URL] [input options]

Sends feedback from FILE (JSONL messages, or a CSV/TSV survey export) to the ingest queue: the
running local stack (closeloop serve-local) by default, or the SQS queue at --queue-url with your
AWS credentials. The file is read as a stream, so its size does not matter.

Every line that cannot be read (bad JSON, broken quoting, extra cells, an unreadable date or score)
is reported with its line number and skipped; every other line is sent, whatever comes before or
after. A message that fails the message schema is reported and still sent, so the pipeline stores it
as a reject with its reason ("closeloop report" lists them). The summary counts sent, failed (to
send) and skipped lines by reason; the exit code is 1 when any line was skipped or failed.

  --queue-url URL   SQS queue URL to send to
  --endpoint URL    SQS endpoint, for another emulator

${importUsage}`;

/** Messages handed to the queue client at a time: bounds memory whatever the file size. */
const SEND_CHUNK = 500;

export interface SendFileResult {
  sent: number;
  /** Sent although they fail the schema: the pipeline stores them as rejects. */
  sentInvalid: number;
  /** Messages the queue did not take, with their line. */
  failed: Array<SendFailure & { line: number }>;
  /** Lines skipped before sending, by reason. */
  skipped: Partial<Record<SkipReason, number>>;
  /** All skipped lines. */
  unreadable: number;
}

/** `2 (1 extra cells, 1 unreadable date)` */
export function formatSkipped(result: Pick<SendFileResult, 'skipped' | 'unreadable'>): string {
  const reasons = Object.entries(result.skipped).map(
    ([reason, count]) => `${count} ${SKIP_REASON_WORDS[reason as SkipReason]}`,
  );
  return reasons.length === 0 ? String(result.unreadable) : `${result.unreadable} (${reasons.join(', ')})`;
}

/**
 * Streams a feedback file to the queue in chunks of {@link SEND_CHUNK}: skipped lines and messages that
 * could not be sent are written to `stderr` with their line numbers.
 */
export async function sendFeedbackFile(
  client: SQSClient,
  queueUrl: string,
  path: string,
  input: InputFormat | ImportOptions,
  stderr: CommandIo['stderr'],
): Promise<SendFileResult> {
  const options: ImportOptions = typeof input === 'string' ? { format: input } : input;
  const result: SendFileResult = { sent: 0, sentInvalid: 0, failed: [], skipped: {}, unreadable: 0 };
  let chunk: Array<FeedbackRecord & { message: unknown }> = [];
  const flush = async () => {
    const outcome = await sendFeedback(
      client,
      queueUrl,
      chunk.map((record) => record.message),
      { sendInvalid: true },
    );
    result.sent += outcome.sent;
    result.sentInvalid += outcome.sentInvalid;
    for (const failure of outcome.failed) {
      const line = (chunk[failure.index] as { line: number }).line;
      stderr.write(`line ${line}: not sent: ${failure.reason}\n`);
      result.failed.push({ ...failure, line });
    }
    chunk = [];
  };
  const records = readFeedbackRecords(createReadStream(path), {
    ...options,
    onStart: (start) => describeImportStart(start, stderr),
  });
  for await (const record of records) {
    if ('skipped' in record) {
      result.unreadable++;
      result.skipped[record.skipped] = (result.skipped[record.skipped] ?? 0) + 1;
      stderr.write(`line ${record.line}: ${record.detail} (skipped)\n`);
      continue;
    }
    const parsed = feedbackMessageSchema.safeParse(record.message);
    if (!parsed.success) {
      const issues = issueLines(parsed.error.issues);
      stderr.write(`line ${record.line}: ${issues.join('; ')} (sent; the pipeline will reject it)\n`);
    }
    chunk.push(record);
    if (chunk.length >= SEND_CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  return result;
}

/** `closeloop send`: exit code 1 when any line was skipped or not sent, 2 for a usage mistake. */
export async function runSend(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'queue-url': { type: 'string' },
      endpoint: { type: 'string' },
      help: { type: 'boolean' },
      ...importArgOptions,
    },
  });
  if (values.help) {
    io.stdout.write(sendUsage);
    return 0;
  }
  const path = positionals[0];
  if (path === undefined || positionals.length > 1) throw new UsageError('send takes one input file');
  checkReadableFile(path, 'input file');
  const importOptions = toImportOptions(values, path);

  let queueUrl = values['queue-url'];
  let client: SQSClient;
  if (queueUrl) {
    checkQueueUrl(queueUrl);
    const region = process.env.AWS_REGION ? undefined : regionOfQueueUrl(queueUrl);
    client = new SQSClient({
      ...(values.endpoint && { endpoint: values.endpoint }),
      ...(region && { region }),
    });
    await requireAwsConfig(client);
  } else {
    const local = readLocalStackState(localDataDir());
    if (!local) {
      throw new UsageError('no local stack is running: start "closeloop serve-local" or pass --queue-url');
    }
    queueUrl = local.queueUrl;
    client = new SQSClient({
      endpoint: local.sqsEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
  }
  try {
    const result = await sendFeedbackFile(client, queueUrl, path, importOptions, io.stderr);
    io.stdout.write(
      `sent ${result.sent} (${result.sentInvalid} of them invalid), failed ${result.failed.length}, ` +
        `skipped ${formatSkipped(result)}\n`,
    );
    return result.failed.length + result.unreadable > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportHeaderError) throw new UsageError(error.message);
    throw error;
  } finally {
    client.destroy();
  }
}
