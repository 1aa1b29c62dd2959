import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The inodes of the sockets listening on TCP `port` (IPv4 and IPv6), from Linux's /proc/net. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch (error) {
      // A kernel without IPv6 has no tcp6 table; without /proc/net/tcp, nothing can be told.
      if (table.endsWith('6')) continue;
      throw error;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [, localAddress, , state, , , , , , inode] = fields;
      const LISTEN = '0A';
      if (state === LISTEN && inode && Number.parseInt(localAddress?.split(':')[1] ?? '', 16) === port) {
        inodes.add(inode);
      }
    }
  }
  return inodes;
}

/**
 * Whether process `pid` is the one listening on TCP `port`, as Linux's /proc tells it; `undefined`
 * where it cannot tell (no /proc, as on macOS, or no right to read the process's descriptors).
 * Why: a server started on a port that was free a moment ago can lose it to another server; a client
 * then talks to the other one, which answers just the same.
 */
export function listensOn(pid: number, port: number): boolean | undefined {
  let inodes: Set<string>;
  try {
    inodes = listeningInodes(port);
  } catch {
    return undefined;
  }
  let descriptors: string[];
  try {
    descriptors = readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    // The process is gone: it listens on nothing.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? false : undefined;
  }
  for (const descriptor of descriptors) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${descriptor}`);
    } catch {
      continue;
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && inodes.has(inode)) return true;
  }
  return false;
}
