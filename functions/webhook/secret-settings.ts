import type { WebhookMappings } from '../../lib/webhooks/webhook-settings.js';
import {
  toSourceSettings,
  type WebhookSourceSettings,
  webhookCredentialsSchema,
} from '../../lib/webhooks/webhook-settings.js';
import type { WebhookSource } from '../../lib/webhooks/webhook-source.js';

/**
 * Settings of a source from its Secrets Manager secret (a plain signing secret, or JSON with `secret`,
 * `apiToken`, `apiBaseUrl`), read through `getSecret` (cached by the caller); undefined when the source
 * has no secret or it is not valid, so its deliveries are refused.
 */
export function createSecretSettings(options: {
  secretNames: Partial<Record<WebhookSource, string>>;
  mappings: WebhookMappings;
  getSecret: (name: string) => Promise<string | undefined>;
}) {
  return async (source: WebhookSource): Promise<WebhookSourceSettings | undefined> => {
    const name = options.secretNames[source];
    if (!name) return undefined;
    const value = await options.getSecret(name);
    if (value === undefined) return undefined;
    let parsed: unknown = value;
    if (value.trim().startsWith('{')) {
      try {
        parsed = JSON.parse(value);
      } catch {
        return undefined;
      }
    }
    const credentials = webhookCredentialsSchema.safeParse(parsed);
    return credentials.success
      ? toSourceSettings(source, credentials.data, options.mappings[source])
      : undefined;
  };
}
