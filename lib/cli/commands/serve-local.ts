import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import { type ApiHandler, createApiHandler } from '../../../functions/api/api-router.js';
import { type TeamRoster, teamRosterSchema } from '../../followup/team-roster.js';
import { type LocalApiServer, startLocalApiServer } from '../../local/local-api-server.js';
import { startLocalPipeline } from '../../local/local-pipeline.js';
import { createLocalWebhookRoute } from '../../local/local-webhook-route.js';
import { drainOnStop, formatProgress, readProgress, reportProgress } from '../../local/pipeline-progress.js';
import { readFeedbackReport } from '../../reports/read-feedback-report.js';
import { DEFAULT_FOLLOW_UP_MAX_AGE_DAYS } from '../../store/follow-up-window.js';
import { InvalidWebhookConfigError, loadLocalWebhookSettings } from '../../webhooks/webhook-settings.js';
import { loadBundledSamples, SAMPLES_FOLLOW_UP_MAX_AGE_DAYS } from '../bundled-samples.js';
import { formatReport } from '../format-report.js';
import {
  localDataDir,
  readLocalStackState,
  removeLocalStackState,
  writeLocalStackState,
} from '../local-stack-state.js';
import { packageFile } from '../package-files.js';
import { checkReadableFile } from '../readable-file.js';
import { UsageError } from '../usage-error.js';
import { type CommandIo, readTaxonomyFile } from './analyze.js';

export const serveLocalUsage = `Usage: closeloop serve-local [--fresh] [--samples] [--port N] [--user NAME] [--team NAMES] [--taxonomy FILE]
                             [--webhooks FILE] [--follow-up-max-age-days N] [--progress-seconds N]

Runs the pipeline on this machine until interrupted: DynamoDB Local and an SQS emulator on loopback,
the feedback table and queue (with dead-letter queue), the ingest function polling the queue, the
follow-up and reports API, and the team's web app (inbox and dashboard) at the same URL, with the API
under /api. Prints a line containing "ready" and the URL when it accepts messages; send them with
"closeloop send FILE". While messages flow it prints a progress line (received, stored, rejected,
duplicates, queue depth).
Data is kept in .closeloop/ (or $CLOSELOOP_LOCAL_DIR) between runs. Every message the queue accepts
is journaled there first: Ctrl-C (or SIGTERM) finishes the queued messages before stopping (Ctrl-C
again stops at once), and whatever a stop or a crash left unfinished is replayed at the next start.

Survey tools can post signed webhooks to POST <API>/ingest/<source> (typeform, surveymonkey, qualtrics,
delighted, zendesk, formbricks, generic): secrets from CLOSELOOP_WEBHOOK_SECRET_<SOURCE> (and
CLOSELOOP_WEBHOOK_API_TOKEN_<SOURCE>, CLOSELOOP_WEBHOOK_API_URL_<SOURCE>) or the --webhooks file.
See docs/integrations.md.

  --fresh                      start from empty data
  --samples                    load the bundled sample comments and print the report before the
                               ready line ("closeloop start" and "npm start" do this); the samples
                               are dated, so their comments are followed up at any age unless
                               --follow-up-max-age-days is given
  --port N                     serve the API on this port (default: a free one, on the ready line)
  --user NAME                  the local user shown in the web app and recorded on every change
                               (default: the OS user)
  --team NAMES                 the local user's teammates, comma-separated: the inbox's "my team"
                               view shows what they and the local user own
  --webhooks FILE              webhook secrets and mapping overrides (JSON)
  --taxonomy FILE              theme taxonomy JSON, as for "closeloop analyze --taxonomy"
  --follow-up-max-age-days N   comments older than N days when they arrive get no follow-up and no
                               alert, but count in NPS and themes (default ${DEFAULT_FOLLOW_UP_MAX_AGE_DAYS})
  --progress-seconds N         seconds between progress lines (default 5)
`;

const optionsSchema = z.object({
  port: z.coerce
    .number({ error: '--port must be a number' })
    .int('--port must be a whole number')
    .min(1, '--port must be between 1 and 65535')
    .max(65535, '--port must be between 1 and 65535')
    .optional(),
  followUpMaxAgeDays: z.coerce
    .number({ error: '--follow-up-max-age-days must be a number' })
    .int('--follow-up-max-age-days must be a whole number of days')
    .min(0, '--follow-up-max-age-days must be between 0 and 3650')
    .max(3650, '--follow-up-max-age-days must be between 0 and 3650')
    .optional(),
  progressSeconds: z.coerce
    .number({ error: '--progress-seconds must be a number' })
    .min(0.1, '--progress-seconds must be between 0.1 and 3600')
    .max(3600, '--progress-seconds must be between 0.1 and 3600')
    .default(5),
});

/** Resolves on the next SIGINT or SIGTERM. */
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

function parseOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      fresh: { type: 'boolean' },
      samples: { type: 'boolean' },
      port: { type: 'string' },
      user: { type: 'string' },
      team: { type: 'string' },
      webhooks: { type: 'string' },
      taxonomy: { type: 'string' },
      'follow-up-max-age-days': { type: 'string' },
      'progress-seconds': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const parsed = optionsSchema.safeParse({
    port: values.port,
    followUpMaxAgeDays: values['follow-up-max-age-days'],
    progressSeconds: values['progress-seconds'],
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const samples = values.samples === true;
  const followUpMaxAgeDays =
    parsed.data.followUpMaxAgeDays ??
    (samples ? SAMPLES_FOLLOW_UP_MAX_AGE_DAYS : DEFAULT_FOLLOW_UP_MAX_AGE_DAYS);
  return {
    fresh: values.fresh === true,
    samples,
    taxonomy: values.taxonomy,
    user: values.user,
    team: values.team,
    webhooks: values.webhooks,
    help: values.help === true,
    ...parsed.data,
    followUpMaxAgeDays,
  };
}

/** The local user's team roster from `--team ben,carla`: one team, the local user and those named. */
export function localTeamOf(user: string, given: string | undefined): TeamRoster {
  if (given === undefined) return {};
  const parsed = teamRosterSchema.safeParse({ local: [user, ...given.split(',')] });
  if (!parsed.success) {
    throw new UsageError(
      '--team must be comma-separated names of 1-128 characters without control characters',
    );
  }
  return parsed.data;
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

async function startApi(
  handler: ApiHandler,
  port: number | undefined,
  options: Parameters<typeof startLocalApiServer>[2],
): Promise<LocalApiServer> {
  try {
    return await startLocalApiServer(handler, port, options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`--port ${port}: the port is in use`);
    if (code === 'EACCES') throw new UsageError(`--port ${port}: not allowed to listen on this port`);
    throw error;
  }
}

/** The webhook secrets and mappings (file and environment); a mistake in either is a usage error (exit 2). */
function readWebhookSettings(file: string | undefined): ReturnType<typeof loadLocalWebhookSettings> {
  if (file !== undefined) checkReadableFile(file, 'webhooks file');
  try {
    return loadLocalWebhookSettings(process.env, file);
  } catch (error) {
    if (error instanceof InvalidWebhookConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `closeloop serve-local`: runs until `until` resolves (a signal), then drains the queue with a
 * progress line (until `interruptedAgain` resolves: a second signal) and stops.
 */
export async function runServeLocal(
  args: string[],
  io: CommandIo,
  until: () => Promise<void> = untilInterrupted,
  interruptedAgain: () => Promise<void> = untilInterrupted,
): Promise<number> {
  const options = parseOptions(args);
  if (options.help) {
    io.stdout.write(serveLocalUsage);
    return 0;
  }
  const taxonomy = options.taxonomy ? readTaxonomyFile(options.taxonomy) : undefined;
  const user = localUserOf(options.user);
  const teams = localTeamOf(user, options.team);
  // Read before anything starts, so a bad file fails fast with its reason.
  const webhookSettings = readWebhookSettings(options.webhooks);
  const dataDir = localDataDir();
  const running = readLocalStackState(dataDir);
  if (running) throw new UsageError(`a local stack is already running (pid ${running.pid}) for ${dataDir}`);

  const out = (line: string) => io.stdout.write(`closeloop: ${line}\n`);
  const intervalMs = options.progressSeconds * 1000;
  const stopping = until();
  const pipeline = await startLocalPipeline({
    dataDir,
    fresh: options.fresh,
    followUpMaxAgeDays: options.followUpMaxAgeDays,
    ...(taxonomy && { analyzeOptions: { taxonomy } }),
  });
  const { stack } = pipeline;
  let stopProgress = () => {};
  try {
    const webhooks = createLocalWebhookRoute({
      settings: webhookSettings,
      sqs: stack.sqs.client,
      queueUrl: stack.queueUrl,
    });
    const api = await startApi(
      // Errors only: a 5xx is logged with its request id (never message content).
      createApiHandler({
        store: stack.store,
        logger: new Logger({ serviceName: 'closeloop-api', logLevel: 'ERROR' }),
        teams,
      }),
      options.port,
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
      if (stack.replayed > 0) {
        out(`replaying ${stack.replayed} messages accepted before the last stop and not yet handled`);
      }
      if (options.samples) {
        const { sent } = await loadBundledSamples(pipeline, io.stderr);
        const { stored, duplicate, rejected } = pipeline.outcomes;
        out(
          `sample comments: ${sent} sent, ${stored} stored, ${rejected} rejected, ${duplicate} already stored`,
        );
        io.stdout.write(formatReport(await readFeedbackReport(stack.store, { by: 'department' })));
      }
      io.stdout.write(
        `closeloop local stack ready: API ${api.url}, web app ${api.url}/ as ${user}, queue ${stack.queueUrl} (SQS ${stack.sqs.endpoint}), ` +
          `table ${stack.tableName} (DynamoDB ${stack.dynamodb.endpoint}), data in ${dataDir}\n`,
      );
      const sources = Object.keys(webhookSettings);
      if (sources.length > 0) out(`webhooks for ${sources.join(', ')} at ${api.url}/ingest/<source>`);
      io.stdout.write(`closeloop is ready: open ${api.url}/ (Ctrl-C to stop)\n`);
      stopProgress = reportProgress(pipeline, out, intervalMs);
      await stopping;
      stopProgress();
      out('stopping: handling the messages already on the queue (Ctrl-C again to stop at once)...');
      const drained = await drainOnStop(pipeline, out, interruptedAgain(), intervalMs);
      if (!drained) {
        out(`stopped before the queue was empty: ${formatProgress(await readProgress(pipeline))}`);
        out(`the rest is kept in ${dataDir} and handled at the next start`);
      }
    } finally {
      stopProgress();
      removeLocalStackState(dataDir);
      await api.stop();
    }
  } finally {
    await pipeline.stop();
  }
  const { stored, duplicate, rejected } = pipeline.outcomes;
  out(`stopped (stored ${stored}, duplicates ignored ${duplicate}, rejected ${rejected})`);
  return 0;
}
