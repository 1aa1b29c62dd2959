import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.js';

// Every temporary directory of a run (stacks on disk, CDK assemblies, CLI files) is made under one
// directory that goes when the run ends: tests that stop a process with kill -9 cannot clean up after
// it, and a thousand runs had left ~4,000 directories in /tmp. Workers and the processes tests start
// read TMPDIR from this process's environment.
// The file is read more than once in a run (and by forked workers): only the first reading makes it.
// One level only, as a browser's socket path must stay under 108 characters.
const RUN_TEMP_PREFIX = 'closeloop-tests-';
if (!basename(tmpdir()).startsWith(RUN_TEMP_PREFIX)) {
  const runTemp = mkdtempSync(join(tmpdir(), RUN_TEMP_PREFIX));
  process.env.TMPDIR = runTemp;
  process.on('exit', () => rmSync(runTemp, { recursive: true, force: true }));
}

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which left the
    // second core idle while an emulator test waited on its JVM. The tests hold with every core busy (they
    // are run beside a CPU hog), so they use every core.
    maxWorkers: '100%',
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 20_000,
    // Hooks start DynamoDB Local: a JVM start can take minutes on a loaded 2-core machine.
    hookTimeout: 240_000,
    // The AWS SDK's notice that its 2027 releases need Node 22 says nothing about this code's behaviour;
    // printed once per test file, it buried the test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Unit tests share no state through modules (no mocks, no env changes), so one module graph per
          // thread serves every file: the analysis model, zod and the AWS SDK load once, not once per file.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // The CDK app loads once per process; a process, not a thread, because CDK's esbuild bundling
          // hands its own stdio to a child process.
          pool: 'forks',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'emulators',
          // Each file starts and stops its own stacks in its hooks (on the one DynamoDB Local below) and
          // restores what it spies on, so the files share a worker's modules (the AWS SDK, the analysis)
          // instead of importing them again each: ~60 s of imports fewer in a run.
          isolate: false,
          // One DynamoDB Local for the run, a database per stack on it, instead of a JVM per file.
          globalSetup: ['test/support/start-shared-dynamodb-local.ts'],
          setupFiles: ['test/support/use-shared-dynamodb-local.ts'],
          include: [
            'test/integration/**/*.test.ts',
            'test/reliability/**/*.test.ts',
            'test/web/**/*.test.ts',
          ],
        },
      },
    ],
  },
});
