import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rowIds, seriousViolations, useBrowserSession, WAIT } from './support/browser-session.js';

/**
 * Unclaim, assign, notes and bulk claim in chromium, on DynamoDB Local with the bundled samples.
 * Every wait is on a condition, never a fixed sleep.
 */
const session = useBrowserSession();
const { newPage, api } = session;
const today = new Date().toISOString().slice(0, 10);
const ninetyDaysAgo = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10);

/** Clicks an export button and reads the file the browser saves: its name and its text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', WAIT),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

describe('team actions in chromium', { timeout: 180_000 }, () => {
  it('bulk claims two rows ticked with the keyboard; each shows done and the owner is the user', async () => {
    const page = await newPage(`${session.web.ana.url}/#/inbox?view=unassigned`);
    const [first, second] = await rowIds(page);
    expect(second).toBeTruthy();
    // Keyboard: focus each row's checkbox and tick it with Space.
    for (const id of [first, second]) {
      await page.locator(`tr[data-id="${id}"] input[type="checkbox"]`).focus();
      await page.keyboard.press('Space');
    }
    await expect.poll(() => page.getByTestId('selected-count').textContent(), WAIT).toBe('2 selected');
    await page.getByRole('button', { name: 'Claim selected' }).click();
    const results = page.getByTestId('bulk-results');
    await expect.poll(() => results.locator('li').allTextContents(), WAIT).toHaveLength(2);
    expect((await results.locator('li').allTextContents()).every((t) => t.endsWith(': done'))).toBe(true);
    for (const id of [first, second]) {
      expect((await api(`/feedback/${encodeURIComponent(id as string)}`)).followUp.owner).toBe('ana');
    }
    // They left the unassigned view.
    await expect.poll(async () => (await rowIds(page)).includes(first as string), WAIT).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('unclaims, assigns to a teammate and adds a note that shows in the history', async () => {
    const { items } = await api('/inbox?view=unassigned');
    const id = items[0].id as string;
    const page = await newPage(`${session.web.ana.url}/#/followup/${encodeURIComponent(id)}`);
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect.poll(() => page.getByTestId('owner').textContent(), WAIT).toBe('ana');

    await page.getByRole('button', { name: 'Unclaim' }).click();
    await expect.poll(() => page.getByTestId('status').textContent(), WAIT).toBe('open');
    expect(await page.getByTestId('owner').textContent()).toBe('unassigned');

    await page.getByLabel('Assign to teammate').fill('ben');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => page.getByTestId('owner').textContent(), WAIT).toBe('ben');
    expect(await page.getByTestId('status').textContent()).toBe('claimed');

    await page.getByLabel(/^Note/).fill('Left a voicemail, call back on 020 7946 0958');
    await page.getByRole('button', { name: 'Add note' }).click();
    const history = page.locator('ol.history');
    await expect.poll(() => history.textContent(), WAIT).toContain('Left a voicemail, call back on [PHONE]');
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('unclaim');
    expect(text).toContain('assign');
    expect(text).not.toContain('7946');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('exports the inbox view and the dashboard drill-down as CSV named by their filters', async () => {
    const { total } = await api('/inbox?view=open&department=Care');
    const page = await newPage(`${session.web.ana.url}/#/inbox?view=open&department=Care`);
    await rowIds(page);
    const inbox = await download(page, 'Export CSV');
    expect(inbox.name).toBe('closeloop-inbox-open-department-Care.csv');
    expect(inbox.text.startsWith('\uFEFFid,status,priority,')).toBe(true);
    const ids = inbox.text
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[0]);
    expect(new Set(ids).size).toBe(total);

    const period = { from: ninetyDaysAgo, to: today };
    const { themes } = await api(`/reports/themes?from=${period.from}&to=${period.to}`);
    const theme = themes[0].id as string;
    await page.goto(
      `${session.web.ana.url}/#/dashboard?from=${period.from}&to=${period.to}&theme=${encodeURIComponent(theme)}`,
    );
    await page.locator('.drill-list li').first().waitFor();
    const drill = await download(page, 'Export these comments (CSV)');
    expect(drill.name).toBe(`closeloop-feedback-${period.from}-${period.to}-theme-${theme}.csv`);
    const drillIds = drill.text
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[0]);
    expect(drillIds.length).toBe(themes[0].mentions);
    const all = await download(page, 'Export CSV');
    expect(all.name).toBe(`closeloop-feedback-${period.from}-${period.to}.csv`);
    expect(all.text.split('\r\n').filter(Boolean).length).toBeGreaterThan(drillIds.length);
  });
});
