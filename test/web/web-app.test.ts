import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rowIds, seriousViolations, useBrowserSession, WAIT } from './support/browser-session.js';

/**
 * The CX team's app in Debian's chromium, on DynamoDB Local with the bundled samples. Every wait is on
 * a condition (locators, expect.poll), never a fixed sleep: the machine may be busy.
 */
const session = useBrowserSession();
const { newPage, api } = session;

const hashOf = (page: Page) => new URL(page.url()).hash;

const today = new Date().toISOString().slice(0, 10);
const ninetyDaysAgo = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10);

describe('the web app in chromium', { timeout: 180_000 }, () => {
  it('works a follow-up from the inbox to resolved: it leaves the open view and the figures move', async () => {
    const loopBefore = await api(`/reports/followups?from=${ninetyDaysAgo}&to=${today}`);
    const page = await newPage(`${session.web.ana.url}/#/inbox`);
    await expect.poll(() => page.getByTestId('current-user').textContent(), WAIT).toContain('ana');
    expect((await rowIds(page)).length).toBeGreaterThan(1);

    await page.getByLabel('department').selectOption('Customer Service');
    await expect.poll(() => hashOf(page), WAIT).toContain('department=Customer+Service');
    await expect
      .poll(
        async () =>
          (await page.locator('table.inbox tbody tr .meta').allTextContents()).every((t) =>
            t.includes('Customer Service'),
          ),
        WAIT,
      )
      .toBe(true);
    const [topId] = await rowIds(page);
    expect(topId).toBeTruthy();

    await page.locator(`tr[data-id="${topId}"] a.row-link`).click();
    await page.getByTestId('status').filter({ hasText: 'open' }).waitFor();
    // The analysis's main theme leads the comment's themes, marked as such.
    const record = await api(`/feedback/${encodeURIComponent(topId as string)}`);
    const themes = page.getByRole('list', { name: 'Themes' }).locator('li');
    expect(await themes.count()).toBe(record.analysis.themes.length);
    expect(record.analysis.mainTheme).toBeTruthy();
    await expect.poll(() => themes.first().textContent(), WAIT).toContain('main theme');
    expect(await page.locator('li[data-main]').count()).toBe(1);
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.getByTestId('owner').filter({ hasText: 'ana' }).waitFor();

    await page.getByLabel(/Note/).fill('Called back, left a voicemail first');
    await page.getByRole('button', { name: 'Mark contacted' }).click();
    await page.getByTestId('status').filter({ hasText: 'contacted' }).waitFor();
    await page.locator('.history').getByText('Called back, left a voicemail first').waitFor();

    await page.getByLabel('Root cause').selectOption('refund');
    await page.getByLabel('Action taken').fill('Refund issued and apologised');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('status').filter({ hasText: 'resolved' }).waitFor();

    const open = await newPage(`${session.web.ana.url}/#/inbox?view=open`);
    expect(await rowIds(open)).not.toContain(topId);
    const resolved = await newPage(`${session.web.ana.url}/#/inbox?view=resolved`);
    expect(await rowIds(resolved)).toContain(topId);

    const dashboard = await newPage(`${session.web.ana.url}/#/dashboard?from=${ninetyDaysAgo}&to=${today}`);
    await expect
      .poll(() => dashboard.getByTestId('loop-resolved').textContent(), WAIT)
      .toBe(String(loopBefore.resolved + 1));
    await expect
      .poll(() => dashboard.getByTestId('loop-contacted').textContent(), WAIT)
      .toBe(String(loopBefore.contacted + 1));
    // Root cause against predicted theme: the refund now counts once more, as the API says.
    const refundBefore =
      loopBefore.rootCausePrediction.find((p: { rootCause: string }) => p.rootCause === 'refund')?.resolved ??
      0;
    await expect
      .poll(() => dashboard.getByTestId('resolved-refund').textContent(), WAIT)
      .toBe(String(refundBefore + 1));
    const loopAfter = await api(`/reports/followups?from=${ninetyDaysAgo}&to=${today}`);
    const refund = loopAfter.rootCausePrediction.find((p: { rootCause: string }) => p.rootCause === 'refund');
    expect(await dashboard.locator('tr[data-root-cause="refund"] td').nth(1).textContent()).toBe(
      `${refund.predicted} (${Math.round(refund.rate * 100)}%)`,
    );
    expect(await seriousViolations(dashboard)).toEqual([]);
  });

  it('tells the second of two people claiming the same follow-up who was first, and refreshes', async () => {
    const { items } = await api('/inbox?view=unassigned');
    const id = items[0].id as string;
    const asAna = await newPage(`${session.web.ana.url}/#/followup/${encodeURIComponent(id)}`);
    const asBen = await newPage(`${session.web.ben.url}/#/followup/${encodeURIComponent(id)}`);
    await asBen.getByRole('button', { name: 'Claim', exact: true }).waitFor();
    await asAna.getByRole('button', { name: 'Claim', exact: true }).click();
    await asAna.getByTestId('owner').filter({ hasText: 'ana' }).waitFor();

    await asBen.getByRole('button', { name: 'Claim', exact: true }).click();
    const conflict = asBen.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/ana acted first: claim/);
    await asBen.getByTestId('owner').filter({ hasText: 'ana' }).waitFor();
    expect(await asBen.getByRole('button', { name: 'Claim', exact: true }).count()).toBe(0);
  });

  it("shows the same NPS as the API for a department's period", async () => {
    const report = await api(`/reports/nps?from=${ninetyDaysAgo}&to=${today}&by=department`);
    const segment = report.segments.find((s: { key: string }) => s.key === 'Customer Service');
    const page = await newPage(
      `${session.web.ana.url}/#/dashboard?from=${ninetyDaysAgo}&to=${today}&dimension=department&value=Customer+Service`,
    );
    await expect.poll(() => page.getByTestId('nps-current').textContent(), WAIT).toBe(segment.nps.toFixed(1));
    await page.getByText(`from ${segment.responses} responses`).waitFor();
    // CSAT beside NPS for the same filter (the samples have CSAT answers in Customer Service).
    expect(segment.csat.responses).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('csat-ces').textContent(), WAIT)
      .toContain(`CSAT ${Math.round(segment.csat.satisfiedPercent)}% satisfied`);
  });

  it('drills down from a theme to its comments with the evidence highlighted', async () => {
    const page = await newPage(`${session.web.ana.url}/#/dashboard?from=${ninetyDaysAgo}&to=${today}`);
    await page.getByRole('link', { name: 'Wait and hold times' }).click();
    await page.getByRole('heading', { name: 'Comments on Wait and hold times' }).waitFor();
    const marks = page.locator('.drill-list mark.evidence');
    await marks.first().waitFor();
    const texts = (await marks.allTextContents()).map((t) => t.toLowerCase());
    expect(texts.some((t) => t.includes('hold') || t.includes('wait') || t.includes('queue'))).toBe(true);
  });

  it('can be worked with the keyboard alone: views, then a follow-up', async () => {
    const page = await newPage(`${session.web.ana.url}/#/inbox`);
    await rowIds(page);
    const focusedIs = (selector: string) =>
      page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);
    for (let i = 0; i < 10 && !(await focusedIs('a[data-view="unassigned"]')); i++)
      await page.keyboard.press('Tab');
    expect(await focusedIs('a[data-view="unassigned"]')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page), WAIT).toContain('view=unassigned');
    // The URL changes before the page re-renders for it: until the tab is current, the section can
    // still say "not busy" over the open view's rows.
    await page.locator('a[data-view="unassigned"][aria-current="page"]').waitFor();
    const ids = await rowIds(page);
    for (let i = 0; i < 40 && !(await focusedIs('a.row-link')); i++) await page.keyboard.press('Tab');
    const focusedId = await page.evaluate<string>(
      "document.activeElement?.closest('tr')?.getAttribute('data-id')",
    );
    expect(focusedId).toBe(ids[0]);
    await page.keyboard.press('Enter');
    await page.getByTestId('status').waitFor();
    expect(decodeURIComponent(hashOf(page))).toBe(`#/followup/${ids[0]}`);
  });

  it('has no serious or critical accessibility violation on any page', async () => {
    const { items } = await api('/inbox?view=open');
    const pages = [
      '#/inbox',
      '#/inbox?view=resolved',
      `#/followup/${encodeURIComponent(items[0].id)}`,
      `#/dashboard?from=${ninetyDaysAgo}&to=${today}&theme=wait_time`,
    ];
    for (const hash of pages) {
      const page = await newPage(`${session.web.ana.url}/${hash}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect({ hash, violations: await seriousViolations(page) }).toEqual({ hash, violations: [] });
    }
  });
});

/**
 * The inbox keeps its search in the URL. A customer's e-mail address or phone number typed into the
 * search must not land there (the address bar, the history, the "Back to the inbox" place in
 * sessionStorage): the page says why and keeps the last search.
 */
const decodedHashOf = (page: Page) => decodeURIComponent(hashOf(page));
const storedPlaces = (page: Page) =>
  // A string, so the test's tsconfig (no DOM types) need not know the page's globals.
  page.evaluate(
    'JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })',
  ) as Promise<string>;

describe('the inbox search and personal data', { timeout: 180_000 }, () => {
  it('refuses to put an e-mail address or phone number into the URL, and searches words as before', async () => {
    const page = await session.newPage(`${session.web.ana.url}/#/inbox`);
    const search = page.getByLabel('Search comments');
    await search.fill('refund');
    await search.press('Enter');
    await expect.poll(() => decodedHashOf(page), WAIT).toContain('q=refund');

    for (const personal of ['jane.doe@example.com', '07700 900123']) {
      await search.fill(personal);
      await search.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'stored without personal data' }).waitFor();
      expect(decodedHashOf(page)).toContain('q=refund');
    }
    expect(decodedHashOf(page)).not.toMatch(/jane|07700/);
    expect(await storedPlaces(page)).not.toMatch(/jane|07700/);
  });
});
