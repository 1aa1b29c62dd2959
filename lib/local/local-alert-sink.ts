import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import {
  ALERT_DEDUPE_ATTRIBUTE,
  ALERT_EVENT_SOURCE,
  ALERT_EVENT_TYPE,
  type AlertPublisher,
  type DetractorAlert,
} from '../alerts/detractor-alert.js';
import { formatAlert } from '../alerts/format-alert.js';
import type { AlertDestination } from '../model/alert-destination.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-dynamodb.js';
import type { LocalSqs } from './local-sqs.js';

export const LOCAL_ALERT_QUEUE = 'closeloop-alerts';

export interface LocalNotification {
  topic: string;
  subject: string;
  message: string;
  /** The dedupe key: the feedback id, from the message attribute. */
  feedbackId: string | undefined;
}

/**
 * Where alerts go on this machine: SNS topics on the SQS emulator (fauxqs emulates SNS), all
 * subscribed by one queue that tests and the CLI read, and EventBridge events kept in memory and
 * appended to a JSON Lines file when one is given.
 */
export class LocalAlertSink implements AlertPublisher {
  readonly events: Array<{ source: string; detailType: string; detail: DetractorAlert }> = [];
  private readonly topicArns = new Map<string, string>();
  private readonly sns: SNSClient;

  private constructor(
    private readonly sqs: LocalSqs,
    private readonly queueUrl: string,
    private readonly queueArn: string,
    private readonly eventsFile?: string,
  ) {
    this.sns = new SNSClient({
      endpoint: sqs.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
  }

  static async start(sqs: LocalSqs, eventsFile?: string): Promise<LocalAlertSink> {
    const { QueueUrl = '' } = await sqs.client.send(new CreateQueueCommand({ QueueName: LOCAL_ALERT_QUEUE }));
    const { Attributes } = await sqs.client.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    return new LocalAlertSink(sqs, QueueUrl, Attributes?.QueueArn ?? '', eventsFile);
  }

  private async topicArn(topic: string): Promise<string> {
    const known = this.topicArns.get(topic);
    if (known) return known;
    const { TopicArn = '' } = await this.sns.send(new CreateTopicCommand({ Name: `closeloop-${topic}` }));
    await this.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: this.queueArn }));
    this.topicArns.set(topic, TopicArn);
    return TopicArn;
  }

  async deliver(alert: DetractorAlert, destination: AlertDestination): Promise<void> {
    if (destination !== 'events') {
      const { subject, message } = formatAlert(alert);
      const topicArn = await this.topicArn(destination.slice('topic:'.length));
      await this.sns.send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject: subject,
          Message: message,
          MessageAttributes: { [ALERT_DEDUPE_ATTRIBUTE]: { DataType: 'String', StringValue: alert.id } },
        }),
      );
      return;
    }
    const event = { source: ALERT_EVENT_SOURCE, detailType: ALERT_EVENT_TYPE, detail: alert };
    this.events.push(event);
    if (this.eventsFile) {
      mkdirSync(dirname(this.eventsFile), { recursive: true });
      appendFileSync(this.eventsFile, `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
    }
  }

  /** Takes the SNS notifications delivered to the sink queue so far (each is read once). */
  async receiveNotifications(): Promise<LocalNotification[]> {
    const notifications: LocalNotification[] = [];
    for (;;) {
      const { Messages = [] } = await this.sqs.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.queueUrl,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 3600,
        }),
      );
      if (Messages.length === 0) return notifications;
      for (const message of Messages) {
        const envelope = JSON.parse(message.Body ?? '{}') as {
          TopicArn?: string;
          Subject?: string;
          Message?: string;
          MessageAttributes?: Record<string, { Value?: string }>;
        };
        notifications.push({
          topic:
            (envelope.TopicArn ?? '')
              .split(':')
              .at(-1)
              ?.replace(/^closeloop-/, '') ?? '',
          subject: envelope.Subject ?? '',
          message: envelope.Message ?? '',
          feedbackId: envelope.MessageAttributes?.[ALERT_DEDUPE_ATTRIBUTE]?.Value,
        });
      }
    }
  }

  stop(): void {
    this.sns.destroy();
  }
}
