import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { WebhookSource } from '../../lib/webhooks/webhook-source.js';
import type { StageConfig } from '../config/stage-config.js';
import { CloseloopFunction } from './closeloop-function.js';

export interface WebhookIngestProps {
  /** The stage's configuration: `webhooks` (sources, mappings, throttling, alarm threshold) and `production`. */
  config: StageConfig;
  /** Stage name, part of each secret's name. */
  stage: string;
  /** The feedback queue the verifier puts our messages on. */
  queue: Queue;
}

/**
 * Survey tools' webhooks: `POST /ingest/{source}` on its own HTTP API, without IAM (a vendor cannot sign
 * with AWS credentials; each request's vendor signature protects it), throttled, in front of a verifier
 * function that checks the signature, maps the payload and puts our message on the feedback queue.
 *
 * Why the verifier sits behind the route (and not behind a raw-webhook queue filled by a direct SQS
 * integration): the sender gets the true answer at once (401 for a wrong secret, 413, 422), which the
 * tools show in their delivery logs; forged traffic never reaches a queue; and a failure to queue is a
 * 5xx the tool retries, so no extra queue is needed to keep a delivery. What the verifier queued ends,
 * like every message, in the feedback queue's dead-letter queue if ingest keeps failing on it.
 */
export class WebhookIngest extends Construct {
  readonly api: HttpApi;
  readonly function: NodejsFunction;
  /** One secret per source, readable by the verifier function only. */
  readonly secrets: Partial<Record<WebhookSource, Secret>> = {};
  /** 401s over the configured threshold in 5 minutes; the stack sends it to the operators' topic. */
  readonly unauthorizedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: WebhookIngestProps) {
    super(scope, id);
    const { webhooks, production } = props.config;
    if (webhooks.sources.length === 0) throw new Error('WebhookIngest needs at least one source');
    if (webhooks.burstLimit < webhooks.rateLimit) {
      throw new Error(
        `webhooks.burstLimit (${webhooks.burstLimit}) must be at least webhooks.rateLimit (${webhooks.rateLimit})`,
      );
    }

    const secretNames: Partial<Record<WebhookSource, string>> = {};
    for (const source of new Set(webhooks.sources)) {
      const secretName = `closeloop/${props.stage}/webhooks/${source}`;
      const secret = new Secret(this, `Secret-${source}`, {
        secretName,
        description: `closeloop: ${source} webhook signing secret (and API token), see docs/integrations.md`,
        removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      this.secrets[source] = secret;
      // The plain name (not the token parsed back from the ARN), so the function's settings are readable.
      secretNames[source] = secretName;
    }

    this.function = new CloseloopFunction(this, 'Verifier', {
      entry: 'webhook/index.ts',
      description: 'closeloop: verifies survey tool webhooks and queues their feedback',
      timeout: Duration.seconds(15),
      memorySize: 512,
      production,
      environment: {
        QUEUE_URL: props.queue.queueUrl,
        WEBHOOK_SECRET_NAMES: JSON.stringify(secretNames),
        WEBHOOK_MAPPINGS: JSON.stringify(webhooks.mappings),
        SECRET_CACHE_SECONDS: '300',
        POWERTOOLS_SERVICE_NAME: 'closeloop-webhook',
      },
    }).function;
    props.queue.grantSendMessages(this.function);
    for (const secret of Object.values(this.secrets)) secret.grantRead(this.function);

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: production ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH,
    });
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'closeloop survey tool webhooks (vendor signatures, no IAM)',
      createDefaultStage: false,
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: webhooks.rateLimit, burstLimit: webhooks.burstLimit },
    });
    this.api.addRoutes({
      path: '/ingest/{source}',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('Verifier', this.function),
      authorizer: new HttpNoneAuthorizer(),
    });

    this.unauthorizedAlarm = new Alarm(this, 'Unauthorized', {
      metric: new Metric({
        namespace: 'closeloop',
        metricName: 'WebhookUnauthorized',
        dimensionsMap: { service: 'closeloop-webhook' },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: webhooks.unauthorizedAlarmThreshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'Webhooks refused with 401: a survey tool has the wrong secret, or someone is probing the endpoint.',
    });

    // Accepted cdk-nag findings, scoped to this construct, each with its reason.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'Each secret holds a value the survey tool issues or shows (Typeform, Delighted, Formbricks...): it can only be rotated in that tool, then pasted here; no rotation Lambda can do it.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        'Survey tools cannot sign with AWS credentials or obtain tokens: every request carries the vendor signature, verified by the function before anything is queued; the stage is throttled.',
    });

    new CfnOutput(this, 'WebhookUrl', {
      value: `${this.api.apiEndpoint}/ingest/<source>`,
      description: 'Paste into each survey tool, <source> replaced (docs/integrations.md)',
    });
  }
}
