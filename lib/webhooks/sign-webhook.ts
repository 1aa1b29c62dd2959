import { createHmac } from 'node:crypto';
import type { WebhookSource } from './webhook-source.js';

/**
 * The headers a source would send with `body`: what tests, the benchmark and `docs/integrations.md`'s
 * examples use to make a correctly signed delivery. For Qualtrics, the shared token header.
 */
export function signWebhook(
  source: WebhookSource,
  body: string | Buffer,
  secret: string,
  now: Date = new Date(),
  webhookId = `msg_${now.getTime()}`,
): Record<string, string> {
  const seconds = String(Math.floor(now.getTime() / 1000));
  const mac = (algorithm: 'sha1' | 'sha256', key: string | Buffer, prefix = '') =>
    createHmac(algorithm, key).update(prefix).update(body).digest();
  switch (source) {
    case 'typeform':
      return { 'typeform-signature': `sha256=${mac('sha256', secret).toString('base64')}` };
    case 'surveymonkey':
      return { 'sm-signature': mac('sha1', secret).toString('base64') };
    case 'delighted':
      return { 'x-delighted-webhook-signature': `sha256=${mac('sha256', secret).toString('hex')}` };
    case 'zendesk': {
      const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        'x-zendesk-webhook-signature': mac('sha256', secret, timestamp).toString('base64'),
        'x-zendesk-webhook-signature-timestamp': timestamp,
      };
    }
    case 'formbricks': {
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      return {
        'webhook-id': webhookId,
        'webhook-timestamp': seconds,
        'webhook-signature': `v1,${mac('sha256', key, `${webhookId}.${seconds}.`).toString('base64')}`,
      };
    }
    case 'qualtrics':
      return { 'x-closeloop-token': secret };
    case 'generic':
      return {
        'x-closeloop-timestamp': seconds,
        'x-closeloop-signature': `sha256=${mac('sha256', secret, `${seconds}.`).toString('hex')}`,
      };
  }
}
