import * as z from 'zod';
import type { RedactedSegment } from '../analysis/privacy/redact-fields.js';
import type { Redacted } from '../analysis/privacy/redact-pii.js';
import type { AlertDestination } from '../model/alert-destination.js';
import type { FeedbackRecord } from '../model/feedback-record.js';

/**
 * What an alert says about an unhappy customer: enough to act on, with the redacted text only.
 * This is the `detail` of the EventBridge event `closeloop.feedback` / `DetractorFeedbackReceived`.
 */
export interface DetractorAlert {
  id: string;
  priority: number;
  reasons: string[];
  themes: string[];
  intents: string[];
  segment: RedactedSegment;
  score: number | null;
  scale: string | null;
  submittedAt: string;
  dueAt: string | null;
  redactedText: Redacted;
}

export const ALERT_EVENT_SOURCE = 'closeloop.feedback';
/**
 * The SNS message attribute holding the feedback id: delivery is at least once, so subscribers drop
 * a message whose id they have seen (EventBridge subscribers use `detail.id`).
 */
export const ALERT_DEDUPE_ATTRIBUTE = 'feedbackId';
export const ALERT_EVENT_TYPE = 'DetractorFeedbackReceived';

/** The alert for a stored record, or undefined when the record needs no follow-up. */
export function detractorAlertFor(record: FeedbackRecord): DetractorAlert | undefined {
  if (record.followUp.status === 'none') return undefined;
  return {
    id: record.id,
    priority: record.followUp.priority,
    reasons: record.followUp.reasons,
    themes: record.analysis.themes.map((theme) => theme.id),
    intents: record.analysis.signals.intents,
    segment: record.segment ?? {},
    score: record.score ?? null,
    scale: record.scale ?? null,
    submittedAt: record.submittedAt,
    dueAt: record.followUp.dueAt ?? null,
    redactedText: record.redactedText,
  };
}

/**
 * Alert routing as data, from the account's config: every alert goes to the default topic, and to the
 * topic of each rule it matches (a rule matches when every condition it states holds).
 */
export const alertRoutingSchema = z.strictObject({
  defaultTopic: z.string().min(1).default('detractors'),
  rules: z
    .array(
      z.strictObject({
        topic: z.string().min(1),
        minPriority: z.number().int().min(0).max(100).optional(),
        /** Any of these intents (`churn_risk`, `escalation`, `callback_request`). */
        intents: z.array(z.string().min(1)).min(1).optional(),
        /** Any of these departments. */
        departments: z.array(z.string().min(1)).min(1).optional(),
        /** Any of these themes. */
        themes: z.array(z.string().min(1)).min(1).optional(),
      }),
    )
    .default([]),
});

export type AlertRouting = z.infer<typeof alertRoutingSchema>;

/** The routing closeloop ships with: urgent for high priority or a threat to leave or escalate. */
export const defaultAlertRouting: AlertRouting = {
  defaultTopic: 'detractors',
  rules: [
    { topic: 'urgent', minPriority: 80 },
    { topic: 'urgent', intents: ['churn_risk', 'escalation'] },
  ],
};

/** The topics an alert goes to, default first, each once. */
export function routeAlert(alert: DetractorAlert, routing: AlertRouting): string[] {
  const topics = [routing.defaultTopic];
  for (const rule of routing.rules) {
    const matches =
      (rule.minPriority === undefined || alert.priority >= rule.minPriority) &&
      (rule.intents === undefined || rule.intents.some((intent) => alert.intents.includes(intent))) &&
      (rule.departments === undefined ||
        (alert.segment?.department !== undefined && rule.departments.includes(alert.segment.department))) &&
      (rule.themes === undefined || rule.themes.some((theme) => alert.themes.includes(theme)));
    if (matches && !topics.includes(rule.topic)) topics.push(rule.topic);
  }
  return topics;
}

// Defined in lib/model (the store records deliveries too); re-exported for callers of the alert contract.
export type { AlertDestination };

/** Every destination of an alert routed to `topics`: each topic, then the event bus. */
export function alertDestinations(topics: readonly string[]): AlertDestination[] {
  return [...topics.map((topic) => `topic:${topic}` as const), 'events'];
}

/** Where alerts go: SNS topics and EventBridge in AWS, a local sink on this machine. */
export interface AlertPublisher {
  /** Sends one copy of the alert to one destination (throws when it could not). */
  deliver(alert: DetractorAlert, destination: AlertDestination): Promise<void>;
}
