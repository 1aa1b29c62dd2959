import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/api/api-router.js';
import type { LocalStack } from '../../lib/local/local-stack.js';
import { apiEvent, lambdaContext } from '../support/api-event.js';
import { startSeededLocalStack } from '../support/seeded-local-stack.js';

/**
 * Root cause against predicted theme on DynamoDB Local: follow-ups resolved through the API with a
 * root cause the analysis predicted, one it did not, and free text; then `/reports/followups` sets
 * them against each other both ways, and a reopen takes its resolution back.
 */
const logger = new Logger({ logLevel: 'SILENT' });
let stack: LocalStack;
let handler: ReturnType<typeof createApiHandler>;

const messages = [
  { id: 'rc-rude', text: 'The agent was rude and hung up on me', score: 1 },
  { id: 'rc-rude-2', text: 'Rude agent, very unhelpful and dismissive', score: 2 },
  { id: 'rc-hold', text: 'On hold for an hour before anyone answered', score: 0 },
  { id: 'rc-vague', text: 'Not happy at all', score: 3 },
];

beforeAll(async () => {
  stack = await startSeededLocalStack(
    messages.map((m) => JSON.stringify({ ...m, submittedAt: '2026-06-01T07:00:00Z' })),
  );
  handler = createApiHandler({ store: stack.store, logger, now: () => new Date('2026-06-02T09:00:00Z') });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function call(method: 'GET' | 'POST', path: string, body?: unknown) {
  const result = await handler(
    apiEvent(method, path, {
      headers: { 'x-closeloop-actor': 'ana' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
    lambdaContext,
  );
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') };
}

async function resolve(id: string, rootCause: string) {
  expect((await call('POST', `/followups/${id}/claim`, { owner: 'ana' })).status).toBe(200);
  expect((await call('POST', `/followups/${id}/resolve`, { rootCause, action: 'called back' })).status).toBe(
    200,
  );
}

describe('root cause against predicted theme', () => {
  it('counts, per predicted theme and per root cause, how often they agree', async () => {
    const themes = async (id: string) =>
      (await call('GET', `/feedback/${id}`)).body.analysis.themes.map((t: { id: string }) => t.id);
    // What the analysis predicted, so the expectations below follow from it.
    expect(await themes('rc-rude')).toContain('agent_attitude');
    expect(await themes('rc-rude-2')).toContain('agent_attitude');
    expect(await themes('rc-hold')).toContain('wait_time');
    expect(await themes('rc-hold')).not.toContain('billing');

    await resolve('rc-rude', 'agent_attitude'); // predicted and confirmed
    await resolve('rc-rude-2', 'Customer misread the letter'); // free text: predicted, not confirmed
    await resolve('rc-hold', 'billing'); // a cause the analysis did not see coming
    await resolve('rc-vague', 'billing');

    const report = await call('GET', '/reports/followups?from=2026-06-01&to=2026-06-04');
    expect(report.status).toBe(200);
    const agreement = Object.fromEntries(
      report.body.rootCauseAgreement.map((a: { theme: string }) => [a.theme, a]),
    );
    expect(agreement.agent_attitude).toEqual({ theme: 'agent_attitude', predicted: 2, agreed: 1, rate: 0.5 });
    expect(agreement.wait_time).toMatchObject({ agreed: 0, rate: 0 });
    expect(report.body.rootCausePrediction).toEqual([
      { rootCause: 'billing', resolved: 2, predicted: 0, rate: 0 },
      { rootCause: 'agent_attitude', resolved: 1, predicted: 1, rate: 1 },
    ]);

    // A reopen takes its resolution back from both directions.
    expect((await call('POST', '/followups/rc-rude/reopen', {})).status).toBe(200);
    const after = await call('GET', '/reports/followups?from=2026-06-01&to=2026-06-04');
    expect(after.body.rootCausePrediction).toEqual([
      { rootCause: 'billing', resolved: 2, predicted: 0, rate: 0 },
    ]);
    expect(
      after.body.rootCauseAgreement.find((a: { theme: string }) => a.theme === 'agent_attitude'),
    ).toEqual({ theme: 'agent_attitude', predicted: 1, agreed: 0, rate: 0 });
  });
});
