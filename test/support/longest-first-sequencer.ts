import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest (real processes killed and restarted, a browser, the demo), known
 * from their runs. On a clean clone vitest has no timings and starts the largest files first; these
 * are small files, so they started last and left one core idle while the longest of them finished.
 */
const LONGEST_FIRST = [
  'test/reliability/local-stack-kill-9.test.ts',
  'test/web/web-app.test.ts',
  'test/integration/local-cli.test.ts',
  'test/reliability/emulator-restart.test.ts',
  'test/reliability/sqs-restart.test.ts',
  'test/web/team-actions.test.ts',
  'test/reliability/local-stack-ctrl-c.test.ts',
  'test/reliability/local-stack-sigterm.test.ts',
];

/** Vitest's order, with the longest files known moved to the front of their project. */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(relative(file.project.config.root, file.moduleId));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    const position = new Map(sorted.map((file, i) => [file, i]));
    return [...sorted].sort(
      (a, b) =>
        Number(a.project.name > b.project.name) - Number(a.project.name < b.project.name) ||
        rank(a) - rank(b) ||
        (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
  }
}
