import type { CommandIo } from './analyze.js';
import { runServeLocal, serveLocalUsage, untilInterrupted } from './serve-local.js';

export const startUsage = `Usage: closeloop start [serve-local options]

What "npm start" runs: "closeloop serve-local --samples". Starts the local stack (DynamoDB Local, an SQS
emulator, the ingest and alert functions, the API and the web app), loads the bundled sample comments,
prints the report and a line "closeloop is ready: open http://127.0.0.1:PORT/", and serves until
Ctrl-C. Every serve-local option applies:

${serveLocalUsage.slice(serveLocalUsage.indexOf('\n\n') + 2)}`;

/** `closeloop start`: serve-local with the bundled samples loaded. */
export async function runStart(
  args: string[],
  io: CommandIo,
  until: () => Promise<void> = untilInterrupted,
  interruptedAgain: () => Promise<void> = untilInterrupted,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(startUsage);
    return 0;
  }
  return runServeLocal(['--samples', ...args], io, until, interruptedAgain);
}
