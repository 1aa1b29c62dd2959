import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { issueLines } from '../feedback/issue-lines.js';
import type { VendorApiAccess } from './fetch-vendor-json.js';
import { type WebhookMapping, webhookMappingSchema } from './webhook-mapping.js';
import { WEBHOOK_SOURCES, type WebhookSource, webhookSourceSchema } from './webhook-source.js';

/** What verifying and reading one source's webhooks takes. */
export interface WebhookSourceSettings {
  /** The signing secret (Qualtrics: the shared token; SurveyMonkey: `client_id&client_secret`). */
  secret: string;
  mapping: WebhookMapping;
  /** For sources that send only ids (SurveyMonkey, Qualtrics). */
  api?: VendorApiAccess;
}

/** Where the API of a source that sends only ids lives, when not configured. */
const DEFAULT_API_BASE_URLS: Partial<Record<WebhookSource, string>> = {
  surveymonkey: 'https://api.surveymonkey.com',
};

/**
 * One source's credentials: the value of its Secrets Manager secret when deployed, or its entry in the
 * local config file. A plain string is the signing secret alone.
 */
export const webhookCredentialsSchema = z.union([
  z
    .string()
    .min(1)
    .transform((secret) => ({ secret })),
  z.strictObject({
    secret: z.string().min(1),
    apiToken: z.string().min(1).optional(),
    apiBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  }),
]);
export type WebhookCredentials = z.output<typeof webhookCredentialsSchema>;

/** Per-source mapping overrides (`webhooks.mappings` in cdk.json, `mappings` in the local file). */
export const webhookMappingsSchema = z.partialRecord(webhookSourceSchema, webhookMappingSchema);
export type WebhookMappings = z.infer<typeof webhookMappingsSchema>;

/** The local config file (`closeloop serve-local --webhooks FILE`). */
export const localWebhookConfigSchema = z.strictObject({
  sources: z.partialRecord(webhookSourceSchema, webhookCredentialsSchema).default({}),
  mappings: webhookMappingsSchema.default({}),
});

export class InvalidWebhookConfigError extends Error {
  constructor(where: string, issues: string[]) {
    super(`webhook configuration in ${where} is not valid:\n  ${issues.join('\n  ')}`);
    this.name = 'InvalidWebhookConfigError';
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidWebhookConfigError(where, issueLines(result.error.issues));
  }
  return result.data;
}

/** Settings from credentials and the source's mapping. */
export function toSourceSettings(
  source: WebhookSource,
  credentials: WebhookCredentials,
  mapping: WebhookMapping = {},
): WebhookSourceSettings {
  const { secret } = credentials;
  const apiToken = 'apiToken' in credentials ? credentials.apiToken : undefined;
  const apiBaseUrl =
    ('apiBaseUrl' in credentials ? credentials.apiBaseUrl : undefined) ?? DEFAULT_API_BASE_URLS[source];
  return { secret, mapping, ...(apiToken && apiBaseUrl && { api: { apiToken, apiBaseUrl } }) };
}

/**
 * Local settings: a JSON file (optional) overlaid by `CLOSELOOP_WEBHOOK_SECRET_<SOURCE>`,
 * `CLOSELOOP_WEBHOOK_API_TOKEN_<SOURCE>` and `CLOSELOOP_WEBHOOK_API_URL_<SOURCE>`. A source with no
 * secret is absent, and its webhooks are refused.
 */
export function loadLocalWebhookSettings(
  env: Readonly<Record<string, string | undefined>>,
  configFile?: string,
): Partial<Record<WebhookSource, WebhookSourceSettings>> {
  let fileValue: unknown = {};
  if (configFile) {
    try {
      // Windows Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
      fileValue = JSON.parse(readFileSync(configFile, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new InvalidWebhookConfigError(configFile, [(error as Error).message]);
    }
  }
  const file = parseOrThrow(localWebhookConfigSchema, fileValue, configFile ?? 'the environment');
  const settings: Partial<Record<WebhookSource, WebhookSourceSettings>> = {};
  for (const source of WEBHOOK_SOURCES) {
    const name = source.toUpperCase();
    const fromFile = file.sources[source];
    const merged = {
      ...(fromFile && (typeof fromFile === 'string' ? { secret: fromFile } : fromFile)),
      ...(env[`CLOSELOOP_WEBHOOK_SECRET_${name}`] && { secret: env[`CLOSELOOP_WEBHOOK_SECRET_${name}`] }),
      ...(env[`CLOSELOOP_WEBHOOK_API_TOKEN_${name}`] && {
        apiToken: env[`CLOSELOOP_WEBHOOK_API_TOKEN_${name}`],
      }),
      ...(env[`CLOSELOOP_WEBHOOK_API_URL_${name}`] && {
        apiBaseUrl: env[`CLOSELOOP_WEBHOOK_API_URL_${name}`],
      }),
    };
    if (!('secret' in merged)) continue;
    const credentials = parseOrThrow(webhookCredentialsSchema, merged, `the settings of ${source}`);
    settings[source] = toSourceSettings(source, credentials, file.mappings[source]);
  }
  return settings;
}
