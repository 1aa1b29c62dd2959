import { CfnOutput, Duration, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Construct } from 'constructs';
import type { StageConfig } from './config/stage-config.js';
import { DetractorAlerts } from './constructs/detractor-alerts.js';
import { FeedbackQueue } from './constructs/feedback-queue.js';
import { FeedbackTable } from './constructs/feedback-table.js';
import { FollowUpApi } from './constructs/follow-up-api.js';
import { INGEST_TIMEOUT, IngestFunction } from './constructs/ingest-function.js';
import { Observability } from './constructs/observability.js';
import { WebhookIngest } from './constructs/webhook-ingest.js';

export interface CloseloopStackProps extends StackProps {
  stage: string;
  config: StageConfig;
}

/** Everything closeloop runs in one account: one construct per concern, composed here. */
export class CloseloopStack extends Stack {
  readonly feedbackQueue: FeedbackQueue;
  readonly feedbackTable: FeedbackTable;
  readonly failedAlerts: Construct;

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
    const api = new FollowUpApi(this, 'FollowUps', { config, table });
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
    for (const [name, topic] of Object.entries(alerts.topics)) {
      new CfnOutput(this, `AlertTopic${name.replace(/[^A-Za-z0-9]/g, '')}`, { value: topic.topicArn });
    }
  }
}
