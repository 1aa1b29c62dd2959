import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackMessage } from '../../../lib/feedback/feedback-message.js';
import { MAX_TEXT_LENGTH } from '../../../lib/feedback/feedback-message.js';
import { handleWebhook, type IngestWebhookDependencies } from '../../../lib/webhooks/ingest-webhook.js';
import { signWebhook } from '../../../lib/webhooks/sign-webhook.js';
import { WebhookQueueError } from '../../../lib/webhooks/webhook-errors.js';
import {
  InvalidWebhookConfigError,
  loadLocalWebhookSettings,
  type WebhookSourceSettings,
} from '../../../lib/webhooks/webhook-settings.js';
import { MAX_WEBHOOK_BYTES, type WebhookSource } from '../../../lib/webhooks/webhook-source.js';
import { FAKE_API_TOKEN, type FakeVendorApi, startFakeVendorApi } from '../../support/fake-vendor-api.js';
import { qualtricsEvent, surveyMonkeyEvent, typeformPayload } from '../../support/webhook-payloads.js';

let vendor: FakeVendorApi;
beforeAll(async () => {
  vendor = await startFakeVendorApi();
});
afterAll(() => vendor.stop());

function setup(settings: Partial<Record<WebhookSource, WebhookSourceSettings>>) {
  const queued: FeedbackMessage[] = [];
  const dependencies: IngestWebhookDependencies = {
    settingsFor: async (source) => settings[source],
    enqueue: async (message) => {
      queued.push(message);
    },
  };
  const deliver = (source: string, body: string, headers: Record<string, string>, query = {}) =>
    handleWebhook({ source, headers, rawBody: Buffer.from(body), query }, dependencies);
  return { queued, deliver };
}

describe('handleWebhook', () => {
  const typeform = { secret: 'tf-secret', mapping: {} };

  it('queues a signed Typeform response as our message and answers 202', async () => {
    const { queued, deliver } = setup({ typeform });
    const body = JSON.stringify(typeformPayload(7));
    const answer = await deliver('typeform', body, signWebhook('typeform', body, 'tf-secret'));
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ queued: 'typeform:a3a12ec67a1365927098a606107fac7' });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ score: 3, channel: 'typeform', segment: { department: 'Billing' } });
  });

  it('reads a JSON body that starts with a byte-order mark (as .NET and PowerShell clients send it)', async () => {
    const { queued, deliver } = setup({ typeform });
    const body = `\ufeff${JSON.stringify(typeformPayload(7))}`;
    const answer = await deliver('typeform', body, signWebhook('typeform', body, 'tf-secret'));
    expect(answer.status).toBe(202);
    expect(queued).toHaveLength(1);
  });

  it('refuses a body that is not UTF-8 with 422, rather than queueing its accents as replacement characters', async () => {
    const { queued } = setup({ typeform });
    const latin1 = Buffer.from(JSON.stringify(typeformPayload(7)).replace('hold', 'h\u00f6ld'), 'latin1');
    const answer = await handleWebhook(
      {
        source: 'typeform',
        headers: signWebhook('typeform', latin1, 'tf-secret'),
        rawBody: latin1,
        query: {},
      },
      { settingsFor: async () => typeform, enqueue: async (message) => void queued.push(message) },
    );
    expect(answer.status).toBe(422);
    expect(answer.body.issues).toEqual(['the body is not UTF-8 text (JSON must be sent as UTF-8)']);
    expect(queued).toHaveLength(0);
  });

  it('refuses with 422 a response too big for the queue (120,000 Chinese characters), so the tool does not retry it for ever', async () => {
    const { queued, deliver } = setup({ typeform });
    const payload = typeformPayload(7);
    const comment = payload.form_response.answers.find((answer) => 'text' in answer) as { text: string };
    comment.text = '非常好'.repeat(40_000);
    const body = JSON.stringify(payload);
    const answer = await deliver('typeform', body, signWebhook('typeform', body, 'tf-secret'));
    expect(answer.status).toBe(422);
    expect(answer.body.issues).toEqual([
      expect.stringMatching(
        /^text: the message is 3\d\d KB as JSON, over the queue's limit of 256 KB \(the text has 120,000 characters/,
      ),
    ]);
    expect(queued).toHaveLength(0);
  });

  it.each([
    ['an unknown source', 'hubspot', 404],
    ['a source with no secret configured', 'delighted', 401],
  ])('refuses %s and queues nothing', async (_name, source, status) => {
    const { queued, deliver } = setup({ typeform });
    const answer = await deliver(source, '{}', signWebhook('typeform', '{}', 'tf-secret'));
    expect(answer.status).toBe(status);
    expect(queued).toHaveLength(0);
  });

  it('answers 413 to a body over 1 MiB before checking anything, 401 to one just under it unsigned', async () => {
    const { queued, deliver } = setup({ typeform });
    const huge = `{"pad":"${'x'.repeat(MAX_WEBHOOK_BYTES)}"}`;
    expect((await deliver('typeform', huge, signWebhook('typeform', huge, 'tf-secret'))).status).toBe(413);
    const under = `{"pad":"${'x'.repeat(MAX_WEBHOOK_BYTES - 20)}"}`;
    expect((await deliver('typeform', under, {})).status).toBe(401);
    expect(queued).toHaveLength(0);
  });

  it('answers 422 with the reasons to a signed body that is not feedback, 200 to an event to ignore', async () => {
    const { queued, deliver } = setup({ typeform });
    const notJson = 'form_response=1';
    const bad = await deliver('typeform', notJson, signWebhook('typeform', notJson, 'tf-secret'));
    expect(bad).toMatchObject({ status: 422, body: { issues: ['the body is not valid JSON'] } });
    const tooLong = JSON.stringify(typeformPayload(1, { comment: 'x'.repeat(MAX_TEXT_LENGTH + 1) }));
    const long = await deliver('typeform', tooLong, signWebhook('typeform', tooLong, 'tf-secret'));
    expect(long).toMatchObject({
      status: 422,
      body: { issues: [`text: text must be at most ${MAX_TEXT_LENGTH} characters`] },
    });
    const ping = JSON.stringify({ ...typeformPayload(1), event_type: 'form_response_partial' });
    expect((await deliver('typeform', ping, signWebhook('typeform', ping, 'tf-secret'))).status).toBe(200);
    expect(queued).toHaveLength(0);
  });

  it('answers 503 when the queue refuses, so the sender retries', async () => {
    const body = JSON.stringify(typeformPayload(1));
    const answer = await handleWebhook(
      {
        source: 'typeform',
        headers: signWebhook('typeform', body, 'tf-secret'),
        rawBody: Buffer.from(body),
        query: {},
      },
      {
        settingsFor: async () => typeform,
        enqueue: async () => {
          throw new WebhookQueueError('throttled');
        },
      },
    );
    expect(answer.status).toBe(503);
  });

  describe('sources that send only ids, read from the vendor API (a fake on loopback)', () => {
    const api = () => ({ apiToken: FAKE_API_TOKEN, apiBaseUrl: vendor.url });

    it('SurveyMonkey: fetches the response details with the account token', async () => {
      const secret = 'client&secret';
      const { queued, deliver } = setup({ surveymonkey: { secret, mapping: {}, api: api() } });
      const body = JSON.stringify(surveyMonkeyEvent(3));
      const answer = await deliver('surveymonkey', body, signWebhook('surveymonkey', body, secret));
      expect(answer).toMatchObject({ status: 202, body: { queued: 'surveymonkey:987654003' } });
      expect(vendor.requests).toContain('/v3/surveys/123456789/responses/987654003/details');
      expect(queued[0]).toMatchObject({ score: 4, text: 'Nobody answered the phone for two days.' });
    });

    it('Qualtrics: fetches the response; a forged token fetches nothing', async () => {
      const { queued, deliver } = setup({ qualtrics: { secret: 'q-token', mapping: {}, api: api() } });
      const before = vendor.requests.length;
      expect((await deliver('qualtrics', qualtricsEvent(1), { 'x-closeloop-token': 'guess' })).status).toBe(
        401,
      );
      expect(vendor.requests.length).toBe(before);
      const answer = await deliver('qualtrics', qualtricsEvent(1), {}, { token: 'q-token' });
      expect(answer).toMatchObject({ status: 202, body: { queued: 'qualtrics:R_1pGBB5dLHcMQ1' } });
      expect(queued[0]).toMatchObject({ score: 0, segment: { department: 'Field Service' } });
    });

    it('an unknown response id is 422; a wrong API token or unreachable API is 502', async () => {
      const body = new URLSearchParams({ SurveyID: 'SV_1', ResponseID: 'R_missing' }).toString();
      const headers = { 'x-closeloop-token': 'q-token' };
      const good = setup({ qualtrics: { secret: 'q-token', mapping: {}, api: api() } });
      expect((await good.deliver('qualtrics', body, headers)).status).toBe(422);
      const wrongToken = setup({
        qualtrics: { secret: 'q-token', mapping: {}, api: { ...api(), apiToken: 'x' } },
      });
      expect((await wrongToken.deliver('qualtrics', qualtricsEvent(2), headers)).body.error).toBe(
        'could not fetch the response from Qualtrics: HTTP 401',
      );
      const down = setup({
        qualtrics: {
          secret: 'q-token',
          mapping: {},
          api: { apiToken: 'x', apiBaseUrl: 'http://127.0.0.1:1' },
        },
      });
      expect((await down.deliver('qualtrics', qualtricsEvent(2), headers)).status).toBe(502);
      const none = setup({ qualtrics: { secret: 'q-token', mapping: {} } });
      expect((await none.deliver('qualtrics', qualtricsEvent(2), headers)).status).toBe(502);
    });
  });
});

describe('loadLocalWebhookSettings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-webhooks-'));

  it('reads secrets from the environment over the file, with mappings from the file', () => {
    const file = join(dir, 'webhooks.json');
    writeFileSync(
      file,
      // Saved by Windows Notepad: with a byte-order mark.
      `\ufeff${JSON.stringify({
        sources: {
          typeform: 'from-file',
          qualtrics: { secret: 'q', apiToken: 't', apiBaseUrl: 'https://iad1.qualtrics.com' },
        },
        mappings: { typeform: { scoreField: 'stars', scale: 'csat' } },
      })}`,
    );
    const settings = loadLocalWebhookSettings(
      {
        CLOSELOOP_WEBHOOK_SECRET_TYPEFORM: 'from-env',
        CLOSELOOP_WEBHOOK_SECRET_SURVEYMONKEY: 'id&secret',
        CLOSELOOP_WEBHOOK_API_TOKEN_SURVEYMONKEY: 'sm',
      },
      file,
    );
    expect(settings.typeform).toEqual({
      secret: 'from-env',
      mapping: { scoreField: 'stars', scale: 'csat' },
    });
    expect(settings.qualtrics?.api).toEqual({ apiToken: 't', apiBaseUrl: 'https://iad1.qualtrics.com' });
    expect(settings.surveymonkey?.api).toEqual({
      apiToken: 'sm',
      apiBaseUrl: 'https://api.surveymonkey.com',
    });
    expect(settings.delighted).toBeUndefined();
  });

  it.each([
    ['not JSON', '{', /is not valid/],
    ['an unknown source', '{"sources":{"hubspot":"x"}}', /sources/],
    ['an empty secret', '{"sources":{"typeform":""}}', /sources\.typeform/],
    ['a misspelt mapping key', '{"mappings":{"typeform":{"score":"q1"}}}', /mappings\.typeform/],
    [
      'an API URL that is not http(s)',
      '{"sources":{"qualtrics":{"secret":"q","apiBaseUrl":"file:///etc"}}}',
      /apiBaseUrl/,
    ],
  ])('fails with a clear error on %s', (_name, content, message) => {
    const file = join(dir, `bad-${Math.random()}.json`);
    writeFileSync(file, content);
    expect(() => loadLocalWebhookSettings({}, file)).toThrow(InvalidWebhookConfigError);
    expect(() => loadLocalWebhookSettings({}, file)).toThrow(message);
  });
});
