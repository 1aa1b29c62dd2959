import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { createWebhookHandler } from '../../../functions/webhook/webhook-handler.js';
import { signWebhook } from '../../../lib/webhooks/sign-webhook.js';
import { mapTypeform } from '../../../lib/webhooks/sources/typeform.js';
import { leakedForms, PII_CORPUS } from '../../support/pii-corpus.js';
import { delightedPayload, typeformPayload } from '../../support/webhook-payloads.js';

/**
 * What the webhook function logs and answers when a vendor-controlled value holds personal data: the
 * event type of an event we ignore, the source in the path. Logs keep reasons, never the values.
 */
function event(source: string, body: string, headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    pathParameters: { source },
    headers,
    body,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

function handlerWithLog() {
  const logger = new Logger({ logLevel: 'SILENT' });
  const logged: unknown[] = [];
  for (const level of ['info', 'warn', 'error'] as const) {
    vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  }
  const handler = createWebhookHandler({
    settingsFor: async (source) =>
      source === 'delighted' ? { secret: 'dl-secret', mapping: {} } : undefined,
    enqueue: async () => {},
    logger,
  });
  return { handler, logged };
}

describe('webhook logs and answers with personal data in vendor-controlled values', () => {
  it.each(PII_CORPUS)('an ignored event type holding $name', async ({ form }) => {
    const { handler, logged } = handlerWithLog();
    const body = JSON.stringify(delightedPayload(1, { type: `person.${form}` }));
    const answer = await handler(event('delighted', body, signWebhook('delighted', body, 'dl-secret')));
    expect(answer.statusCode).toBe(200);
    expect(logged).toHaveLength(1);
    expect(leakedForms(JSON.stringify(logged) + answer.body).map((f) => f.name)).toEqual([]);
  });

  it.each(PII_CORPUS)('a source in the path holding $name', async ({ form }) => {
    const { handler, logged } = handlerWithLog();
    const answer = await handler(event(form, '{}', {}));
    expect(answer.statusCode).toBe(404);
    expect(logged).toHaveLength(1);
    expect(leakedForms(JSON.stringify(logged) + answer.body).map((f) => f.name)).toEqual([]);
  });
});

describe('Typeform: which answer is the comment', () => {
  it('takes the long text over a short text asked before it (often the respondent name)', () => {
    const payload = typeformPayload(1, { comment: 'On hold for an hour, again' });
    payload.form_response.answers.unshift({
      type: 'text',
      text: 'Piiname Piilast',
      field: { id: 'name1', type: 'short_text', ref: 'your_name' },
    });
    const mapped = mapTypeform(payload, {});
    expect('feedback' in mapped && mapped.feedback.text).toBe('On hold for an hour, again');
  });

  it('still reads a form that asks for its comment in a short text', () => {
    const payload = typeformPayload(2);
    const why = payload.form_response.answers[2] as { field: { type: string } };
    why.field.type = 'short_text';
    const mapped = mapTypeform(payload, {});
    expect('feedback' in mapped && mapped.feedback.text).toContain('Waited 45 minutes');
  });
});
