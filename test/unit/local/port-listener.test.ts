import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listensOn } from '../../../lib/local/port-listener.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listen(host: string): Promise<number> {
  const server = createServer();
  servers.push(server);
  server.listen(0, host);
  await once(server, 'listening');
  return (server.address() as { port: number }).port;
}

describe('which process listens on a port', () => {
  it('names this process for a port it listens on, on IPv4 and on every interface', async () => {
    expect(listensOn(process.pid, await listen('127.0.0.1'))).toBe(true);
    expect(listensOn(process.pid, await listen('::'))).toBe(true);
  });

  it('says no for another process, and for a process that is gone', async () => {
    const port = await listen('127.0.0.1');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      expect(listensOn(other.pid as number, port)).toBe(false);
    } finally {
      other.kill();
    }
    await once(other, 'exit');
    expect(listensOn(other.pid as number, port)).toBe(false);
  });

  it('says no for a port nobody listens on', async () => {
    const port = await listen('127.0.0.1');
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect(listensOn(process.pid, port)).toBe(false);
  });
});
