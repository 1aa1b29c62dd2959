import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeLocalProcess, startServeLocal } from '../support/serve-local-process.js';

// `npm start` runs `closeloop start`: the local stack with the sample comments, serving until Ctrl-C.
describe('closeloop start (npm start)', () => {
  const localDir = mkdtempSync(join(tmpdir(), 'closeloop-start-'));
  let server: ServeLocalProcess;
  let url: string;

  beforeAll(async () => {
    server = await startServeLocal(localDir, ['--fresh'], 'start', /closeloop is ready: open (\S+)/);
    url = (server.output().match(/closeloop is ready: open (http:\/\/127\.0\.0\.1:\d+)\//) ?? [])[1] ?? '';
  }, 300_000);

  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('loads the sample comments and prints the report before the ready line', () => {
    const output = server.output();
    expect(output).toMatch(/sample comments: 43 sent, 40 stored, 2 rejected/);
    expect(output.indexOf('Overall')).toBeGreaterThan(-1);
    expect(output.indexOf('Overall')).toBeLessThan(output.indexOf('closeloop is ready'));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the web app and an inbox with the samples follow-ups at the ready URL', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const inbox = (await (await fetch(`${url}/api/inbox?view=open`)).json()) as { items: unknown[] };
    expect(inbox.items.length).toBeGreaterThan(0);
  });

  it('stops cleanly on Ctrl-C (SIGINT) with exit code 0', async () => {
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/stopped \(stored 40, /);
  }, 300_000);
});
