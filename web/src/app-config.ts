import * as z from 'zod/mini';

/**
 * `/config.json`, read at start: `serve-local` answers it with the local user; a deploy writes it next
 * to the app with the login settings (infra/constructs/web-hosting.ts, `DeployedAppConfig`).
 */
const localConfigSchema = z.object({
  mode: z.literal('local'),
  user: z.string().check(z.minLength(1), z.maxLength(128)),
  apiBase: z.string().check(z.regex(/^\/[\w/-]*$/)),
});

const deployedConfigSchema = z.object({
  mode: z.literal('deployed'),
  apiBase: z.string().check(z.regex(/^\/[\w/-]*$/)),
  region: z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/)),
  userPoolId: z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/)),
  clientId: z.string().check(z.regex(/^[0-9a-z]{1,128}$/)),
  // Only Cognito's own login domains: the app sends the user (and the code) nowhere else.
  loginOrigin: z.string().check(z.regex(/^https:\/\/[a-z0-9-]+\.auth\.[a-z0-9-]+\.amazoncognito\.com$/)),
});

export const appConfigSchema = z.discriminatedUnion('mode', [localConfigSchema, deployedConfigSchema]);
export type AppConfig = z.infer<typeof appConfigSchema>;
export type DeployedAppConfig = z.infer<typeof deployedConfigSchema>;

/** The app's configuration, or an error naming what is wrong with it. */
export async function loadAppConfig(): Promise<AppConfig> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const parsed = appConfigSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new Error(`config.json is not valid (${[...new Set(fields)].join(', ')})`);
  }
  return parsed.data;
}
