import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWebStack, type WebStack } from './web-stack.js';

/** How long a browser test waits for a condition: generous, because the machine may be busy. */
export const WAIT = { timeout: 30_000 };

export interface BrowserSession {
  /** The stack of this test file (set once `beforeAll` has run). */
  readonly web: WebStack;
  /** A fresh browser context (its own cookies and storage), closed after the file's tests. */
  newContext(): Promise<BrowserContext>;
  /** A page in a fresh browser context, opened at `url`. */
  newPage(url: string): Promise<Page>;
  /** A GET on ana's API under /api, expected to answer 200; the body read loosely. */
  // biome-ignore lint/suspicious/noExplicitAny: API bodies are read loosely; the assertions check them
  api(path: string): Promise<any>;
}

/**
 * Starts the web stack (DynamoDB Local with the samples, the app as ana and ben, chromium) before the
 * file's tests and stops it, with every browser context opened, after them.
 */
export function useBrowserSession(): BrowserSession {
  let web: WebStack | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    web = await startWebStack();
  }, 180_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await web?.stop();
  }, 60_000);
  const stack = () => {
    if (!web) throw new Error('the web stack is not started yet');
    return web;
  };
  const newContext = async () => {
    const context = await stack().browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context;
  };
  return {
    get web() {
      return stack();
    },
    newContext,
    async newPage(url) {
      const page = await (await newContext()).newPage();
      page.setDefaultTimeout(WAIT.timeout);
      await page.goto(url);
      return page;
    },
    async api(path) {
      const response = await fetch(`${stack().ana.url}/api${path}`);
      expect(response.status).toBe(200);
      return response.json();
    },
  };
}

/** The ids of the inbox rows on screen, once the rows for the URL's query are in. */
export async function rowIds(page: Page): Promise<string[]> {
  await page.locator('section[aria-busy="false"]').waitFor();
  return page
    .locator('table.inbox tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
}

/** axe-core's serious and critical violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
