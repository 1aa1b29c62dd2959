import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { gatewayRouteKeyPath } from '../../functions/api/api-route.js';
import { apiRoutes } from '../../functions/api/api-routes.js';
import { buildCloseloopApp } from '../../infra/closeloop-app.js';
import { teamRosterSchema } from '../../lib/followup/team-roster.js';

const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as {
  context: Record<string, Record<string, Record<string, unknown>>>;
};
const stages = cdkJson.context['closeloop:stages'] as Record<string, Record<string, unknown>>;

function synth(stageConfig: Record<string, unknown> = {}, options: { bundle?: boolean } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'closeloop-cdk-'));
  const { app, stack } = buildCloseloopApp({
    outdir,
    context: {
      stage: 'test',
      'closeloop:stages': { test: { ...stages.example, ...stageConfig } },
      // Bundling the functions is checked once, below; elsewhere it only costs time.
      ...(!options.bundle && { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  return { app, stack, outdir, template: Template.fromStack(stack) };
}

const { template, app, outdir } = synth();

describe('closeloop stack', () => {
  it('feeds the ingest function from the queue with partial batch responses and bounded concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^QueueFeedback'), 'Arn'] },
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('dead-letters feedback after maxReceiveCount receives, with encrypted queues', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^QueueDeadLetters'), 'Arn'] },
        maxReceiveCount: 5,
      },
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 360,
    });
    for (const queue of Object.values(template.findResources('AWS::SQS::Queue'))) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    }
  });

  it('keeps feedback in one on-demand table with PITR, a stream, TTL and encryption', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
      GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: 'FollowUpQueue' })]),
    });
  });

  it('protects the table in production and lets a test stage be deleted', () => {
    expect(Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0]?.DeletionPolicy).toBe(
      'Delete',
    );
    const production = synth({ production: true }).template;
    const table = Object.values(production.findResources('AWS::DynamoDB::GlobalTable'))[0];
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
  });

  it('runs every function on ARM64 and the newest Node.js, with a log retention', () => {
    // CDK's own deploy-time helpers (bucket deployment, auto-delete) are not closeloop's functions.
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) =>
      String(fn.Properties.Description ?? '').startsWith('closeloop'),
    );
    // Ingest, alerts, API, webhooks and the user pool's token-scopes trigger.
    expect(functions).toHaveLength(5);
    for (const fn of functions) {
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('wakes the alert function only for new (or newly revised) feedback that needs a follow-up, with a failure destination', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: {
                NewImage: {
                  type: { S: ['feedback'] },
                  followUp: { M: { status: { S: [{ 'anything-but': ['none'] }] } } },
                },
              },
            }),
          },
          {
            // A newer version of a response that opened a follow-up.
            Pattern: JSON.stringify({
              eventName: ['MODIFY'],
              dynamodb: {
                NewImage: {
                  type: { S: ['feedback'] },
                  revisedAt: { S: [{ exists: true }] },
                  followUp: { M: { status: { S: ['open'] } } },
                },
              },
            }),
          },
        ],
      },
    });
  });

  it('creates a topic per routing name, encrypted, and e-mail subscriptions from the config', () => {
    const topics = Object.values(template.findResources('AWS::SNS::Topic'));
    // detractors + urgent + the operators' alarm topic
    expect(topics).toHaveLength(3);
    for (const topic of topics) expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'cx-leads@example.com',
    });
  });

  it('requires IAM auth on every API route for machine clients', () => {
    // The webhook route is signed by the vendors instead: test/infra/webhook-ingest.test.ts; the web
    // app's /api routes take the team's JWTs: test/infra/web-app.test.ts.
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).filter(
      (route) =>
        !String(route.Properties.RouteKey).includes('/ingest/') &&
        !String(route.Properties.RouteKey).includes(' /api/'),
    );
    // One API Gateway route per route of the router's table, no more, no fewer.
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
      apiRoutes.map((route) => `${route.method} ${gatewayRouteKeyPath(route.path)}`).sort(),
    );
    expect(routes.map((route) => route.Properties.RouteKey)).toContain('GET /feedback/{id}/related');
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('grants no wildcard actions, and table access only on the feedback table and its indexes', () => {
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const actions = [statement.Action].flat();
        expect(actions.every((action: string) => !action.endsWith(':*') && action !== '*')).toBe(true);
        if (actions.some((action: string) => action.startsWith('dynamodb:') && !action.includes('Stream'))) {
          expect(JSON.stringify(statement.Resource)).toMatch(/StoreTable/);
        }
      }
    }
  });

  it('alarms on dead letters, message age, errors, throttles and rejects', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const metrics = alarms.map((alarm) => alarm.Properties.MetricName);
    expect(metrics).toEqual(
      expect.arrayContaining([
        'ApproximateNumberOfMessagesVisible',
        'ApproximateAgeOfOldestMessage',
        'Errors',
        'Throttles',
        'FeedbackRejected',
      ]),
    );
    // Two DLQs, message age, errors and throttles of four functions, rejects, webhook 401s.
    expect(alarms.length).toBe(2 + 1 + 4 * 2 + 1 + 1);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding, each acknowledgement with a reason', () => {
    app.synth();
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: Array<{
        pluginName: string;
        conclusion: string;
        violations: unknown[];
        suppressedViolations: unknown[];
      }>;
    };
    const nag = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
    expect(nag?.violations).toEqual([]);
    expect(nag?.conclusion).toBe('success');
  });

  it("sets the stage's team roster as the API function's TEAM_ROSTER, as the function reads it", () => {
    const [api] = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'closeloop-api' } } },
      }),
    );
    const roster = api?.Properties.Environment.Variables.TEAM_ROSTER as string;
    expect(JSON.parse(roster)).toEqual({
      'care-north': ['ana.silva', 'ben.okafor'],
      billing: ['carla.reyes', 'ben.okafor'],
    });
    expect(teamRosterSchema.parse(JSON.parse(roster))).toEqual(JSON.parse(roster));
    // No roster in the stage: an empty one (everyone's team is themselves).
    const none = synth({ teams: undefined }).template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'closeloop-api' } } },
    });
    expect(Object.values(none)[0]?.Properties.Environment.Variables.TEAM_ROSTER).toBe('{}');
  });

  it.each([
    { teams: { north: 'ana' }, error: /teams\.north: / },
    { teams: { north: ['ana', ''] }, error: /teams\.north\.1: / },
    { teams: { north: ['ana\u0000'] }, error: /teams\.north\.0: / },
    { teams: { '': ['ana'] }, error: /teams\.: |teams: / },
    {
      teams: { big: Array.from({ length: 400 }, (_, i) => `person.number.${i}`) },
      error: /teams: the roster must fit in 3000 characters of JSON/,
    },
  ])('refuses the roster $teams', ({ teams, error }) => {
    expect(() => synth({ teams })).toThrow(error);
  });

  it('refuses a stage that is missing or wrongly configured, saying what is wrong', () => {
    expect(() => synth({ region: 'moon-1' })).toThrow(/region must look like eu-west-1/);
    expect(() => synth({ ingest: { batchSize: 1000 } })).toThrow(/ingest.batchSize/);
    expect(() => buildCloseloopApp({ context: { stage: 'nope', 'closeloop:stages': stages } })).toThrow(
      /no such stage; configured stages: example/,
    );
  });

  it('bundles the five functions with the local esbuild, each well under 1 MB', () => {
    const bundled = synth({}, { bundle: true });
    const assembly = bundled.app.synth();
    const assets = readFileSync(join(assembly.directory, `${bundled.stack.artifactId}.assets.json`), 'utf8');
    const directories = [...assets.matchAll(/"path": "(asset\.[0-9a-f]+)"/g)].map((m) => m[1] as string);
    const sizes = directories
      .map((dir) => {
        try {
          return readFileSync(join(assembly.directory, dir, 'index.mjs')).length;
        } catch {
          return undefined;
        }
      })
      .filter((size): size is number => size !== undefined);
    expect(sizes).toHaveLength(5);
    for (const size of sizes) expect(size).toBeLessThan(1024 * 1024);
  }, 60_000);
});
