import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApiServer } from '../../lib/local/local-api-server.js';
import type { LocalPipeline } from '../../lib/local/local-pipeline.js';
import { signWebhook } from '../../lib/webhooks/sign-webhook.js';
import type { WebhookSourceSettings } from '../../lib/webhooks/webhook-settings.js';
import type { WebhookSource } from '../../lib/webhooks/webhook-source.js';
import { FAKE_API_TOKEN, type FakeVendorApi, startFakeVendorApi } from '../support/fake-vendor-api.js';
import {
  delightedPayload,
  formbricksPayload,
  genericMessage,
  qualtricsEvent,
  surveyMonkeyEvent,
  typeformPayload,
  zendeskPayload,
} from '../support/webhook-payloads.js';
import { startWebhookPipeline, type WebhookPipeline } from '../support/webhook-pipeline.js';

let webhooks: WebhookPipeline;
let pipeline: LocalPipeline;
let api: LocalApiServer;
let vendor: FakeVendorApi;

const secrets: Record<WebhookSource, string> = {
  typeform: 'typeform-secret',
  surveymonkey: 'client-id&client-secret',
  qualtrics: 'qualtrics-shared-token',
  delighted: 'delighted-secret',
  zendesk: 'zendesk-secret',
  formbricks: `whsec_${Buffer.from('formbricks signing key 32 bytes!').toString('base64')}`,
  generic: 'generic-secret',
};

beforeAll(async () => {
  vendor = await startFakeVendorApi();
  const access = { apiToken: FAKE_API_TOKEN, apiBaseUrl: vendor.url };
  const settings = Object.fromEntries(
    Object.entries(secrets).map(([source, secret]) => [
      source,
      { secret, mapping: {}, ...(['surveymonkey', 'qualtrics'].includes(source) && { api: access }) },
    ]),
  ) as Record<WebhookSource, WebhookSourceSettings>;
  webhooks = await startWebhookPipeline(settings);
  ({ pipeline, api } = webhooks);
}, 60_000);

afterAll(async () => {
  await webhooks?.stop();
  await vendor?.stop();
});

/** One delivery per source: body, the stored id it must give, and what must be stored. */
interface Case {
  source: WebhookSource;
  body: (n: number) => string;
  id: (n: number) => string;
  expected: { score: number; text: string; segment: Record<string, string> };
}

const cases: Case[] = [
  {
    source: 'typeform',
    body: (n) => JSON.stringify(typeformPayload(n)),
    id: (n) => `typeform:a3a12ec67a1365927098a606107fac${n}`,
    expected: { score: 3, text: 'Waited 45 minutes', segment: { department: 'Billing', team: 'Tier 1' } },
  },
  {
    source: 'surveymonkey',
    body: (n) => JSON.stringify(surveyMonkeyEvent(n)),
    id: (n) => `surveymonkey:${987654000 + n}`,
    expected: { score: 4, text: 'Nobody answered the phone', segment: { team: 'Renewals' } },
  },
  {
    source: 'qualtrics',
    body: (n) => qualtricsEvent(n),
    id: (n) => `qualtrics:R_1pGBB5dLHcMQ${n}`,
    expected: {
      score: 0,
      text: 'Three calls and still no engineer',
      segment: { department: 'Field Service' },
    },
  },
  {
    source: 'delighted',
    body: (n) => JSON.stringify(delightedPayload(n)),
    id: (n) => `delighted:${5435 + n}`,
    expected: { score: 2, text: 'The refund still has not arrived', segment: { department: 'Payments' } },
  },
  {
    source: 'zendesk',
    body: (n) => JSON.stringify(zendeskPayload(n)),
    id: (n) => `zendesk:${1000 + n}`,
    expected: {
      score: 1,
      text: 'transferred three times',
      segment: { department: 'Support', agent: 'Agent 7' },
    },
  },
  {
    source: 'formbricks',
    body: (n) => JSON.stringify(formbricksPayload(n)),
    id: (n) => `formbricks:cljwy2m8r0001qhclco1god${n}`,
    expected: { score: 1, text: 'The app crashes', segment: { product: 'Mobile app', region: 'EMEA' } },
  },
  {
    source: 'generic',
    body: (n) => JSON.stringify(genericMessage(n)),
    id: (n) => `generic:resp-${n}`,
    expected: { score: 5, text: 'The chat bot could not help', segment: { product: 'Web chat' } },
  },
];

async function deliver(source: string, body: string, headers: Record<string, string>, query = '') {
  const response = await fetch(`${api.url}/ingest/${source}${query}`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Headers for the Qualtrics token travel in the query string for event subscriptions: tested both ways. */
function signed(source: WebhookSource, body: string, at = new Date()): Record<string, string> {
  return signWebhook(source, body, secrets[source], at);
}

describe.each(cases)('webhooks from $source on the local stack', ({ source, body, id, expected }) => {
  it('stores a signed delivery with the right score, text, segment and id', async () => {
    const payload = body(1);
    const answer = await deliver(source, payload, signed(source, payload));
    expect(answer).toEqual({ status: 202, body: { queued: id(1) } });
    await pipeline.drain();
    const record = await pipeline.stack.store.getFeedback(id(1));
    expect(record?.score).toBe(expected.score);
    expect(record?.redactedText).toContain(expected.text);
    expect(record?.segment).toEqual(expected.segment);
    // A generic message says its own channel, if any.
    expect(record?.channel).toBe(source === 'generic' ? undefined : source);
  });

  it('refuses a wrong signature, a stale timestamp and one changed byte with 401, storing nothing', async () => {
    const payload = body(2);
    const wrongSecret =
      source === 'formbricks'
        ? `whsec_${Buffer.from('another key').toString('base64')}`
        : `${secrets[source]}-wrong`;
    const refusals = [await deliver(source, payload, signWebhook(source, payload, wrongSecret))];
    if (source === 'qualtrics') {
      // Qualtrics signs nothing (the response is read from its API): the changed byte is in the token.
      refusals.push(
        await deliver(source, payload, { 'x-closeloop-token': secrets.qualtrics.replace('q', 'Q') }),
      );
    } else {
      refusals.push(await deliver(source, payload.replace('1', '7'), signed(source, payload)));
    }
    if (['zendesk', 'formbricks', 'generic'].includes(source)) {
      refusals.push(
        await deliver(source, payload, signed(source, payload, new Date(Date.now() - 10 * 60_000))),
      );
    }
    expect(refusals.map((r) => r.status)).toEqual(refusals.map(() => 401));
    await pipeline.drain();
    expect(await pipeline.stack.store.getFeedback(id(2))).toBeUndefined();
  });

  it('stores the same delivery sent twice once', async () => {
    const payload = body(3);
    const stored = pipeline.outcomes.stored;
    const headers = signed(source, payload);
    expect((await deliver(source, payload, headers)).status).toBe(202);
    expect((await deliver(source, payload, headers)).status).toBe(202);
    await pipeline.drain();
    expect(pipeline.outcomes.stored - stored).toBe(1);
    expect(await pipeline.stack.store.getFeedback(id(3))).toBeDefined();
  });
});

describe('the ingest endpoint on the local stack', () => {
  it('answers 413 to a body over 1 MiB and 405 to a GET, and still routes the follow-up API', async () => {
    const huge = JSON.stringify({ pad: 'x'.repeat(1_100_000) });
    expect((await deliver('typeform', huge, signed('typeform', huge))).status).toBe(413);
    expect((await fetch(`${api.url}/ingest/typeform`)).status).toBe(405);
    expect((await fetch(`${api.url}/followups`)).status).toBe(200);
    expect(await pipeline.deadLettered()).toBe(0);
  });

  it('answers 404 to a source name with broken percent encoding, not a 500', async () => {
    const answer = await fetch(`${api.url}/ingest/%E0%A4%A`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: expect.stringMatching(/no webhook source/) });
  });

  it('takes the Qualtrics token in the publication URL (event subscriptions cannot set headers)', async () => {
    const answer = await deliver('qualtrics', qualtricsEvent(9), {}, `?token=${secrets.qualtrics}`);
    expect(answer).toEqual({ status: 202, body: { queued: 'qualtrics:R_1pGBB5dLHcMQ9' } });
  });
});
