/**
 * The webhook endpoint on the local stack: signed Typeform, Delighted and generic deliveries posted to
 * `POST /ingest/{source}` of the local API server (verify, map, validate, SendMessage to local SQS),
 * `concurrency` in flight. Ingest does not run meanwhile (it would share this process's CPU), so this is
 * the endpoint alone. Prints requests/s and latency percentiles, and checks that every 202 is one message
 * on the feedback queue. Run with `npm run bench:webhooks [-- --requests N --concurrency C]`.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createApiHandler } from '../functions/api/api-router.js';
import { queueDepth } from '../lib/local/drain-queue.js';
import { startLocalApiServer } from '../lib/local/local-api-server.js';
import { startLocalStack } from '../lib/local/local-stack.js';
import { createLocalWebhookRoute } from '../lib/local/local-webhook-route.js';
import { signWebhook } from '../lib/webhooks/sign-webhook.js';
import type { WebhookSource } from '../lib/webhooks/webhook-source.js';
import { delightedPayload, genericMessage, typeformPayload } from '../test/support/webhook-payloads.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1500' },
    concurrency: { type: 'string', default: '8' },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

const secrets: Partial<Record<WebhookSource, string>> = {
  typeform: 'bench-typeform',
  delighted: 'bench-delighted',
  generic: 'bench-generic',
};
const bodies: Array<[WebhookSource, (n: number) => unknown]> = [
  ['typeform', typeformPayload],
  ['delighted', delightedPayload],
  ['generic', genericMessage],
];

const stack = await startLocalStack();
const route = createLocalWebhookRoute({
  settings: Object.fromEntries(Object.entries(secrets).map(([s, secret]) => [s, { secret, mapping: {} }])),
  sqs: stack.sqs.client,
  queueUrl: stack.queueUrl,
});
const api = await startLocalApiServer(createApiHandler({ store: stack.store }), 0, { routes: [route] });

const latencies: number[] = [];
const statuses = new Map<number, number>();
let next = 0;
const worker = async () => {
  while (next < total) {
    const n = next++;
    const [source, payload] = bodies[n % bodies.length] as (typeof bodies)[number];
    // Signed when sent, as a tool would: the timestamp is fresh and the signature is part of the cost.
    const body = JSON.stringify(payload(100_000 + n));
    const started = performance.now();
    const headers = signWebhook(source, body, secrets[source] as string);
    const response = await fetch(`${api.url}/ingest/${source}`, { method: 'POST', headers, body });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;

latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
console.log(`webhook deliveries: ${total} (typeform, delighted, generic in turn), ${concurrency} in flight`);
console.log(`answers: ${[...statuses].map(([status, count]) => `${status} x${count}`).join(', ')}`);
console.log(`requests/s: ${(total / seconds).toFixed(0)}`);
console.log(
  `latency ms: p50 ${percentile(50)}, p90 ${percentile(90)}, p99 ${percentile(99)}, max ${percentile(100)}`,
);
console.log(`messages on the feedback queue: ${await queueDepth(stack.sqs.client, stack.queueUrl)}`);
console.log(`machine load average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}`);
await api.stop();
await stack.stop();
