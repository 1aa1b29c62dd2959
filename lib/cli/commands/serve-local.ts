import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { createApiHandler } from '../../../functions/api/api-router.js';
import { startLocalApiServer } from '../../local/local-api-server.js';
import { startLocalPipeline } from '../../local/local-pipeline.js';
import { createLocalWebhookRoute } from '../../local/local-webhook-route.js';
import { loadLocalWebhookSettings } from '../../webhooks/webhook-settings.js';
import {
  localDataDir,
  readLocalStackState,
  removeLocalStackState,
  writeLocalStackState,
} from '../local-stack-state.js';
import { packageFile } from '../package-files.js';
import { UsageError } from '../usage-error.js';
import type { CommandIo } from './analyze.js';

export const serveLocalUsage = `Usage: closeloop serve-local [--fresh] [--user NAME] [--webhooks FILE]

Runs the pipeline on this machine until interrupted: DynamoDB Local and an SQS emulator on loopback,
the feedback table and queue (with dead-letter queue), the ingest function polling the queue, and the
follow-up and reports API, and the team's web app (inbox and dashboard) at the same URL, with the API
under /api. Prints a line containing "ready" and the URL when it accepts messages; send them with
"closeloop send FILE".
Data is kept in .closeloop/ (or $CLOSELOOP_LOCAL_DIR) between runs.

Survey tools can post signed webhooks to POST <API>/ingest/<source> (typeform, surveymonkey, qualtrics,
delighted, zendesk, formbricks, generic): secrets from CLOSELOOP_WEBHOOK_SECRET_<SOURCE> (and
CLOSELOOP_WEBHOOK_API_TOKEN_<SOURCE>, CLOSELOOP_WEBHOOK_API_URL_<SOURCE>) or the --webhooks file.
See docs/integrations.md.

  --fresh          start from empty data
  --user NAME      the local user shown in the web app and recorded on every change (default: the OS user)
  --webhooks FILE  webhook secrets and mapping overrides (JSON)
`;

/** Resolves on SIGINT or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** The OS user; `userInfo` throws where the uid has no passwd entry (some containers). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'local';
  }
}

/** The local user's name: as given (trimmed, 1-128 characters, no control characters), else the OS user. */
export function localUserOf(given: string | undefined): string {
  const name = (given ?? osUser()).trim();
  if (name.length === 0 || name.length > 128 || /\p{Cc}/u.test(name)) {
    throw new UsageError('--user must be a name of 1-128 characters without control characters');
  }
  return name;
}

/** `closeloop serve-local`: runs until `until` resolves (a signal), then drains and stops. */
export async function runServeLocal(
  args: string[],
  io: CommandIo,
  until: () => Promise<void> = untilInterrupted,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      fresh: { type: 'boolean' },
      user: { type: 'string' },
      help: { type: 'boolean' },
      webhooks: { type: 'string' },
    },
  });
  if (values.help) {
    io.stdout.write(serveLocalUsage);
    return 0;
  }
  const user = localUserOf(values.user);
  // Read before anything starts, so a bad file fails fast with its reason.
  const webhookSettings = loadLocalWebhookSettings(process.env, values.webhooks);
  const dataDir = localDataDir();
  const running = readLocalStackState(dataDir);
  if (running) throw new UsageError(`a local stack is already running (pid ${running.pid}) for ${dataDir}`);

  const stopping = until();
  const pipeline = await startLocalPipeline({
    dataDir,
    fresh: values.fresh === true,
  });
  const { stack } = pipeline;
  const webhooks = createLocalWebhookRoute({
    settings: webhookSettings,
    sqs: stack.sqs.client,
    queueUrl: stack.queueUrl,
  });
  const api = await startLocalApiServer(
    // Errors only: a 5xx is logged with its request id (never message content).
    createApiHandler({
      store: stack.store,
      logger: new Logger({ serviceName: 'closeloop-api', logLevel: 'ERROR' }),
    }),
    0,
    { routes: [webhooks], web: { root: packageFile('dist', 'web'), user } },
  );
  try {
    writeLocalStackState(dataDir, {
      pid: process.pid,
      sqsEndpoint: stack.sqs.endpoint,
      queueUrl: stack.queueUrl,
      dlqUrl: stack.dlqUrl,
      dynamodbEndpoint: stack.dynamodb.endpoint,
      tableName: stack.tableName,
      apiUrl: api.url,
    });
    io.stdout.write(
      `closeloop local stack ready: API ${api.url}, web app ${api.url}/ as ${user}, queue ${stack.queueUrl} (SQS ${stack.sqs.endpoint}), ` +
        `table ${stack.tableName} (DynamoDB ${stack.dynamodb.endpoint}), data in ${dataDir}\n`,
    );
    const sources = Object.keys(webhookSettings);
    if (sources.length > 0) {
      io.stdout.write(`closeloop: webhooks for ${sources.join(', ')} at ${api.url}/ingest/<source>\n`);
    }
    await stopping;
    io.stdout.write('closeloop: stopping, finishing the batches in flight...\n');
  } finally {
    removeLocalStackState(dataDir);
    await api.stop();
    await pipeline.stop();
  }
  const { stored, duplicate, rejected } = pipeline.outcomes;
  io.stdout.write(
    `closeloop: stopped (stored ${stored}, duplicates ignored ${duplicate}, rejected ${rejected})\n`,
  );
  return 0;
}
