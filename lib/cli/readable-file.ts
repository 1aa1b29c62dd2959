import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/**
 * Refuses a path the user named (`what`: "input file", "taxonomy file") that is missing, a folder or
 * unreadable, with a sentence and exit 2, before anything is read or sent: reading it would otherwise
 * crash with ENOENT, EISDIR or EACCES and a stack trace.
 */
export function checkReadableFile(path: string, what: string): void {
  if (!existsSync(path)) throw new UsageError(`${what} not found: ${path}`);
  if (statSync(path).isDirectory()) throw new UsageError(`${what} ${path} cannot be read: it is a folder`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new UsageError(`${what} ${path} cannot be read (permission denied)`);
  }
}
