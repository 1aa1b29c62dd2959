import { VendorApiError, WebhookPayloadError } from './webhook-errors.js';

/** How long one call to a vendor's API may take: webhook senders give up after ~10 s. */
const VENDOR_API_TIMEOUT_MS = 5_000;

/** The account API a source that sends only ids is read with. */
export interface VendorApiAccess {
  apiToken: string;
  /** The API's base URL (Qualtrics: your data centre, e.g. https://iad1.qualtrics.com). */
  apiBaseUrl: string;
}

/**
 * GETs JSON from a vendor API. A 404 means the id in the webhook names no response (422, not retried);
 * any other failure is the vendor's (502, so the sender retries later). Never echoes the token.
 */
export async function fetchVendorJson(
  vendor: string,
  url: URL,
  headers: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(VENDOR_API_TIMEOUT_MS),
    });
  } catch (error) {
    throw new VendorApiError(vendor, (error as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable');
  }
  if (response.status === 404) throw new WebhookPayloadError([`${vendor} has no such response`]);
  if (!response.ok) throw new VendorApiError(vendor, `HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new VendorApiError(vendor, 'the answer is not JSON');
  }
}

/** Path segments taken from a webhook go into a URL: only id characters, so they cannot change the path. */
export function pathSegment(value: string, what: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new WebhookPayloadError([`${what} is not an id`]);
  return value;
}
