/**
 * Screenshots of the web app for docs/ (`npx tsx scripts/capture-web-screenshots.ts`): the bundled
 * samples on DynamoDB Local, one follow-up claimed and noted so its history shows, two resolved with
 * a root cause so the close-the-loop panel has its tables, headless chromium.
 */
import { join } from 'node:path';
import { startWebStack } from '../test/web/support/web-stack.js';

const docs = join(import.meta.dirname, '..', 'docs');
const web = await startWebStack();
try {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const followUp = 'tel-001';
  await page.goto(`${web.ana.url}/#/followup/${followUp}`);
  await page.getByLabel(/Note/).fill('Rang back, engineer booked for Thursday');
  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByTestId('owner').filter({ hasText: 'ana' }).waitFor();

  // Resolved through the API: one root cause the analysis predicted, one it did not.
  for (const [id, rootCause] of [
    ['tel-002', 'appointment'],
    ['tel-004', 'billing'],
    ['tel-006', 'billing'],
  ] as const) {
    const post = (action: string, body: unknown) =>
      fetch(`${web.ana.url}/api/followups/${id}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('claim', { owner: 'ana' });
    await post('resolve', { rootCause, action: 'Called back and put it right' });
  }

  const shots: Array<[string, string, () => Promise<unknown>]> = [
    ['web-inbox.png', '#/inbox', () => page.locator('section[aria-busy="false"]').waitFor()],
    [`web-follow-up.png`, `#/followup/${followUp}`, () => page.locator('.history').waitFor()],
    ['web-dashboard.png', '#/dashboard', () => page.locator('.chart canvas').waitFor()],
  ];
  for (const [file, hash, ready] of shots) {
    await page.goto(`${web.ana.url}/${hash}`);
    await ready();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(docs, file), fullPage: file === 'web-follow-up.png' });
    console.log(`docs/${file}`);
  }
  await page.goto(`${web.ana.url}/#/dashboard`);
  const loop = page.locator('section[aria-labelledby="loop-title"]');
  await loop.getByTestId('root-cause-prediction').waitFor();
  await loop.screenshot({ path: join(docs, 'web-close-the-loop.png') });
  console.log('docs/web-close-the-loop.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${web.ana.url}/#/inbox`);
  await page.locator('section[aria-busy="false"]').waitFor();
  await page.screenshot({ path: join(docs, 'web-inbox-phone.png') });
  console.log('docs/web-inbox-phone.png');
} finally {
  await web.stop();
}
