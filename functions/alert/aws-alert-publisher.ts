import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  ALERT_DEDUPE_ATTRIBUTE,
  ALERT_EVENT_SOURCE,
  ALERT_EVENT_TYPE,
  type AlertDestination,
  type AlertPublisher,
  type DetractorAlert,
} from '../../lib/alerts/detractor-alert.js';
import { formatAlert } from '../../lib/alerts/format-alert.js';
import { traced } from '../tracer.js';

/** Sends alerts to SNS topics (by routing name -> ARN) and as events to an EventBridge bus. */
export class AwsAlertPublisher implements AlertPublisher {
  constructor(
    private readonly sns: SNSClient,
    private readonly eventBridge: EventBridgeClient,
    private readonly topicArns: Readonly<Record<string, string>>,
    private readonly eventBusName: string,
  ) {}

  async deliver(alert: DetractorAlert, destination: AlertDestination): Promise<void> {
    if (destination === 'events') return this.putEvent(alert);
    const topic = destination.slice('topic:'.length);
    const topicArn = this.topicArns[topic];
    // A rule naming a topic the stack does not have is a configuration error, not a reason to drop the alert.
    if (!topicArn) throw new Error(`no SNS topic configured for alert topic "${topic}"`);
    const { subject, message } = formatAlert(alert);
    await this.sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: subject,
        Message: message,
        MessageAttributes: {
          [ALERT_DEDUPE_ATTRIBUTE]: { DataType: 'String', StringValue: alert.id },
          priority: { DataType: 'Number', StringValue: String(alert.priority) },
          ...(alert.segment?.department && {
            department: { DataType: 'String', StringValue: alert.segment.department },
          }),
        },
      }),
    );
  }

  private async putEvent(alert: DetractorAlert): Promise<void> {
    const result = await this.eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: ALERT_EVENT_SOURCE,
            DetailType: ALERT_EVENT_TYPE,
            Detail: JSON.stringify(alert),
            EventBusName: this.eventBusName,
          },
        ],
      }),
    );
    if (result.FailedEntryCount) {
      throw new Error(
        `EventBridge refused the alert event: ${result.Entries?.[0]?.ErrorMessage ?? 'unknown error'}`,
      );
    }
  }
}

export function awsAlertPublisher(
  topicArns: Record<string, string>,
  eventBusName: string,
): AwsAlertPublisher {
  return new AwsAlertPublisher(
    traced(new SNSClient({})),
    traced(new EventBridgeClient({})),
    topicArns,
    eventBusName,
  );
}
