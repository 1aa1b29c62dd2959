import type { AlertDestination } from '../model/alert-destination.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import { type AlertPublisher, alertDestinations, type DetractorAlert } from './detractor-alert.js';

/**
 * How long one attempt may hold the right to send an alert before another may take over. A publish
 * takes well under a second; a crashed attempt holds the stream back this long, so it is seconds,
 * not a minute. An attempt still publishing when its lease ends can make a duplicate, which the
 * feedback id (the dedupe key on every message) lets subscribers drop.
 */
export const ALERT_LEASE_SECONDS = 10;

export class AlertBusyError extends Error {
  constructor(id: string) {
    super(`another attempt is sending the alert for "${id}"; retrying later`);
    this.name = 'AlertBusyError';
  }
}

/**
 * Sends an alert to each of its destinations at least once and, unless the function dies between a
 * publish and recording it, exactly once: a lease on the
 * alert's guard item keeps attempts apart, each destination is recorded as it is reached, and a retry
 * after a failure sends only to the destinations not yet reached (a failed second topic must not page
 * the first topic's people again). Throws `AlertBusyError` while another attempt holds the lease.
 */
export async function deliverAlertOnce(
  alert: DetractorAlert,
  topics: readonly string[],
  { store, publisher, now }: { store: FeedbackStore; publisher: AlertPublisher; now: () => Date },
): Promise<'sent' | 'duplicate'> {
  const attempt = await store.beginAlert(alert.id, now().toISOString(), ALERT_LEASE_SECONDS);
  if (attempt.status === 'sent') return 'duplicate';
  if (attempt.status === 'busy') throw new AlertBusyError(alert.id);
  const reached = new Set<AlertDestination>(attempt.delivered);
  try {
    for (const destination of alertDestinations(topics)) {
      if (reached.has(destination)) continue;
      await publisher.deliver(alert, destination);
      await store.recordAlertDelivery(alert.id, destination);
    }
  } catch (error) {
    await store.releaseAlert(alert.id);
    throw error;
  }
  await store.completeAlert(alert.id, now().toISOString());
  return 'sent';
}
