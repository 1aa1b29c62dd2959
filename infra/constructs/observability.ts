import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  alarmEmails: string[];
  queue: Queue;
  deadLetterQueues: Queue[];
  functions: NodejsFunction[];
}

/** Alarms on what means a comment or an alert is stuck, an operators' topic, and one dashboard. */
export class Observability extends Construct {
  readonly alarms: Alarm[] = [];
  readonly operatorsTopic: Topic;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.operatorsTopic = new Topic(this, 'Operators', {
      displayName: 'closeloop operations alarms',
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    for (const email of props.alarmEmails) this.operatorsTopic.addSubscription(new EmailSubscription(email));
    const action = new SnsAction(this.operatorsTopic);
    const alarm = (name: string, metric: Metric, threshold: number, description: string) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };

    for (const [i, queue] of props.deadLetterQueues.entries()) {
      alarm(
        `DeadLetters${i}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        1,
        'Messages in a dead-letter queue: feedback or alerts that failed every retry. Inspect and redrive.',
      );
    }
    alarm(
      'OldestFeedback',
      props.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      900,
      'Feedback has waited 15 minutes in the queue: ingest is failing or throttled.',
    );
    for (const fn of props.functions) {
      const name = fn.node.scope?.node.id ?? fn.node.id;
      alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), 1, `${name} function errors.`);
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: Duration.minutes(5) }),
        1,
        `${name} function throttled.`,
      );
    }
    const rejects = new Metric({
      namespace: 'closeloop',
      metricName: 'FeedbackRejected',
      dimensionsMap: { service: 'closeloop-ingest' },
      period: Duration.hours(1),
      statistic: 'Sum',
    });
    alarm(
      'Rejects',
      rejects,
      50,
      'Over 50 rejected messages in an hour: a producer is sending a wrong format.',
    );

    new Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new GraphWidget({
            title: 'Feedback stored, duplicates, rejects',
            left: ['FeedbackStored', 'FeedbackDuplicate', 'FeedbackRejected'].map(
              (metricName) =>
                new Metric({
                  namespace: 'closeloop',
                  metricName,
                  dimensionsMap: { service: 'closeloop-ingest' },
                  statistic: 'Sum',
                }),
            ),
          }),
          new GraphWidget({
            title: 'Queue',
            left: [props.queue.metricApproximateNumberOfMessagesVisible()],
            right: [props.queue.metricApproximateAgeOfOldestMessage()],
          }),
          new GraphWidget({
            title: 'Alerts sent',
            left: [
              new Metric({
                namespace: 'closeloop',
                metricName: 'AlertSent',
                dimensionsMap: { service: 'closeloop-alert' },
                statistic: 'Sum',
              }),
            ],
          }),
        ],
        [
          new GraphWidget({ title: 'Errors', left: props.functions.map((fn) => fn.metricErrors()) }),
          new GraphWidget({ title: 'Duration', left: props.functions.map((fn) => fn.metricDuration()) }),
        ],
      ],
    });
  }
}
