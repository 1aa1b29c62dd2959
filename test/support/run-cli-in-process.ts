import { Readable, Writable } from 'node:stream';
import { main } from '../../lib/cli/main.js';

/** A writable stream that keeps what is written, as text. */
export function textSink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Runs `closeloop ARGS` through `main()` in this process, as the bin does, with `input` as standard
 * input: what a user would see, without the half second a fresh Node process costs.
 */
export async function runCli(args: string[], input = '') {
  const stdout = textSink();
  const stderr = textSink();
  const code = await main(args, {
    stdin: Readable.from([input]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  const lines = stdout.text().split('\n').filter(Boolean);
  return {
    code,
    stdout: lines,
    analyses: lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)),
    stderr: stderr.text(),
  };
}
