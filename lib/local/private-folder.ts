import { mkdirSync } from 'node:fs';

/**
 * Creates a folder of the local stack's data readable by its owner only: DynamoDB Local's files and
 * the queue journal hold what customers wrote (and customer ids) before and beside redaction. A folder
 * that already exists keeps its permissions: it may be one the user chose and shares on purpose.
 */
export function makePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
}
