import { UsageError } from './usage-error.js';

/** What the SDK clients share: region and credentials resolved from the environment or profile. */
interface AwsClient {
  config: { region: () => Promise<string>; credentials: () => Promise<unknown> };
}

/**
 * The region in an SQS queue URL (`https://sqs.eu-west-1.amazonaws.com/123456789012/name`), so
 * `send --queue-url` works without AWS_REGION; undefined for other hosts (an emulator).
 */
export function regionOfQueueUrl(queueUrl: string): string | undefined {
  return /^sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(new URL(queueUrl).hostname)?.[1];
}

/** Refuses a --queue-url that is not an http(s) URL, before any message is read. */
export function checkQueueUrl(queueUrl: string): void {
  let url: URL | undefined;
  try {
    url = new URL(queueUrl);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new UsageError(
      `--queue-url ${JSON.stringify(queueUrl)} is not a queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue>)`,
    );
  }
}

/** DynamoDB's rule for table names. */
export function checkTableName(table: string): void {
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(table)) {
    throw new UsageError(`--table ${JSON.stringify(table)} is not a table name (3-255 of A-Z a-z 0-9 _ . -)`);
  }
}

/**
 * Fails with a usage error when the SDK finds no region or no credentials: it would otherwise fail
 * every request, one line per message, or crash with a stack trace.
 */
export async function requireAwsConfig(client: AwsClient): Promise<void> {
  try {
    await client.config.region();
  } catch {
    throw new UsageError('no AWS region is set: set AWS_REGION (or a region in your AWS profile)');
  }
  try {
    await client.config.credentials();
  } catch {
    throw new UsageError(
      'no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  }
}
