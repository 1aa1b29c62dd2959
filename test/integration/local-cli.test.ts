import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFeedbackReport } from '../../lib/reports/read-feedback-report.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'closeloop.js');

function cli(args: string[], localDir: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    // A CLI start compiles TypeScript and may start a JVM: minutes on a loaded 2-core machine.
    timeout: 300_000,
    env: { ...process.env, CLOSELOOP_LOCAL_DIR: localDir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('closeloop demo (npm run demo)', () => {
  const localDir = mkdtempSync(join(tmpdir(), 'closeloop-demo-'));

  it('runs the samples through SQS into DynamoDB, then ignores them all when run again', () => {
    const first = cli(['demo'], localDir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      // Duplicates: the samples' one redelivery, plus any the machine's load caused (a batch outliving
      // its visibility timeout is delivered again): stored and rejected are per distinct message.
      /Messages: 43 sent \(1 could not be sent\), 40 stored, 2 rejected, \d+ duplicates ignored, 0 in the dead-letter queue/,
    );
    expect(first.stdout).toMatch(/Overall\s+-?\d+\.\d\d\s+\d+/);
    expect(first.stdout).toMatch(/Follow-up queue \(top 10 of \d+ open/);
    expect(first.stderr).toMatch(/line 4: invalid JSON/);

    const second = cli(['demo'], localDir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 stored, 0 rejected, (4[3-9]|[5-9]\d|\d{3,}) duplicates ignored/);
    // The same report: nothing counted twice.
    const overall = (output: string) => output.match(/Overall.*$/m)?.[0];
    expect(overall(second.stdout)).toBe(overall(first.stdout));
  }, 600_000);
});

describe('closeloop serve-local, send and report', () => {
  const localDir = mkdtempSync(join(tmpdir(), 'closeloop-serve-'));
  let server: ChildProcess;
  let serverOutput = '';
  let exitCode: Promise<number | null>;

  beforeAll(async () => {
    server = spawn(
      process.execPath,
      [bin, 'serve-local', '--fresh', '--user', 'Zoë', '--follow-up-max-age-days', '3650'],
      {
        env: { ...process.env, CLOSELOOP_LOCAL_DIR: localDir },
      },
    );
    exitCode = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk) => {
        serverOutput += chunk;
        if (serverOutput.includes('ready')) resolve();
      });
      server.stderr?.on('data', (chunk) => {
        serverOutput += chunk;
      });
      server.once('exit', () => reject(new Error(`serve-local exited: ${serverOutput}`)));
    });
  });

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it('refuses a second local stack on the same data', () => {
    const second = cli(['serve-local'], localDir);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already running/);
  }, 300_000);

  it('stores what is sent and reports NPS by department from the counters', async () => {
    const input = join(localDir, 'input.jsonl');
    writeFileSync(
      input,
      [
        {
          id: 's1',
          text: 'On hold for an hour, nobody helped',
          score: 2,
          segment: { department: 'Billing' },
        },
        { id: 's2', text: 'Sorted in minutes, lovely agent', score: 10, segment: { department: 'Billing' } },
        { id: 's3', text: 'Fine', score: 8, segment: { department: 'Sales' } },
        { id: 's4', text: 'Great', score: 9, segment: { department: 'Sales' } },
        { id: 's5', text: 'wrong scale', score: 6, scale: 'csat' },
      ]
        .map((m) => JSON.stringify({ ...m, submittedAt: '2026-05-06T10:00:00Z' }))
        .join('\n'),
    );
    const sent = cli(['send', input], localDir);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/sent 5 \(1 of them invalid\), failed 0/);
    expect(sent.stderr).toMatch(/line 5: score: .*csat/);

    // The report reads what is stored without waiting: poll until the poller has caught up.
    let report = {} as StoredFeedbackReport;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const result = cli(
        ['report', '--json', '--by', 'department', '--from', '2026-05-01', '--to', '2026-05-31'],
        localDir,
      );
      expect(result.code, result.stderr).toBe(0);
      report = JSON.parse(result.stdout);
      if (report.overall.responses === 4 && report.rejected === 1) break;
      await sleep(200);
    }
    // 2 promoters (10, 9), 1 passive (8), 1 detractor (2): NPS = 50 - 25.
    expect(report.overall).toEqual({
      feedback: 4,
      responses: 4,
      promoters: 2,
      passives: 1,
      detractors: 1,
      nps: 25,
      // No CSAT or CES responses in this file (the one CSAT line is rejected).
      csat: { responses: 0, satisfiedPercent: null, mean: null },
      ces: { responses: 0, mean: null, highEffortPercent: null },
    });
    expect(report.segments).toMatchObject([
      { key: 'Billing', feedback: 2, responses: 2, promoters: 1, passives: 0, detractors: 1, nps: 0 },
      { key: 'Sales', feedback: 2, responses: 2, promoters: 1, passives: 1, detractors: 0, nps: 50 },
    ]);
    expect(report.rejected).toBe(1);
    expect(report.followUpsOpen).toBeGreaterThanOrEqual(1);
    expect(report.themes.find((t) => t.id === 'wait_time')).toMatchObject({
      detractorMentions: 1,
    });

    const tables = cli(['report', '--by', 'day', '--from', '2026-05-01', '--to', '2026-05-31'], localDir);
    expect(tables.stdout).toMatch(/2026-05-06\s+25\.00\s+4/);
  }, 180_000);

  it('serves the follow-up API at the URL on the ready line', async () => {
    const url = serverOutput.match(/API (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(url).toBeDefined();
    const response = await fetch(`${url}/followups?limit=5`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Array<{ id: string }> };
    expect(items.map((item) => item.id)).toContain('s1');
  });

  it('serves the web app at the same URL, as the --user, with the API under /api', async () => {
    const url = serverOutput.match(/API (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(serverOutput).toContain(`web app ${url}/ as Zoë`);
    expect(await (await fetch(`${url}/config.json`)).json()).toMatchObject({ mode: 'local', user: 'Zoë' });
    const inbox = (await (await fetch(`${url}/api/inbox`)).json()) as { items: Array<{ id: string }> };
    expect(inbox.items.map((item) => item.id)).toContain('s1');
  });

  it('stops on SIGTERM, exits 0 and removes its address file', async () => {
    server.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(serverOutput).toMatch(/stopped \(stored 4, duplicates ignored \d+, rejected 1\)/);
    expect(existsSync(join(localDir, 'local-stack.json'))).toBe(false);
    expect(cli(['send', join(localDir, 'input.jsonl')], localDir).stderr).toMatch(
      /no local stack is running/,
    );
  }, 300_000);
});

describe('closeloop report usage errors', () => {
  const localDir = mkdtempSync(join(tmpdir(), 'closeloop-report-'));

  it('explains bad options and missing data with exit code 2', () => {
    expect(cli(['report', '--by', 'colour'], localDir).stderr).toMatch(
      /--by must be one of department, team/,
    );
    expect(cli(['report', '--from', '2026-13-45'], localDir).stderr).toMatch(/--from must be a date/);
    expect(cli(['report', '--from', '2026-06-02', '--to', '2026-06-01'], localDir).stderr).toMatch(
      /--from must not be after the "to" date/,
    );
    const missing = cli(['report'], localDir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no local data/);
  }, 300_000);
});
