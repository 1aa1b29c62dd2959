import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main.js';

function captureIo() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const writer = (into: string[]) => ({ write: (chunk: string) => into.push(chunk) > 0 });
  return {
    io: { stdin: process.stdin, stdout: writer(stdout), stderr: writer(stderr) } as unknown as Parameters<
      typeof main
    >[1],
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}

describe('closeloop main', () => {
  it('lists every command for --help and exits 0', async () => {
    const { io, out } = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const name of ['analyze', 'demo', 'serve-local', 'send', 'report'])
      expect(out()).toContain(`  ${name}`);
  });

  it('prints the usage and exits 2 with no command', async () => {
    const { io, out } = captureIo();
    expect(await main([], io)).toBe(2);
    expect(out()).toContain('Usage: closeloop <command>');
  });

  it('prints the package version', async () => {
    const { io, out } = captureIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each(['nope', '__proto__', 'constructor', 'toString'])(
    'refuses the unknown command %j with exit 2',
    async (name) => {
      const { io, err } = captureIo();
      expect(await main([name], io)).toBe(2);
      expect(err()).toContain(`unknown command "${name}"`);
    },
  );

  it("loads a command on demand and passes its options on (analyze's own --help)", async () => {
    const { io, out } = captureIo();
    expect(await main(['analyze', '--help'], io)).toBe(0);
    expect(out()).toContain('closeloop analyze');
  });
});

describe('serve-local settings that cannot be used', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-serve-settings-'));
  const invalid = join(dir, 'webhooks.json');
  writeFileSync(invalid, JSON.stringify({ sources: { typeform: 5 } }));

  // Read before anything starts: these exit 2 with a sentence, never a stack trace, and start nothing.
  it.each([
    [['--webhooks', join(dir, 'missing.json')], {}, /^closeloop: webhooks file not found: .+missing\.json\n/],
    [['--webhooks', dir], {}, /^closeloop: webhooks file .+ cannot be read: it is a folder\n/],
    [
      ['--webhooks', invalid],
      {},
      /^closeloop: webhook configuration in .+webhooks\.json is not valid:\n {2}sources\.typeform: /,
    ],
    [
      [],
      { CLOSELOOP_WEBHOOK_SECRET_QUALTRICS: 'token', CLOSELOOP_WEBHOOK_API_URL_QUALTRICS: 'not a url' },
      /^closeloop: webhook configuration in the settings of qualtrics is not valid:\n {2}apiBaseUrl: /,
    ],
  ])('%j with %j exits 2 and says why', async (args, env, message) => {
    const { io, err } = captureIo();
    const saved = { ...process.env };
    Object.assign(process.env, env, { CLOSELOOP_LOCAL_DIR: join(dir, 'local') });
    try {
      expect(await main(['serve-local', ...args], io)).toBe(2);
    } finally {
      process.env = saved;
    }
    expect(err()).toMatch(message);
  });
});

describe('AWS targets that cannot work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-aws-target-'));
  const input = join(dir, 'one.jsonl');
  writeFileSync(input, '{"id":"a","text":"hi"}\n');
  const noAws = Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => name.startsWith('AWS_') && name !== 'AWS_CA_BUNDLE')
      .map((name) => [name, undefined]),
  );

  // Refused before any message is read: otherwise every message fails alone, or a stack trace.
  it.each([
    [['send', input, '--queue-url', 'notaurl'], {}, /^closeloop: --queue-url "notaurl" is not a queue URL/],
    [
      ['send', input, '--queue-url', 'http://127.0.0.1:9/000000000000/q'],
      {},
      /^closeloop: no AWS region is set/,
    ],
    [
      ['send', input, '--queue-url', 'https://sqs.eu-west-1.amazonaws.com/000000000000/q'],
      { AWS_EC2_METADATA_DISABLED: 'true' },
      /^closeloop: no AWS credentials found/,
    ],
    [['report', '--table', 'bad table!'], {}, /^closeloop: --table "bad table!" is not a table name/],
    [['report', '--table', 'closeloop-feedback'], {}, /^closeloop: no AWS region is set/],
  ])('%j exits 2 and says why', async (args, env, message) => {
    const { io, err } = captureIo();
    const saved = { ...process.env };
    for (const [name, value] of Object.entries({
      ...noAws,
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      ...env,
    })) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    try {
      expect(await main(args, io)).toBe(2);
    } finally {
      process.env = saved;
    }
    expect(err()).toMatch(message);
  });
});
