import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildCloseloopApp } from '../../infra/closeloop-app.js';
import { InvalidStageConfigError } from '../../infra/config/stage-config.js';

const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as {
  context: Record<string, Record<string, Record<string, unknown>>>;
};
const example = (cdkJson.context['closeloop:stages'] as Record<string, Record<string, unknown>>).example;

function synth(stageConfig: Record<string, unknown> = {}) {
  const { stack } = buildCloseloopApp({
    outdir: mkdtempSync(join(tmpdir(), 'closeloop-cdk-')),
    context: {
      stage: 'test',
      'closeloop:stages': { test: { ...example, ...stageConfig } },
      'aws:cdk:bundling-stacks': [],
    },
  });
  return Template.fromStack(stack);
}

const template = synth();

/** Logical ids of the IAM policies that mention a secret of the webhook construct. */
/** The webhook sources' secrets (the stack has others, e.g. the API's cursor signing key). */
function webhookSecrets(t: Template) {
  return Object.values(t.findResources('AWS::SecretsManager::Secret')).filter((secret) =>
    String(secret.Properties.Name ?? '').includes('/webhooks/'),
  );
}

function policiesReadingSecrets(t: Template): string[] {
  return Object.entries(t.findResources('AWS::IAM::Policy'))
    .filter(([, policy]) => JSON.stringify(policy).match(/WebhooksSecret/))
    .map(([id]) => id);
}

describe('webhook ingest', () => {
  it('serves POST /ingest/{source} without IAM auth, in front of the verifier function', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /ingest/{source}',
      AuthorizationType: 'NONE',
      Target: Match.anyValue(),
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).filter((route) =>
      String(route.Properties.RouteKey).includes('/ingest/'),
    );
    expect(routes).toHaveLength(1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebhooksVerifier'), 'Arn'] },
    });
  });

  it('throttles the webhook routes as configured', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: Match.stringLikeRegexp('^WebhooksHttpApi') },
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    synth({ webhooks: { rateLimit: 5, burstLimit: 10 } }).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
  });

  it('keeps one secret per source, and only the verifier function can read them', () => {
    const names = webhookSecrets(template).map((secret) => secret.Properties.Name);
    expect(names.sort()).toEqual(
      ['delighted', 'formbricks', 'generic', 'qualtrics', 'surveymonkey', 'typeform', 'zendesk'].map(
        (source) => `closeloop/test/webhooks/${source}`,
      ),
    );
    const readers = policiesReadingSecrets(template);
    expect(readers).toHaveLength(1);
    const roles = template.findResources('AWS::IAM::Policy')[readers[0] as string]?.Properties.Roles;
    expect(JSON.stringify(roles)).toMatch(/WebhooksVerifier/);
    // No resource policy or other grant opens them up.
    expect(template.findResources('AWS::SecretsManager::ResourcePolicy')).toEqual({});
  });

  it('passes the secret names, mappings and queue to the verifier, which may only send to that queue', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          QUEUE_URL: { Ref: Match.stringLikeRegexp('^QueueFeedback') },
          WEBHOOK_SECRET_NAMES: Match.stringLikeRegexp('closeloop/test/webhooks/typeform'),
          WEBHOOK_MAPPINGS: '{}',
        }),
      },
    });
  });

  it('alarms on the 401 rate and on webhook-queued feedback reaching the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'WebhookUnauthorized',
      Namespace: 'closeloop',
      Threshold: 10,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^ObservabilityOperators') }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^QueueDeadLetters'), 'QueueName'] },
        },
      ],
    });
  });

  it('deploys only the configured sources, none at all for an empty list', () => {
    const two = synth({ webhooks: { sources: ['typeform', 'delighted'] } });
    expect(webhookSecrets(two)).toHaveLength(2);
    const none = synth({ webhooks: { sources: [] } });
    expect(webhookSecrets(none)).toEqual([]);
    // closeloop's own functions (CDK's deploy-time helpers for the web app aside): no webhook function.
    const functions = Object.values(none.findResources('AWS::Lambda::Function')).filter((fn) =>
      String(fn.Properties.Description ?? '').startsWith('closeloop'),
    );
    // Ingest, alerts, API and the user pool's token-scopes trigger.
    expect(functions).toHaveLength(4);
    expect(functions.some((fn) => String(fn.Properties.Description).includes('webhook'))).toBe(false);
  });

  it('fails synth with a clear message on a bad webhook configuration', () => {
    expect(() => synth({ webhooks: { sources: ['hubspot'] } })).toThrow(InvalidStageConfigError);
    expect(() => synth({ webhooks: { sources: ['hubspot'] } })).toThrow(/webhooks\.sources\.0/);
    expect(() => synth({ webhooks: { mappings: { typeform: { scoreFeild: 'q' } } } })).toThrow(
      /webhooks\.mappings\.typeform/,
    );
    expect(() => synth({ webhooks: { rateLimit: 50, burstLimit: 10 } })).toThrow(
      'webhooks.burstLimit (10) must be at least webhooks.rateLimit (50)',
    );
  });
});
