import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLocalStackState } from '../../../lib/cli/local-stack-state.js';
import { makePrivateFolder } from '../../../lib/local/private-folder.js';

// The local stack's folder holds DynamoDB Local's files and the queue journal: customers' words and ids.
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the local stack data folder', () => {
  it('is created readable by its owner only, every new level of it', () => {
    const root = mkdtempSync(join(tmpdir(), 'closeloop-private-'));
    makePrivateFolder(join(root, '.closeloop', 'dynamodb'));
    expect(modeOf(join(root, '.closeloop'))).toBe(0o700);
    expect(modeOf(join(root, '.closeloop', 'dynamodb'))).toBe(0o700);
  });

  it('keeps the permissions of a folder the user made', () => {
    const shared = join(mkdtempSync(join(tmpdir(), 'closeloop-shared-')), 'team');
    mkdirSync(shared);
    chmodSync(shared, 0o750);
    makePrivateFolder(shared);
    expect(modeOf(shared)).toBe(0o750);
  });

  it('is private when serve-local writes its address file first', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'closeloop-state-')), '.closeloop');
    writeLocalStackState(dataDir, {
      pid: 1,
      sqsEndpoint: 'http://127.0.0.1:1',
      queueUrl: 'http://127.0.0.1:1/q',
      dlqUrl: 'http://127.0.0.1:1/dlq',
      dynamodbEndpoint: 'http://127.0.0.1:2',
      tableName: 'closeloop-feedback',
      apiUrl: 'http://127.0.0.1:3',
    });
    expect(modeOf(dataDir)).toBe(0o700);
  });
});
