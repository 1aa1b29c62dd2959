import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, LOCAL_TABLE_NAME } from '../../local/local-names.js';
import { readFeedbackReport } from '../../reports/read-feedback-report.js';
import { listRejects, rejectSummary } from '../../reports/rejects-query.js';
import { reportQuerySchema } from '../../reports/report-query.js';
import { DynamoDbFeedbackStore } from '../../store/dynamodb-feedback-store.js';
import { checkTableName, requireAwsConfig } from '../aws-target.js';
import { formatIdConflicts, formatReport } from '../format-report.js';
import { localDataDir, readLocalStackState } from '../local-stack-state.js';
import { UsageError } from '../usage-error.js';
import type { CommandIo } from './analyze.js';

export const reportUsage = `Usage: closeloop report [--json] [--from DATE] [--to DATE] [--by department|team|agent|product|day|week]
                        [--table NAME]

NPS, theme drivers, open follow-ups and rejects from what is stored: in the running local stack, else
in the local data folder, or in the DynamoDB table NAME with your AWS credentials.

  --json         one JSON object instead of tables
  --from, --to   first and last day, yyyy-mm-dd (default: everything stored)
  --by           NPS per segment value, per day or per ISO week
`;

/** `closeloop report`. */
export async function runReport(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      table: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout.write(reportUsage);
    return 0;
  }
  const query = reportQuerySchema.safeParse({ from: values.from, to: values.to, by: values.by });
  if (!query.success) {
    const [issue] = query.error.issues;
    throw new UsageError(`--${String(issue?.path[0])} ${issue?.message}`);
  }
  const options = {
    ...(query.data.from && { from: query.data.from }),
    ...(query.data.to && { to: query.data.to }),
    ...(query.data.by && { by: query.data.by }),
  };

  const { client, tableName, close } = await openTable(values.table);
  try {
    const store = new DynamoDbFeedbackStore(client, { tableName });
    // Two comments given one id: never silently dropped, so listed where the figures are read.
    // Both read at once: each is a few round trips to the table.
    const [report, conflicts] = await Promise.all([
      readFeedbackReport(store, options),
      listRejects(store, { limit: 20, reason: 'id conflict' }),
    ]);
    const idConflicts = conflicts.map(rejectSummary);
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ ...report, idConflicts })}\n`
        : formatReport(report) + formatIdConflicts(idConflicts),
    );
    return 0;
  } finally {
    await close();
  }
}

/** The table to read: a deployed one, the running local stack's, or the local data on disk. */
async function openTable(table: string | undefined) {
  if (table) {
    checkTableName(table);
    const client = new DynamoDBClient({});
    await requireAwsConfig(client);
    return { client, tableName: table, close: async () => client.destroy() };
  }
  const dataDir = localDataDir();
  const running = readLocalStackState(dataDir);
  if (running) {
    const client = new DynamoDBClient({
      endpoint: running.dynamodbEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    return { client, tableName: running.tableName, close: async () => client.destroy() };
  }
  const stored = join(dataDir, 'dynamodb');
  if (!existsSync(stored)) {
    throw new UsageError(
      `no local data in ${dataDir}: run "npm start" or "closeloop serve-local" first, or pass --table`,
    );
  }
  // Only here is DynamoDB Local started, so only here is its launcher loaded.
  const { startLocalDynamoDb } = await import('../../local/local-dynamodb.js');
  const dynamodb = await startLocalDynamoDb({ dataDir: stored });
  return { client: dynamodb.client, tableName: LOCAL_TABLE_NAME, close: () => dynamodb.stop() };
}
