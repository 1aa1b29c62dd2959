import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Construct } from 'constructs';
import type { StageConfig } from './config/stage-config.js';
import { DetractorAlerts } from './constructs/detractor-alerts.js';
import { FeedbackQueue } from './constructs/feedback-queue.js';
import { FeedbackTable } from './constructs/feedback-table.js';
import { FollowUpApi } from './constructs/follow-up-api.js';
import { INGEST_TIMEOUT, IngestFunction } from './constructs/ingest-function.js';
import { Observability } from './constructs/observability.js';
import { TeamAuth } from './constructs/team-auth.js';
import { WebHosting } from './constructs/web-hosting.js';
import { WebhookIngest } from './constructs/webhook-ingest.js';

const builtWebApp = fileURLToPath(new URL('../dist/web', import.meta.url));

export interface CloseloopStackProps extends StackProps {
  stage: string;
  config: StageConfig;
  /** The built web app to deploy. @default dist/web */
  webAppDirectory?: string;
}

/** Everything closeloop runs in one account: one construct per concern, composed here. */
export class CloseloopStack extends Stack {
  readonly feedbackQueue: FeedbackQueue;
  readonly feedbackTable: FeedbackTable;
  readonly failedAlerts: Construct;
  /** The team's logins and the app's hosting, when the stage deploys the web app. */
  readonly teamAuth?: TeamAuth;
  readonly webHosting?: WebHosting;

  constructor(scope: Construct, id: string, props: CloseloopStackProps) {
    super(scope, id, props);
    const { config } = props;
    Tags.of(this).add('application', 'closeloop');
    Tags.of(this).add('stage', props.stage);

    this.feedbackQueue = new FeedbackQueue(this, 'Queue', {
      maxReceiveCount: config.ingest.maxReceiveCount,
      visibilityTimeout: Duration.seconds(INGEST_TIMEOUT.toSeconds() * 6),
    });
    this.feedbackTable = new FeedbackTable(this, 'Store', { production: config.production });
    const table = this.feedbackTable.table;
    const ingest = new IngestFunction(this, 'Ingest', { config, queue: this.feedbackQueue.queue, table });
    const alerts = new DetractorAlerts(this, 'Alerts', { config, table });
    this.failedAlerts = alerts.failedAlerts;
    // The team's logins: the web app's routes take their JWTs; machine clients keep IAM.
    const webApp = config.webApp.deploy ? config.webApp : undefined;
    const teamAuth =
      webApp &&
      new TeamAuth(this, 'Team', {
        loginDomainPrefix: webApp.loginDomainPrefix as string,
        developmentUrls: webApp.developmentUrls,
        mfa: webApp.mfa,
        production: config.production,
      });
    const api = new FollowUpApi(this, 'FollowUps', {
      config,
      table,
      ...(teamAuth && {
        webAppAuthorizer: new HttpUserPoolAuthorizer('TeamJwt', teamAuth.userPool, {
          userPoolClients: [teamAuth.appClient],
        }),
      }),
    });
    // Survey tools' signed webhooks, when the stage lists any source (docs/integrations.md).
    const webhooks =
      config.webhooks.sources.length > 0
        ? new WebhookIngest(this, 'Webhooks', { config, stage: props.stage, queue: this.feedbackQueue.queue })
        : undefined;
    const observability = new Observability(this, 'Observability', {
      alarmEmails: config.alarmEmails,
      queue: this.feedbackQueue.queue,
      deadLetterQueues: [this.feedbackQueue.deadLetterQueue, alerts.failedAlerts],
      functions: [ingest.function, alerts.function, api.function, ...(webhooks ? [webhooks.function] : [])],
    });
    webhooks?.unauthorizedAlarm.addAlarmAction(new SnsAction(observability.operatorsTopic));

    new CfnOutput(this, 'FeedbackQueueUrl', {
      value: this.feedbackQueue.queue.queueUrl,
      description: 'Send feedback here: closeloop send FILE --queue-url <this>',
    });
    new CfnOutput(this, 'FollowUpApiUrl', {
      value: api.api.apiEndpoint,
      description: 'The follow-up API (IAM auth)',
    });
    new CfnOutput(this, 'FeedbackTableName', { value: table.tableName });
    if (teamAuth) {
      this.teamAuth = teamAuth;
      this.webHosting = new WebHosting(this, 'WebApp', {
        appDirectory: props.webAppDirectory ?? builtWebApp,
        api: api.api,
        loginOrigin: teamAuth.loginOrigin,
        appConfig: {
          region: this.region,
          userPoolId: teamAuth.userPool.userPoolId,
          clientId: teamAuth.appClient.userPoolClientId,
        },
        production: config.production,
      });
      // The login page sends users back to the app's own address (its root: the app routes in the hash).
      teamAuth.allowAppUrl(`${this.webHosting.url}/`);
      new CfnOutput(this, 'WebAppUrl', {
        value: this.webHosting.url,
        description: 'The CX team web app (sign in with a user invited to the user pool)',
      });
      new CfnOutput(this, 'UserPoolId', {
        value: teamAuth.userPool.userPoolId,
        description:
          'Invite users: aws cognito-idp admin-create-user --user-pool-id <this> (docs/web-app.md)',
      });
      new CfnOutput(this, 'LoginUrl', { value: teamAuth.loginOrigin });
    }
    for (const [name, topic] of Object.entries(alerts.topics)) {
      new CfnOutput(this, `AlertTopic${name.replace(/[^A-Za-z0-9]/g, '')}`, { value: topic.topicArn });
    }
  }
}
