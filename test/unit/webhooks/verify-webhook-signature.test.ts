import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../../lib/webhooks/sign-webhook.js';
import { verifyWebhookSignature } from '../../../lib/webhooks/verify-webhook-signature.js';
import { WebhookUnauthorizedError } from '../../../lib/webhooks/webhook-errors.js';
import {
  WEBHOOK_SOURCES,
  type WebhookRequest,
  type WebhookSource,
} from '../../../lib/webhooks/webhook-source.js';

const BODY = '{"event_type":"form_response"}';
const NOW = new Date('2026-11-29T10:00:00Z');
const FORMBRICKS_SECRET = `whsec_${Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').toString('base64')}`;

const secrets: Record<WebhookSource, string> = {
  typeform: 'tf-secret',
  surveymonkey: 'client123&sm-secret',
  delighted: 'dl-secret',
  zendesk: 'zd-secret',
  formbricks: FORMBRICKS_SECRET,
  qualtrics: 'q-token-0123456789',
  generic: 'gen-secret',
};

function request(headers: Record<string, string>, body: string | Buffer = BODY, query = {}): WebhookRequest {
  return { source: 'test', headers, rawBody: Buffer.from(body), query };
}

function reason(source: WebhookSource, req: WebhookRequest, now = NOW, secret = secrets[source]): string {
  try {
    verifyWebhookSignature(source, req, secret, now);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookUnauthorizedError);
    return (error as Error).message;
  }
}

describe('verifyWebhookSignature', () => {
  // Signatures computed with openssl (the commands in docs/integrations.md), not with our own signer.
  const vectors: Array<{ source: WebhookSource; headers: Record<string, string> }> = [
    {
      source: 'typeform',
      headers: { 'typeform-signature': 'sha256=H43gOHfDW0bsKiMHukP2cMBaq/DqHPf9dPhpXPZmG1Y=' },
    },
    { source: 'surveymonkey', headers: { 'sm-signature': 'FvbggE3oexkOI2FffDAZr0rbQKc=' } },
    {
      source: 'delighted',
      headers: {
        'x-delighted-webhook-signature':
          'sha256=abe37dddcf42645771be02cf76710b8d129328ee307176043aed585e5be62f95',
      },
    },
    {
      source: 'zendesk',
      headers: {
        'x-zendesk-webhook-signature': 'SCnoFrn+LaQCqLpiNudiPGN5A+4F6X587DWKt3YLt8o=',
        'x-zendesk-webhook-signature-timestamp': '2026-11-29T10:00:00Z',
      },
    },
    {
      source: 'formbricks',
      headers: {
        'webhook-id': 'msg_1',
        'webhook-timestamp': '1795946400',
        'webhook-signature': 'v1,7JUtgCbV+HStoTE5+f9fFnO/sLkI1AEwGDcfLid4lAo=',
      },
    },
    {
      source: 'generic',
      headers: {
        'x-closeloop-timestamp': '1795946400',
        'x-closeloop-signature': 'sha256=59a4e154cd118ee2f451a8f1fe235f3e4127b3d21094c851b078e1b9c1525e92',
      },
    },
  ];

  it.each(vectors)('accepts $source signed as the vendor documents it', ({ source, headers }) => {
    expect(reason(source, request(headers))).toBe('accepted');
    expect(signWebhook(source, BODY, secrets[source], NOW, 'msg_1')).toEqual(headers);
  });

  it.each(vectors)(
    'refuses $source with one changed byte, a wrong secret or no signature',
    ({ source, headers }) => {
      expect(reason(source, request(headers, BODY.replace('form', 'farm')))).toBe('signature does not match');
      const wrongSecret =
        source === 'formbricks'
          ? `whsec_${Buffer.from('another key').toString('base64')}`
          : `${secrets[source]}x`;
      expect(reason(source, request(headers), NOW, wrongSecret)).toBe('signature does not match');
      expect(reason(source, request({}))).toMatch(/^missing /);
    },
  );

  it.each(WEBHOOK_SOURCES.filter((s) => ['zendesk', 'formbricks', 'generic'].includes(s)))(
    'refuses %s when the signed timestamp is over 5 minutes old or ahead',
    (source) => {
      const signedAt = new Date(NOW.getTime() - 301_000);
      const stale = signWebhook(source, BODY, secrets[source], signedAt);
      expect(reason(source, request(stale))).toBe('timestamp is outside the 5-minute tolerance');
      const ahead = signWebhook(source, BODY, secrets[source], new Date(NOW.getTime() + 301_000));
      expect(reason(source, request(ahead))).toBe('timestamp is outside the 5-minute tolerance');
      const justInTime = signWebhook(source, BODY, secrets[source], new Date(NOW.getTime() - 299_000));
      expect(reason(source, request(justInTime))).toBe('accepted');
    },
  );

  it('refuses a timestamp that is not a time, even when signed', () => {
    const headers = { 'x-closeloop-timestamp': 'soon' };
    const signed = signWebhook('generic', BODY, secrets.generic, NOW);
    expect(reason('generic', request({ ...signed, ...headers }))).toBe('signature does not match');
    const forged = { ...signed, 'x-closeloop-timestamp': '1e9' };
    expect(reason('generic', request(forged))).toBe('signature does not match');
  });

  it('accepts a Standard Webhooks delivery when any one of several signatures matches', () => {
    const signed = signWebhook('formbricks', BODY, FORMBRICKS_SECRET, NOW, 'msg_2');
    const rotated = { ...signed, 'webhook-signature': `v1,AAAA ${signed['webhook-signature']} v1a,zzzz` };
    expect(reason('formbricks', request(rotated))).toBe('accepted');
    expect(reason('formbricks', request({ ...signed, 'webhook-id': 'msg_3' }))).toBe(
      'signature does not match',
    );
  });

  it('takes the Qualtrics token from a header, basic auth or the publication URL, and nothing else', () => {
    const token = secrets.qualtrics;
    expect(reason('qualtrics', request({ 'x-closeloop-token': token }))).toBe('accepted');
    const basic = `Basic ${Buffer.from(`qualtrics:${token}`).toString('base64')}`;
    expect(reason('qualtrics', request({ authorization: basic }))).toBe('accepted');
    expect(reason('qualtrics', request({}, BODY, { token }))).toBe('accepted');
    expect(reason('qualtrics', request({ 'x-closeloop-token': `${token}0` }))).toBe('token does not match');
    expect(reason('qualtrics', request({ authorization: 'Basic !!!' }))).toMatch(/^missing token/);
    expect(reason('qualtrics', request({}))).toMatch(/^missing token/);
  });

  it('refuses a Standard Webhooks secret that is not base64 rather than decoding part of it', () => {
    const signed = signWebhook('formbricks', BODY, FORMBRICKS_SECRET, NOW);
    expect(reason('formbricks', request(signed), NOW, `${FORMBRICKS_SECRET}x`)).toBe(
      'the configured secret is not a whsec_ base64 secret',
    );
  });

  it('refuses everything when no secret is configured, even an "empty" signature', () => {
    expect(reason('typeform', request({ 'typeform-signature': 'sha256=' }), NOW, '')).toBe(
      'no secret configured',
    );
    expect(reason('qualtrics', request({ 'x-closeloop-token': '' }), NOW, '')).toBe('no secret configured');
  });

  it('is not fooled by hostile headers: huge, unicode, or the signature of an empty body', () => {
    expect(reason('typeform', request({ 'typeform-signature': 'x'.repeat(100_000) }))).toBe(
      'signature does not match',
    );
    expect(reason('typeform', request({ 'typeform-signature': 'sha256=✓🙂' }))).toBe(
      'signature does not match',
    );
    const empty = signWebhook('typeform', '', secrets.typeform);
    expect(reason('typeform', request(empty))).toBe('signature does not match');
  });
});
