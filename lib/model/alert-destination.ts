/** One place an alert is sent to: an SNS topic by its routing name, or the EventBridge bus. */
export type AlertDestination = `topic:${string}` | 'events';
