import { createHmac } from 'node:crypto';
import { constantTimeEqual } from './constant-time.js';
import { WebhookUnauthorizedError } from './webhook-errors.js';
import { TIMESTAMP_TOLERANCE_SECONDS, type WebhookRequest, type WebhookSource } from './webhook-source.js';

/** What a check needs: the request, the source's signing secret and the time now. */
interface Check {
  request: WebhookRequest;
  secret: string;
  nowSeconds: number;
}

const hmac = (algorithm: 'sha1' | 'sha256', key: string | Buffer, ...parts: Array<string | Buffer>) => {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

function header(request: WebhookRequest, name: string): string {
  const value = request.headers[name.toLowerCase()];
  if (value === undefined || value.trim() === '')
    throw new WebhookUnauthorizedError(`missing ${name} header`);
  return value.trim();
}

function expectMatch(received: string, expected: string): void {
  if (!constantTimeEqual(received, expected)) throw new WebhookUnauthorizedError('signature does not match');
}

/** Rejects a timestamp (seconds) more than the tolerance away from now, so a captured request cannot be replayed later. */
function expectFresh(timestampSeconds: number, nowSeconds: number): void {
  if (!Number.isFinite(timestampSeconds)) throw new WebhookUnauthorizedError('timestamp is not a time');
  if (Math.abs(nowSeconds - timestampSeconds) > TIMESTAMP_TOLERANCE_SECONDS) {
    throw new WebhookUnauthorizedError('timestamp is outside the 5-minute tolerance');
  }
}

function unixSeconds(value: string): number {
  return /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
}

/** Typeform: `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the body>`. No timestamp is sent. */
function verifyTypeform({ request, secret }: Check): void {
  const expected = `sha256=${hmac('sha256', secret, request.rawBody).toString('base64')}`;
  expectMatch(header(request, 'Typeform-Signature'), expected);
}

/** SurveyMonkey: `Sm-Signature: <base64 HMAC-SHA1 of the body>`, keyed `client_id&client_secret` (the secret as configured). */
function verifySurveyMonkey({ request, secret }: Check): void {
  expectMatch(header(request, 'Sm-Signature'), hmac('sha1', secret, request.rawBody).toString('base64'));
}

/** Delighted: `X-Delighted-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body>`. No timestamp is sent. */
function verifyDelighted({ request, secret }: Check): void {
  const expected = `sha256=${hmac('sha256', secret, request.rawBody).toString('hex')}`;
  expectMatch(header(request, 'X-Delighted-Webhook-Signature'), expected);
}

/** Zendesk: base64 HMAC-SHA256 of `<timestamp><body>`; the timestamp (ISO 8601) has its own header. */
function verifyZendesk({ request, secret, nowSeconds }: Check): void {
  const signature = header(request, 'X-Zendesk-Webhook-Signature');
  const timestamp = header(request, 'X-Zendesk-Webhook-Signature-Timestamp');
  expectMatch(signature, hmac('sha256', secret, timestamp, request.rawBody).toString('base64'));
  expectFresh(Date.parse(timestamp) / 1000, nowSeconds);
}

/**
 * Standard Webhooks (Formbricks): HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` keyed with the
 * base64 part of the `whsec_` secret; `webhook-signature` lists `v1,<base64>` entries, one must match.
 */
function verifyStandardWebhook({ request, secret, nowSeconds }: Check): void {
  const id = header(request, 'webhook-id');
  const timestamp = header(request, 'webhook-timestamp');
  const signatures = header(request, 'webhook-signature');
  const encodedKey = secret.replace(/^whsec_/, '');
  // Node decodes base64 leniently (stray characters are skipped), so a mistyped secret is refused here.
  if (!/^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(encodedKey)) {
    throw new WebhookUnauthorizedError('the configured secret is not a whsec_ base64 secret');
  }
  const key = Buffer.from(encodedKey, 'base64');
  const expected = `v1,${hmac('sha256', key, `${id}.${timestamp}.`, request.rawBody).toString('base64')}`;
  // Every entry is compared, so the time taken does not tell which one matched.
  let matched = false;
  for (const entry of signatures.split(' ').filter(Boolean)) {
    if (constantTimeEqual(entry, expected)) matched = true;
  }
  if (!matched) throw new WebhookUnauthorizedError('signature does not match');
  expectFresh(unixSeconds(timestamp), nowSeconds);
}

/**
 * Qualtrics signs nothing: a Workflows web-service task sends a shared token (`X-Closeloop-Token` header
 * or basic auth password); an event subscription, which cannot set headers, carries it as `?token=` in its
 * publication URL. Either way the response itself is then fetched from Qualtrics with our API token, so a
 * forged id can at most make us read a real response again.
 */
function verifyQualtrics({ request, secret }: Check): void {
  const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
  const fromBasic = basic
    ? Buffer.from(basic[1] ?? '', 'base64')
        .toString('utf8')
        .split(':')
        .slice(1)
        .join(':')
    : '';
  const token = request.headers['x-closeloop-token'] || fromBasic || request.query.token;
  if (!token) throw new WebhookUnauthorizedError('missing token (X-Closeloop-Token, basic auth or ?token=)');
  if (!constantTimeEqual(token, secret)) throw new WebhookUnauthorizedError('token does not match');
}

/** Our own scheme: `X-Closeloop-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
function verifyGeneric({ request, secret, nowSeconds }: Check): void {
  const signature = header(request, 'X-Closeloop-Signature');
  const timestamp = header(request, 'X-Closeloop-Timestamp');
  expectMatch(
    signature,
    `sha256=${hmac('sha256', secret, `${timestamp}.`, request.rawBody).toString('hex')}`,
  );
  expectFresh(unixSeconds(timestamp), nowSeconds);
}

const verifiers: Record<WebhookSource, (check: Check) => void> = {
  typeform: verifyTypeform,
  surveymonkey: verifySurveyMonkey,
  qualtrics: verifyQualtrics,
  delighted: verifyDelighted,
  zendesk: verifyZendesk,
  formbricks: verifyStandardWebhook,
  generic: verifyGeneric,
};

/**
 * Checks that a delivery comes from the tool it claims, with that tool's documented scheme; throws
 * {@link WebhookUnauthorizedError} (401) when it is unsigned, forged, tampered with or stale.
 */
export function verifyWebhookSignature(
  source: WebhookSource,
  request: WebhookRequest,
  secret: string,
  now: Date = new Date(),
): void {
  if (secret === '') throw new WebhookUnauthorizedError('no secret configured');
  verifiers[source]({ request, secret, nowSeconds: now.getTime() / 1000 });
}
