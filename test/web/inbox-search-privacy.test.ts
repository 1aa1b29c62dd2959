import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession, WAIT } from './support/browser-session.js';

/**
 * The inbox keeps its search in the URL. A customer's e-mail address or phone number typed into the
 * search must not land there (the address bar, the history, the "Back to the inbox" place in
 * sessionStorage): the page says why and keeps the last search.
 */
const session = useBrowserSession();

const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash);
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
    await expect.poll(() => hashOf(page), WAIT).toContain('q=refund');

    for (const personal of ['jane.doe@example.com', '07700 900123']) {
      await search.fill(personal);
      await search.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'stored without personal data' }).waitFor();
      expect(hashOf(page)).toContain('q=refund');
    }
    expect(hashOf(page)).not.toMatch(/jane|07700/);
    expect(await storedPlaces(page)).not.toMatch(/jane|07700/);
  });
});
