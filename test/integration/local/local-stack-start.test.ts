import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const localStackModule = join(import.meta.dirname, '..', '..', '..', 'lib', 'local', 'local-stack.ts');

describe('a local stack that cannot start', () => {
  it('stops the SQS emulator it started when DynamoDB Local fails, so the process can exit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'closeloop-failed-start-'));
    // DynamoDB Local's folder cannot be made: a file stands in its place.
    writeFileSync(join(dataDir, 'dynamodb'), 'not a folder');
    // A process of its own: a server left listening would keep it alive, as it kept serve-local.
    const script = `
      const { startLocalStack } = await import(${JSON.stringify(localStackModule)});
      await startLocalStack({ dataDir: ${JSON.stringify(dataDir)} }).catch((error) => console.log('failed:', error.code));
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const timedOut = new Promise<'still running'>((resolve) =>
      setTimeout(() => resolve('still running'), 60_000).unref(),
    );
    const outcome = await Promise.race([exited, timedOut]);
    child.kill('SIGKILL');
    expect(output).toMatch(/failed: (EEXIST|ENOTDIR)/);
    expect(outcome).toBe(0);
  }, 90_000);
});
