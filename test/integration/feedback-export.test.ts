import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/api/api-router.js';
import { NEXT_CURSOR_HEADER } from '../../functions/api/csv-response.js';
import type { LocalStack } from '../../lib/local/local-stack.js';
import { CSV_BOM } from '../../lib/reports/csv-writer.js';
import { FEEDBACK_EXPORT_PAGE_ROWS } from '../../lib/reports/feedback-export.js';
import { apiEvent, lambdaContext } from '../support/api-event.js';
import { leakedForms, PII_CORPUS } from '../support/pii-corpus.js';
import { startSeededLocalStack } from '../support/seeded-local-stack.js';

/**
 * The CSV exports on DynamoDB Local: the feedback behind a dashboard view (a paged Scan) and behind a
 * theme drill-down (theme mentions), and an inbox view; fed the PII corpus in texts, segments and
 * channels, with a customer id on every record, and comments a spreadsheet would run as formulas.
 */
const logger = new Logger({ logLevel: 'SILENT' });
const CUSTOMER_ID = 'CUST-SECRET-7781';
const submittedAt = '2026-06-01T07:00:00Z';
let stack: LocalStack;
let handler: ReturnType<typeof createApiHandler>;

const messages = [
  ...PII_CORPUS.flatMap(({ form }, i) => [
    { id: `text-${i}`, text: `On hold for an hour. Call me on ${form}`, score: 1, customerId: CUSTOMER_ID },
    {
      id: `seg-${i}`,
      text: 'Charged twice for one order',
      score: 2,
      channel: form,
      customerId: CUSTOMER_ID,
      segment: { department: 'Billing', team: form, agent: form, product: `card ${form}` },
    },
  ]),
  {
    id: 'formula',
    text: '=HYPERLINK("http://evil.example","click")',
    score: 3,
    segment: { department: 'Care' },
  },
  { id: 'at-sign', text: '@SUM(1+1) the app crashed', score: 2, segment: { department: 'Care' } },
];

beforeAll(async () => {
  stack = await startSeededLocalStack(messages.map((m) => JSON.stringify({ ...m, submittedAt })));
  handler = createApiHandler({ store: stack.store, logger, now: () => new Date('2026-06-04T09:00:00Z') });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** The answer, its body decoded as API Gateway would send it (CSV pages come base64-encoded, byte for byte). */
async function call(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const result = await handler(event, lambdaContext);
  return result.isBase64Encoded
    ? { ...result, body: Buffer.from(result.body ?? '', 'base64').toString('utf8') }
    : result;
}

/** Every page of an export, following the cursor header as the web app does. */
async function exportAll(path: string) {
  let body = '';
  let pages = 0;
  let cursor: string | undefined;
  let first: APIGatewayProxyStructuredResultV2 | undefined;
  do {
    const target = cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path;
    const response = await call(apiEvent('GET', target, { headers: { 'x-closeloop-actor': 'lea' } }));
    expect(response.statusCode).toBe(200);
    first ??= response;
    body += response.body ?? '';
    cursor = response.headers?.[NEXT_CURSOR_HEADER] as string | undefined;
    pages += 1;
  } while (cursor && pages < 50);
  const lines = body.split('\r\n').filter(Boolean);
  return {
    body,
    pages,
    header: lines[0] ?? '',
    ids: lines.slice(1).map((line) => line.split(',')[0]),
    first,
  };
}

/** An event as API Gateway hands it over behind the JWT authorizer, for a user in these groups. */
function signedIn(path: string, groups: string): APIGatewayProxyEventV2 {
  const event = apiEvent('GET', path);
  return {
    ...event,
    requestContext: {
      ...event.requestContext,
      apiId: 'a1b2c3d4e5',
      authorizer: { jwt: { claims: { username: 'ana', 'cognito:groups': groups }, scopes: null } },
    } as APIGatewayProxyEventV2['requestContext'],
  };
}

describe('CSV export of the feedback behind a dashboard view', () => {
  const period = 'from=2026-06-01&to=2026-06-30';

  it('reads the period page by page: every record once, redacted, no customer id, formulas disarmed', async () => {
    const { body, pages, header, ids, first } = await exportAll(`/reports/export?${period}`);
    expect(pages).toBeGreaterThan(messages.length > FEEDBACK_EXPORT_PAGE_ROWS ? 1 : 0);
    expect(body.startsWith(CSV_BOM)).toBe(true);
    expect(header).toBe(
      `${CSV_BOM}id,submittedAt,score,scale,band,sentiment,themes,channel,department,team,agent,product,followUp,owner,rootCause,redactedText`,
    );
    expect(ids).toHaveLength(messages.length);
    expect(new Set(ids).size).toBe(messages.length);
    expect(leakedForms(body)).toEqual([]);
    expect(body).not.toContain(CUSTOMER_ID);
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(body).toContain("'@SUM(1+1) the app crashed");
    expect(first?.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(first?.headers?.['content-disposition']).toBe(
      'attachment; filename="closeloop-feedback-2026-06-01-2026-06-30.csv"',
    );
  });

  it('keeps to the segment of the view and names it in the file', async () => {
    const { ids, first } = await exportAll(`/reports/export?${period}&dimension=department&value=Care`);
    expect(ids.sort()).toEqual(['at-sign', 'formula']);
    expect(first?.headers?.['content-disposition']).toContain('department-Care.csv');
  });

  it('exports a theme drill-down from the theme mentions, newest first, each once', async () => {
    const { body, ids } = await exportAll(`/reports/export?${period}&theme=wait_time`);
    expect(new Set(ids).size).toBe(PII_CORPUS.length);
    expect(ids.every((id) => id?.startsWith('text-'))).toBe(true);
    expect(leakedForms(body)).toEqual([]);
  });

  it('exports an inbox view with its filters in the file name, redacted', async () => {
    const { body, ids, header, first } = await exportAll('/inbox/export?view=open&department=Billing');
    expect(header.startsWith(`${CSV_BOM}id,status,priority`)).toBe(true);
    expect(new Set(ids).size).toBe(PII_CORPUS.length);
    expect(leakedForms(body)).toEqual([]);
    expect(first?.headers?.['content-disposition']).toBe(
      'attachment; filename="closeloop-inbox-open-department-Billing.csv"',
    );
  });

  it.each([
    { query: 'from=2026-06-01', issue: 'to' },
    { query: `${period}&dimension=department`, issue: 'value' },
    { query: `${period}&theme=..%2Fetc`, issue: 'theme' },
    { query: `${period}&cursor=forged.cursor`, issue: 'cursor' },
  ])('refuses $query with a clear error', async ({ query, issue }) => {
    const response = await call(apiEvent('GET', `/reports/export?${query}`));
    expect(response.statusCode).toBe(400);
    expect(String(response.body)).toContain(`"${issue}`);
  });

  it('is for leads and admins only when signed in', async () => {
    const agent = await call(signedIn(`/api/reports/export?${period}`, '[agent]'));
    expect(agent.statusCode).toBe(403);
    const lead = await call(signedIn(`/api/reports/export?${period}`, '[lead]'));
    expect(lead.statusCode).toBe(200);
    expect(lead.body?.startsWith(CSV_BOM)).toBe(true);
  });
});
