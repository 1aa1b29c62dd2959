import { readFileSync } from 'node:fs';
import { analyzeUsage, type CommandIo, runAnalyze } from './commands/analyze.js';
import { demoUsage, runDemo } from './commands/demo.js';
import { reportUsage, runReport } from './commands/report.js';
import { runSend, sendUsage } from './commands/send.js';
import { runServeLocal, serveLocalUsage } from './commands/serve-local.js';
import { UsageError } from './usage-error.js';

type Command = (args: string[], io: CommandIo) => Promise<number>;

/** Each command is one file under commands/; adding one is one line here. */
const commands: Record<string, Command> = {
  analyze: runAnalyze,
  demo: runDemo,
  'serve-local': runServeLocal,
  send: runSend,
  report: runReport,
};

const usage = `Usage: closeloop <command> [options]

Commands:
  analyze       analyse feedback comments from a JSONL or CSV file (no AWS, no emulators)
  demo          run the whole pipeline once on local emulators with sample comments
  serve-local   run the pipeline on local emulators until interrupted
  send          send feedback from a JSONL or CSV file to the ingest queue
  report        NPS, theme drivers, follow-ups and rejects from the stored feedback

Run "closeloop <command> --help" for a command's options.

${analyzeUsage}
${demoUsage}
${serveLocalUsage}
${sendUsage}
${reportUsage}`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
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
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(args, io);
  } catch (error) {
    const usageMistake =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    if (!usageMistake) throw error;
    io.stderr.write(`closeloop: ${(error as Error).message}\nRun "closeloop --help" for usage.\n`);
    return 2;
  }
}
