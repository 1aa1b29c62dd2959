import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERT_EVENT_SOURCE, ALERT_EVENT_TYPE } from '../../lib/alerts/detractor-alert.js';
import type { StageConfig } from '../config/stage-config.js';
import { CloseloopFunction } from './closeloop-function.js';

/**
 * Detractor alerts: one SNS topic per routing name (e-mail subscribers from the config), the alert
 * function on the table's stream filtered to new follow-up records, failures to a dead-letter queue,
 * and an example EventBridge rule that forwards urgent alerts.
 */
export class DetractorAlerts extends Construct {
  readonly function: NodejsFunction;
  readonly topics: Record<string, Topic> = {};
  readonly failedAlerts: Queue;

  constructor(scope: Construct, id: string, props: { config: StageConfig; table: TableV2 }) {
    super(scope, id);
    const { config, table } = props;
    const { routing, emailSubscriptions } = config.alerts;
    const names = new Set([routing.defaultTopic, ...routing.rules.map((rule) => rule.topic)]);
    const snsKey = Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns');
    for (const name of names) {
      const topic = new Topic(this, `Topic-${name}`, {
        displayName: `closeloop ${name} alerts`,
        masterKey: snsKey,
        enforceSSL: true,
      });
      for (const email of emailSubscriptions[name] ?? []) topic.addSubscription(new EmailSubscription(email));
      this.topics[name] = topic;
    }

    const bus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.function = new CloseloopFunction(this, 'Alert', {
      entry: 'alert/index.ts',
      description: 'closeloop: alert on new feedback that needs a follow-up',
      timeout: Duration.seconds(30),
      memorySize: 512,
      production: config.production,
      environment: {
        TABLE_NAME: table.tableName,
        ALERT_TOPIC_ARNS: JSON.stringify(
          Object.fromEntries(Object.entries(this.topics).map(([name, topic]) => [name, topic.topicArn])),
        ),
        ALERT_ROUTING: JSON.stringify(routing),
        EVENT_BUS_NAME: bus.eventBusName,
        POWERTOOLS_SERVICE_NAME: 'closeloop-alert',
      },
    }).function;
    for (const topic of Object.values(this.topics)) topic.grantPublish(this.function);
    bus.grantPutEventsTo(this.function);
    // The alert lease item: read, conditional put, update, delete.
    table.grantReadWriteData(this.function);

    this.failedAlerts = new Queue(this, 'FailedAlerts', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 50,
        retryAttempts: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failedAlerts),
        // Only inserts of feedback that needs a follow-up wake the function, and newer versions of a
        // response (revisedAt) that have one open: the handler alerts each id once.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: {
              NewImage: {
                type: { S: FilterRule.isEqual('feedback') },
                followUp: { M: { status: { S: FilterRule.notEquals('none') } } },
              },
            },
          }),
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('MODIFY'),
            dynamodb: {
              NewImage: {
                type: { S: FilterRule.isEqual('feedback') },
                revisedAt: { S: FilterRule.exists() },
                followUp: { M: { status: { S: FilterRule.isEqual('open') } } },
              },
            },
          }),
        ],
      }),
    );

    // Example rule: urgent alerts also reach the urgent topic through EventBridge (for other targets,
    // copy this rule: the event carries id, priority, reasons, themes, segment and redacted text).
    const urgent = this.topics.urgent;
    if (urgent) {
      new Rule(this, 'UrgentDetractors', {
        description: 'Example: detractor alerts with priority 80 or more',
        eventPattern: {
          source: [ALERT_EVENT_SOURCE],
          detailType: [ALERT_EVENT_TYPE],
          detail: { priority: [{ numeric: ['>=', 80] }] },
        },
        targets: [new SnsTopic(urgent)],
        enabled: false,
      });
    }
  }
}
