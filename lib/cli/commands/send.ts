import { createReadStream, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { feedbackMessageSchema } from '../../feedback/feedback-message.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-dynamodb.js';
import { type SendFeedbackResult, sendFeedback } from '../../queue/send-feedback.js';
import { localDataDir, readLocalStackState } from '../local-stack-state.js';
import { formatFromPath, type InputFormat, readFeedbackLines } from '../read-feedback-lines.js';
import { UsageError } from '../usage-error.js';
import type { CommandIo } from './analyze.js';

export const sendUsage = `Usage: closeloop send FILE [--queue-url URL] [--endpoint URL] [--format jsonl|csv]

Sends feedback messages from FILE (JSONL or CSV) to the ingest queue: the running local stack
(closeloop serve-local) by default, or the SQS queue at --queue-url with your AWS credentials.
Lines that fail the message schema are reported and still sent, so the pipeline stores them as
rejects with their reason; lines that are not JSON are reported and skipped.

  --queue-url URL   SQS queue URL to send to
  --endpoint URL    SQS endpoint, for another emulator
  --format FORMAT   jsonl or csv; by default taken from the file extension
`;

/**
 * Reads a feedback file and sends every JSON line to the queue; returns what was sent and how many
 * lines could not be read. Problems are written to `stderr` with their line numbers.
 */
export async function sendFeedbackFile(
  client: SQSClient,
  queueUrl: string,
  path: string,
  format: InputFormat,
  stderr: CommandIo['stderr'],
): Promise<SendFeedbackResult & { unreadable: number; lines: number[] }> {
  const messages: unknown[] = [];
  const lines: number[] = [];
  let unreadable = 0;
  for await (const record of readFeedbackLines(createReadStream(path), format)) {
    if ('error' in record) {
      unreadable++;
      stderr.write(`line ${record.line}: ${record.error} (not sent)\n`);
      continue;
    }
    const parsed = feedbackMessageSchema.safeParse(record.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      stderr.write(`line ${record.line}: ${issues.join('; ')} (sent; the pipeline will reject it)\n`);
    }
    messages.push(record.value);
    lines.push(record.line);
  }
  const result = await sendFeedback(client, queueUrl, messages, { sendInvalid: true });
  for (const failure of result.failed) {
    stderr.write(`line ${lines[failure.index]}: not sent: ${failure.reason}\n`);
  }
  return { ...result, unreadable, lines };
}

/** `closeloop send`: exit code 1 when any line was not sent. */
export async function runSend(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'queue-url': { type: 'string' },
      endpoint: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout.write(sendUsage);
    return 0;
  }
  const path = positionals[0];
  if (path === undefined || positionals.length > 1) throw new UsageError('send takes one input file');
  if (!existsSync(path)) throw new UsageError(`input file not found: ${path}`);
  if (values.format !== undefined && values.format !== 'jsonl' && values.format !== 'csv') {
    throw new UsageError(`unknown format "${values.format}": use jsonl or csv`);
  }
  const format = (values.format as InputFormat | undefined) ?? formatFromPath(path);

  let queueUrl = values['queue-url'];
  let client: SQSClient;
  if (queueUrl) {
    client = new SQSClient(values.endpoint ? { endpoint: values.endpoint } : {});
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
    const result = await sendFeedbackFile(client, queueUrl, path, format, io.stderr);
    const failed = result.failed.length + result.unreadable;
    io.stdout.write(`sent ${result.sent} (${result.sentInvalid} of them invalid), failed ${failed}\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    client.destroy();
  }
}
