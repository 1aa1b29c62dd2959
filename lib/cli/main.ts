import { readFileSync } from 'node:fs';
import type { CommandIo } from './commands/analyze.js';
import { packageFile } from './package-files.js';
import { UsageError } from './usage-error.js';

type Command = (args: string[], io: CommandIo) => Promise<number>;

/**
 * Each command is one file under commands/; adding one is one line here. Commands load on demand: the
 * pipeline commands pull in the AWS SDK and the emulators, which `--help` or `analyze` should not wait for.
 */
const commands: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./commands/analyze.js')).runAnalyze,
  demo: async () => (await import('./commands/demo.js')).runDemo,
  'serve-local': async () => (await import('./commands/serve-local.js')).runServeLocal,
  start: async () => (await import('./commands/start.js')).runStart,
  send: async () => (await import('./commands/send.js')).runSend,
  report: async () => (await import('./commands/report.js')).runReport,
};

const usage = `Usage: closeloop <command> [options]

Commands:
  start         the local stack with the sample comments and the web app, until Ctrl-C (npm start)
  analyze       analyse feedback comments from a JSONL or CSV file (no AWS, no emulators)
  demo          run the whole pipeline once on local emulators with sample comments, then stop
  serve-local   run the pipeline on local emulators until interrupted
  send          send feedback from a JSONL or CSV file to the ingest queue
  report        NPS, theme drivers, follow-ups and rejects from the stored feedback

Examples:
  closeloop start --fresh                       the web app on sample data, from empty data
  closeloop demo --fresh                        the pipeline once, from empty data
  closeloop analyze comments.csv > out.jsonl    one analysis per comment, no AWS
  closeloop report --by department              NPS and themes from what is stored

Run "closeloop <command> --help" for a command's options.
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Entry point of the `closeloop` CLI; returns the process exit code (2 for usage errors). */
export async function main(argv: string[], io: CommandIo = process): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const loadCommand = Object.hasOwn(commands, name) ? commands[name] : undefined;
  try {
    if (!loadCommand) throw new UsageError(`unknown command "${name}"`);
    const command = await loadCommand();
    return await command(args, io);
  } catch (error) {
    const usageMistake =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    if (!usageMistake) throw error;
    io.stderr.write(`closeloop: ${(error as Error).message}\nRun "closeloop --help" for usage.\n`);
    return 2;
  }
}
