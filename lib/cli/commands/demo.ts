import { parseArgs } from 'node:util';
import { startLocalPipeline } from '../../local/local-pipeline.js';
import { readFeedbackReport } from '../../reports/read-feedback-report.js';
import { loadBundledSamples, SAMPLES_FOLLOW_UP_MAX_AGE_DAYS } from '../bundled-samples.js';
import { formatReport } from '../format-report.js';
import { localDataDir, readLocalStackState } from '../local-stack-state.js';
import { UsageError } from '../usage-error.js';
import type { CommandIo } from './analyze.js';

export const demoUsage = `Usage: closeloop demo [--fresh]

The whole pipeline once, on this machine (what "npm run demo" runs): starts DynamoDB Local and an SQS
emulator, sends the bundled sample comments (and a few broken messages and a redelivery) through
the queue, lets the ingest function store them, prints what happened, NPS per department, the themes
behind the detractors and the follow-up queue, then stops. Data stays in .closeloop/ between runs,
so a second run finds every message already stored and changes nothing.

  --fresh   start from empty data
`;

/** `closeloop demo`. */
export async function runDemo(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { fresh: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    io.stdout.write(demoUsage);
    return 0;
  }
  const dataDir = localDataDir();
  if (readLocalStackState(dataDir)) {
    throw new UsageError(`"closeloop serve-local" is running on ${dataDir}: use "closeloop send" with it`);
  }
  const out = (line = '') => io.stdout.write(`${line}\n`);
  const started = performance.now();
  out('closeloop demo: starting DynamoDB Local and the SQS emulator on loopback...');
  const pipeline = await startLocalPipeline({
    dataDir,
    fresh: values.fresh === true,
    // serve-local and the deployed function follow up comments submitted within 14 days only.
    followUpMaxAgeDays: SAMPLES_FOLLOW_UP_MAX_AGE_DAYS,
  });
  const { stack } = pipeline;
  try {
    out(`  queue ${stack.queueUrl} -> ingest function -> table ${stack.tableName} (data in ${dataDir})`);
    const { sent, notSent } = await loadBundledSamples(pipeline, io.stderr);
    const { stored, duplicate, rejected, duplicate_reject } = pipeline.outcomes;
    out();
    out(
      `Messages: ${sent} sent (${notSent} could not be sent), ${stored} stored, ${rejected} rejected, ` +
        `${duplicate + duplicate_reject} duplicates ignored, ${await pipeline.deadLettered()} in the dead-letter queue`,
    );
    const urgent = pipeline.alerts.filter(({ topics }) => topics.includes('urgent')).length;
    out(
      `Alerts: ${pipeline.alerts.length} detractor alerts published (${urgent} to the urgent topic), ` +
        `each once; EventBridge events in ${pipeline.alertEventsFile}`,
    );
    const report = await readFeedbackReport(stack.store, { by: 'department' });
    out();
    io.stdout.write(formatReport(report));
    const { items } = await stack.store.listFollowUps({ limit: 10 });
    out(`  Follow-up queue (top ${items.length} of ${report.followUpsOpen} open, highest priority first)`);
    for (const record of items) {
      const who = [
        record.segment?.department,
        record.score === undefined ? undefined : `score ${record.score}`,
      ]
        .filter(Boolean)
        .join(', ');
      out(`  ${String(record.followUp.priority).padStart(3)}  ${record.id.padEnd(10)} ${who}`);
      out(`       ${record.followUp.reasons.join('; ')}`);
    }
    const rejects = await stack.store.listRejected({ limit: 5 });
    if (rejects.length > 0) {
      out();
      out('  Latest rejected messages (fix and resend them)');
      for (const reject of rejects) out(`  - ${reject.reason}: ${reject.issues.join('; ').slice(0, 100)}`);
    }
  } finally {
    await pipeline.stop();
  }
  out();
  out(`closeloop demo: done in ${((performance.now() - started) / 1000).toFixed(1)} s; emulators stopped.`);
  out(
    'Run it again to see redelivered messages ignored, or "npm start" to keep it running with the web app.',
  );
  return 0;
}
