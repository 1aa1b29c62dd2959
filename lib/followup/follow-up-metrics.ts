import { dayOf } from '../model/calendar.js';
import type { CounterChange, CounterScope } from '../model/counter-scope.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import type { FollowUpState } from '../model/follow-up-state.js';
import { counter, counterAttribute } from '../store/counter-attributes.js';

/** Upper bounds (hours from receipt) of the time-to-first-contact histogram kept in the counters. */
export const CONTACT_HOUR_BUCKETS = [1, 4, 8, 24, 48, 72, 168] as const;

/** Counter attribute of the histogram bucket for a first contact after `hours`. */
export function contactBucket(hours: number): string {
  const bound = CONTACT_HOUR_BUCKETS.find((limit) => hours <= limit);
  return counterAttribute('contactHours', bound === undefined ? 'over168' : String(bound));
}

function scopes(record: FeedbackRecord): CounterScope[] {
  const department = record.segment?.department;
  return department
    ? [{ dimension: 'all' }, { dimension: 'department', value: department }]
    : [{ dimension: 'all' }];
}

/** What a resolution adds to the close-the-loop counters (negated by a reopen). */
function resolutionIncrements(
  record: FeedbackRecord,
  rootCause: string,
  sign: 1 | -1,
): Record<string, number> {
  const predicted = record.analysis.themes.map((theme) => theme.id);
  const increments: Record<string, number> = { [counter('followUpsResolved')]: sign };
  // A root cause that names a theme is checked against the themes the analysis predicted.
  const themeCause = /^[a-z][a-z0-9_]*$/.test(rootCause) ? rootCause : undefined;
  increments[counterAttribute('rootCause', themeCause ?? 'other')] = sign;
  for (const theme of predicted) {
    increments[counterAttribute('rootCausePredicted', theme)] = sign;
    if (theme === themeCause) increments[counterAttribute('rootCauseAgreed', theme)] = sign;
  }
  return increments;
}

/**
 * The counter changes a follow-up transition makes, on the day it happens (a reopen takes back its
 * resolution on the day that was counted), so that reports of contact within SLA, resolutions and root
 * causes come from the same counters as NPS, written in the same transaction as the change itself.
 */
export function followUpCounterChanges(record: FeedbackRecord, next: FollowUpState): CounterChange[] {
  const before = record.followUp;
  const changes: Array<{ day: string; increments: Record<string, number> }> = [];
  if (!before.contactedAt && next.contactedAt) {
    const hours = (Date.parse(next.contactedAt) - Date.parse(record.receivedAt)) / 3_600_000;
    const increments: Record<string, number> = {
      [counter('followUpsContacted')]: 1,
      [contactBucket(hours)]: 1,
    };
    if (next.dueAt && next.contactedAt <= next.dueAt) increments[counter('contactedWithinSla')] = 1;
    changes.push({ day: dayOf(next.contactedAt), increments });
  }
  if (before.status !== 'resolved' && next.status === 'resolved' && next.resolvedAt && next.rootCause) {
    changes.push({
      day: dayOf(next.resolvedAt),
      increments: resolutionIncrements(record, next.rootCause, 1),
    });
  }
  if (before.status === 'resolved' && next.status !== 'resolved' && before.resolvedAt && before.rootCause) {
    changes.push({
      day: dayOf(before.resolvedAt),
      increments: resolutionIncrements(record, before.rootCause, -1),
    });
  }
  return changes.flatMap((change) => scopes(record).map((scope) => ({ scope, ...change })));
}
