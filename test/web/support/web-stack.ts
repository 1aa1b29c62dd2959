import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { type Browser, chromium } from 'playwright-core';
import { createApiHandler } from '../../../functions/api/api-router.js';
import { createIngestHandler } from '../../../functions/ingest/ingest-handler.js';
import { type LocalApiServer, startLocalApiServer } from '../../../lib/local/local-api-server.js';
import { type LocalStack, startLocalStack } from '../../../lib/local/local-stack.js';
import { FOLLOW_UP_ANY_AGE } from '../../support/any-age.js';
import { sqsEvent } from '../../support/sqs-event.js';

const repo = join(import.meta.dirname, '..', '..', '..');
export const webRoot = join(repo, 'dist', 'web');

/** Debian's chromium: the browser tests never download one. */
export const CHROMIUM = process.env.CLOSELOOP_CHROMIUM ?? '/usr/bin/chromium';

/** The bundled sample comments plus the problem messages (whose bad lines become rejects). */
function sampleBodies(): string[] {
  return ['feedback.jsonl', 'problem-messages.jsonl'].flatMap((file) =>
    readFileSync(join(repo, 'samples', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== ''),
  );
}

export interface WebStack {
  stack: LocalStack;
  /** The app as two local users on the same data: two people of one team. */
  ana: LocalApiServer;
  ben: LocalApiServer;
  browser: Browser;
  stop(): Promise<void>;
}

/** DynamoDB Local with the samples ingested, the app served as `ana` and as `ben`, and chromium. */
export async function startWebStack(): Promise<WebStack> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error('the web app is not built: run "npm run build:web" (npm test builds it first)');
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  }
  const stack = await startLocalStack(FOLLOW_UP_ANY_AGE);
  const started: Array<{ stop(): Promise<void> }> = [stack];
  try {
    const logger = new Logger({ logLevel: 'SILENT' });
    const ingest = createIngestHandler({ store: stack.store, logger });
    const bodies = sampleBodies();
    for (let i = 0; i < bodies.length; i += 10) await ingest(sqsEvent(bodies.slice(i, i + 10)));
    const handler = createApiHandler({ store: stack.store, logger });
    const ana = await startLocalApiServer(handler, 0, { web: { root: webRoot, user: 'ana' } });
    started.push(ana);
    const ben = await startLocalApiServer(handler, 0, { web: { root: webRoot, user: 'ben' } });
    started.push(ben);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    return {
      stack,
      ana,
      ben,
      browser,
      stop: async () => {
        await browser.close();
        await Promise.all(started.reverse().map((s) => s.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
}
