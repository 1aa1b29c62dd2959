import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createSecretSettings } from '../../../functions/webhook/secret-settings.js';
import { createWebhookHandler, toWebhookRequest } from '../../../functions/webhook/webhook-handler.js';
import type { FeedbackMessage } from '../../../lib/feedback/feedback-message.js';
import { signWebhook } from '../../../lib/webhooks/sign-webhook.js';
import { delightedPayload } from '../../support/webhook-payloads.js';

function event(body: string, headers: Record<string, string>, base64 = false): APIGatewayProxyEventV2 {
  return {
    pathParameters: { source: 'delighted' },
    headers,
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
  } as unknown as APIGatewayProxyEventV2;
}

describe('webhook Lambda handler', () => {
  const secrets: Record<string, string> = {
    'closeloop/test/webhooks/delighted': 'dl-secret',
    'closeloop/test/webhooks/typeform': '{"secret":"tf","apiToken":"t"}',
    'closeloop/test/webhooks/zendesk': '{"secret":',
  };
  const settingsFor = createSecretSettings({
    secretNames: {
      delighted: 'closeloop/test/webhooks/delighted',
      typeform: 'closeloop/test/webhooks/typeform',
      zendesk: 'closeloop/test/webhooks/zendesk',
      formbricks: 'closeloop/test/webhooks/unset',
    },
    mappings: { delighted: { segmentFields: { team: 'Department' } } },
    getSecret: async (name) => secrets[name],
  });

  it('reads secrets as a plain value or JSON, and treats a broken or missing one as not configured', async () => {
    expect(await settingsFor('delighted')).toEqual({
      secret: 'dl-secret',
      mapping: { segmentFields: { team: 'Department' } },
    });
    expect(await settingsFor('typeform')).toEqual({ secret: 'tf', mapping: {} });
    expect(await settingsFor('zendesk')).toBeUndefined();
    expect(await settingsFor('formbricks')).toBeUndefined();
    expect(await settingsFor('generic')).toBeUndefined();
  });

  it('verifies the raw body, base64-encoded or not, and answers as API Gateway expects', async () => {
    const queued: FeedbackMessage[] = [];
    const handler = createWebhookHandler({
      settingsFor,
      enqueue: async (message) => {
        queued.push(message);
      },
      logger: new Logger({ logLevel: 'SILENT' }),
    });
    const body = JSON.stringify(delightedPayload(1, { comment: 'Zahlung fehlgeschlagen – schon wieder 😡' }));
    const headers = signWebhook('delighted', body, 'dl-secret');
    expect(toWebhookRequest(event(body, headers, true)).rawBody.toString('utf8')).toBe(body);
    const answer = await handler(event(body, headers, true));
    expect(answer).toEqual({
      statusCode: 202,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queued: 'delighted:5436' }),
    });
    expect(queued[0]?.segment).toEqual({ department: 'Payments', team: 'Payments' });
    const forged = await handler(event(body.replace('fehlgeschlagen', 'erfolgreich'), headers));
    expect(forged.statusCode).toBe(401);
    expect(forged.body).not.toContain('Zahlung');
    expect(queued).toHaveLength(1);
  });
});
