import { quotedVendorValue } from './mapped-feedback.js';

/**
 * What can go wrong with a webhook delivery, each with the HTTP status the sender gets. The message is
 * safe to return: it never contains the body, a secret or an expected signature.
 */
export abstract class WebhookError extends Error {
  abstract readonly status: number;
}

/** Unsigned, forged, stale or tampered: nothing is queued. */
export class WebhookUnauthorizedError extends WebhookError {
  readonly status = 401;
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookUnauthorizedError';
  }
}

export class WebhookTooLargeError extends WebhookError {
  readonly status = 413;
  constructor(limit: number) {
    super(`the body is larger than ${limit} bytes`);
    this.name = 'WebhookTooLargeError';
  }
}

export class UnknownWebhookSourceError extends WebhookError {
  readonly status = 404;
  constructor(source: string) {
    super(`no webhook source "${quotedVendorValue(source, 40)}"`);
    this.name = 'UnknownWebhookSourceError';
  }
}

/** Signed correctly, but not something we can turn into feedback: the sender should not retry it. */
export class WebhookPayloadError extends WebhookError {
  readonly status = 422;
  constructor(readonly issues: string[]) {
    super(`the payload cannot be read as feedback: ${issues.join('; ')}`);
    this.name = 'WebhookPayloadError';
  }
}

/** The source is known but no secret is configured for it: refused, never accepted unsigned. */
export class WebhookNotConfiguredError extends WebhookError {
  readonly status = 401;
  constructor(source: string) {
    super(`webhooks from ${source} are not configured`);
    this.name = 'WebhookNotConfiguredError';
  }
}

/** The vendor's API (for sources that send only ids) failed: the sender should retry later. */
export class VendorApiError extends WebhookError {
  readonly status = 502;
  constructor(vendor: string, reason: string) {
    super(`could not fetch the response from ${vendor}: ${reason}`);
    this.name = 'VendorApiError';
  }
}

/** The feedback queue refused the message: the sender should retry later. */
export class WebhookQueueError extends WebhookError {
  readonly status = 503;
  constructor(reason: string) {
    super(`could not queue the feedback: ${reason}`);
    this.name = 'WebhookQueueError';
  }
}
