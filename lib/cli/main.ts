import { readFileSync } from 'node:fs';
import { analyzeUsage, type CommandIo, runAnalyze } from './commands/analyze.js';
import { UsageError } from './usage-error.js';

type Command = (args: string[], io: CommandIo) => Promise<number>;

/** Each command is one file under commands/; adding one is one line here. */
const commands: Record<string, Command> = {
  analyze: runAnalyze,
};

const usage = `Usage: closeloop <command> [options]

Commands:
  analyze   analyse feedback comments from a JSONL or CSV file

Run "closeloop <command> --help" for a command's options.

${analyzeUsage}`;

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
