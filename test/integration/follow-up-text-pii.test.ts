import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedForms, PII_CORPUS } from '../support/pii-corpus.js';
import { type SeededApi, startSeededApi } from '../support/seeded-local-stack.js';

/**
 * What the team types into a follow-up (notes, the root cause, what was done) holds customers' phone
 * numbers and card numbers as often as the comments do. Each corpus form is written into every text
 * field of a resolve, on its own follow-up, through the HTTP API on DynamoDB Local; then the table,
 * the API's answers and both CSV exports are searched for the raw values.
 */
const day = '2026-06-01';
const ids = PII_CORPUS.map((_, i) => `pii-fu-${i}`);

let seeded: SeededApi;

beforeAll(async () => {
  seeded = await startSeededApi(
    ids.map((id) =>
      JSON.stringify({ id, text: 'Awful, nobody called back', score: 0, submittedAt: `${day}T07:00:00Z` }),
    ),
    () => new Date(`${day}T09:00:00Z`),
  );
  for (const [i, { form }] of PII_CORPUS.entries()) {
    const claimed = await seeded.call('POST', `/followups/${ids[i]}/claim`, {
      owner: 'ana',
      note: `customer asked us to use ${form}`,
    });
    expect(claimed.status).toBe(200);
    const resolved = await seeded.call('POST', `/followups/${ids[i]}/resolve`, {
      // A snake_case cause is counted under its own name: digits glued by `_` must not slip through.
      rootCause: i % 2 ? `called_${form.replaceAll(' ', '_')}` : `billing ${form}`,
      action: `Refunded; confirmed on ${form}`,
      note: `closed, details ${form}`,
    });
    expect(resolved.status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await seeded?.stop();
});

async function scanTable(): Promise<string> {
  const items: unknown[] = [];
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await seeded.stack.dynamodb.client.send(
      new ScanCommand({ TableName: seeded.stack.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items);
}

async function csv(path: string): Promise<string> {
  const response = await fetch(`${seeded.api.url}${path}`, { headers: { 'x-closeloop-actor': 'ana' } });
  expect(response.status).toBe(200);
  return response.text();
}

describe('personal data in what the team writes on a follow-up', () => {
  it('resolved every follow-up with the text redacted in the answer', async () => {
    const record = await seeded.call('GET', `/feedback/${ids[0]}`);
    expect(record.body.followUp.status).toBe('resolved');
    expect(record.body.followUp.action).toBe('Refunded; confirmed on [CARD]');
    expect(record.body.followUp.rootCause).toBe('billing [CARD]');
  });

  it('keeps none of the raw values in any table item, key or counter attribute', async () => {
    const table = await scanTable();
    expect(table).toContain('rootcause_other');
    expect(leakedForms(table).map((f) => f.name)).toEqual([]);
  });

  it('returns none of them from the record, its history, the lists or the reports', async () => {
    const answers = await Promise.all([
      ...ids.map((id) => seeded.call('GET', `/feedback/${id}`)),
      seeded.call('GET', '/followups?status=resolved&limit=100'),
      seeded.call('GET', '/inbox?view=resolved&pageSize=100'),
      seeded.call('GET', `/reports/followups?from=${day}&to=${day}`),
    ]);
    for (const answer of answers) expect(answer.status).toBe(200);
    expect(leakedForms(JSON.stringify(answers)).map((f) => f.name)).toEqual([]);
  });

  it('exports none of them in the dashboard or inbox CSV', async () => {
    const exported = await csv(`/reports/export?from=${day}&to=${day}`);
    expect(exported).toContain('billing [CARD]');
    const inbox = await csv('/inbox/export?view=resolved');
    expect(leakedForms(exported + inbox).map((f) => f.name)).toEqual([]);
  });
});
