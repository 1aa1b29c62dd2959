import * as z from 'zod';
import { alertRoutingSchema, defaultAlertRouting } from '../../lib/alerts/detractor-alert.js';
import { teamRosterSchema } from '../../lib/followup/team-roster.js';
import { webhookMappingsSchema } from '../../lib/webhooks/webhook-settings.js';
import { WEBHOOK_SOURCES, webhookSourceSchema } from '../../lib/webhooks/webhook-source.js';

/** A sign-in or sign-out URL for development: Cognito allows plain http only on localhost. */
const developmentUrlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .refine((url) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || hostname === 'localhost';
  }, 'must be https, or http on localhost');

/**
 * The deployed web app. With `deploy`, the stack adds the user pool, the managed login page, the app's
 * JWT-authorised `/api/*` routes and the CloudFront distribution; without, only the IAM API.
 */
export const webAppConfigSchema = z
  .strictObject({
    /** Whether to deploy the web app and its logins. */
    deploy: z.boolean().default(true),
    /**
     * The managed login page's domain prefix: https://<prefix>.auth.<region>.amazoncognito.com. Unique
     * per region across all AWS accounts; Cognito refuses "aws", "amazon" and "cognito" in it.
     */
    loginDomainPrefix: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
        'must be 1-63 lower-case letters, digits and inner hyphens',
      )
      .refine((prefix) => !/aws|amazon|cognito/.test(prefix), 'must not contain aws, amazon or cognito')
      .optional(),
    /** Extra sign-in/sign-out URLs besides the distribution's, e.g. a local dev server; empty in production. */
    developmentUrls: z.array(developmentUrlSchema).max(10).default([]),
    /** Multi-factor sign-in (TOTP app): required for every user, or each user's choice. */
    mfa: z.enum(['required', 'optional']).default('required'),
  })
  .refine((webApp) => !webApp.deploy || webApp.loginDomainPrefix !== undefined, {
    path: ['loginDomainPrefix'],
    message:
      'required when webApp.deploy is true (the managed login domain prefix, e.g. acme-closeloop-prod)',
  })
  .prefault({});

/**
 * Most characters the roster's JSON may have: it travels as the API function's `TEAM_ROSTER`
 * environment variable, and Lambda allows 4 KB for all of a function's variables together.
 */
export const MAX_TEAM_ROSTER_CHARACTERS = 3_000;

/**
 * Who works with whom: team name -> the members' usernames (as they sign in, as the follow-up history
 * shows them). The inbox's "My team" view shows what anyone sharing a team with the viewer owns.
 */
export const teamsConfigSchema = teamRosterSchema
  .refine((teams) => JSON.stringify(teams).length <= MAX_TEAM_ROSTER_CHARACTERS, {
    message: `the roster must fit in ${MAX_TEAM_ROSTER_CHARACTERS} characters of JSON (it is a Lambda environment variable)`,
  })
  .default({});

/**
 * One deployment of closeloop (an account and region, e.g. "prod"), from `cdk.json` context
 * `closeloop:stages.<name>`, validated here so a wrong value fails synth with a clear message.
 */
export const stageConfigSchema = z.strictObject({
  /** 12-digit AWS account id; leave out for an environment-agnostic template. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'account must be a 12-digit AWS account id')
    .optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'region must look like eu-west-1'),
  /** Production keeps its data when the stack is deleted and protects the table from deletion. */
  production: z.boolean().default(false),
  /** Days a comment (record, mentions, rejects) is kept; counters are kept for trends. 0 = forever. */
  retentionDays: z.number().int().min(0).max(3650).default(730),
  followUpSlaHours: z.number().int().min(1).max(720).default(48),
  /**
   * Comments submitted more than this many days before they arrive (a backfill of old exports) get no
   * follow-up and no alert; they still count in NPS and themes.
   */
  followUpMaxAgeDays: z.number().int().min(0).max(3650).default(14),
  alerts: z
    .strictObject({
      /** Topic name -> e-mail addresses subscribed to it. */
      emailSubscriptions: z.record(z.string().min(1), z.array(z.email())).default({}),
      routing: alertRoutingSchema.default(defaultAlertRouting),
    })
    // Parsed like a given `{}`, so the defaults above apply and are written once.
    .prefault({}),
  /** Operators' addresses for alarms (DLQ depth, errors, throttles, rejects). */
  alarmEmails: z.array(z.email()).default([]),
  /** A taxonomy JSON file (relative to the project) to use instead of or on top of the built-in one. */
  taxonomyFile: z.string().min(1).optional(),
  ingest: z
    .strictObject({
      batchSize: z.number().int().min(1).max(100).default(100),
      maxBatchingWindowSeconds: z.number().int().min(0).max(300).default(5),
      /** Upper bound on concurrent ingest invocations, so DynamoDB is not flooded (2-1000). */
      maxConcurrency: z.number().int().min(2).max(1000).default(10),
      maxReceiveCount: z.number().int().min(1).max(1000).default(5),
    })
    .prefault({}),
  /** Signed webhook ingest for survey tools (docs/integrations.md). */
  webhooks: z
    .strictObject({
      /** Sources given an endpoint and a secret; an empty list deploys no webhook endpoint. */
      sources: z.array(webhookSourceSchema).default([...WEBHOOK_SOURCES]),
      /** Per-source mapping overrides: which question is the score, the comment, the segment fields. */
      mappings: webhookMappingsSchema.default({}),
      /** Steady requests per second and burst over all webhook routes, so a flood cannot run up costs. */
      rateLimit: z.number().int().min(1).max(10_000).default(20),
      burstLimit: z.number().int().min(1).max(5_000).default(40),
      /** 401 answers in 5 minutes that raise an alarm (a wrong secret in a tool, or someone probing). */
      unauthorizedAlarmThreshold: z.number().int().min(1).default(10),
    })
    .prefault({}),
  /** The CX team's web app: Cognito logins, the app on S3 behind CloudFront (docs/web-app.md). */
  webApp: webAppConfigSchema,
  /** The team roster for the inbox's "My team" view, set as the API function's `TEAM_ROSTER`. */
  teams: teamsConfigSchema,
});

export type StageConfig = z.infer<typeof stageConfigSchema>;

export class InvalidStageConfigError extends Error {
  constructor(stage: string, issues: string[]) {
    super(`closeloop stage "${stage}" is not configured correctly in cdk.json:\n  ${issues.join('\n  ')}`);
    this.name = 'InvalidStageConfigError';
  }
}

/** The named stage's configuration from the `closeloop:stages` context value. */
export function loadStageConfig(stages: unknown, stage: string | undefined): StageConfig {
  if (!stage) throw new InvalidStageConfigError('(none)', ['choose a stage: cdk synth -c stage=<name>']);
  const all = (stages ?? {}) as Record<string, unknown>;
  if (!(stage in all)) {
    throw new InvalidStageConfigError(stage, [
      `no such stage; configured stages: ${Object.keys(all).join(', ') || 'none'}`,
    ]);
  }
  const parsed = stageConfigSchema.safeParse(all[stage]);
  if (!parsed.success) {
    throw new InvalidStageConfigError(
      stage,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
