import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { teamRosterSchema } from '../../lib/followup/team-roster.js';
import { DynamoDbFeedbackStore } from '../../lib/store/dynamodb-feedback-store.js';
import { traced } from '../tracer.js';
import { createApiHandler } from './api-router.js';

const environmentSchema = z.object({
  TABLE_NAME: z.string().min(3),
  /** Signs page cursors; every instance must share it (set by the stack from a generated secret). */
  CURSOR_SIGNING_KEY: z.string().min(32),
  /** Who works with whom (`{ "team": ["name", ...] }`), for the inbox's "my team" view; optional. */
  TEAM_ROSTER: z
    .string()
    .optional()
    .transform((text) => teamRosterSchema.parse(text ? JSON.parse(text) : {})),
});
const environment = environmentSchema.parse(process.env);

/** Lambda entry point behind the HTTP API (IAM for machine clients; the team's JWTs under /api). */
export const handler = createApiHandler({
  store: new DynamoDbFeedbackStore(traced(new DynamoDBClient({})), {
    tableName: environment.TABLE_NAME,
    cursorSigningKey: environment.CURSOR_SIGNING_KEY,
  }),
  logger: new Logger({ serviceName: 'closeloop-api' }),
  teams: environment.TEAM_ROSTER,
});
