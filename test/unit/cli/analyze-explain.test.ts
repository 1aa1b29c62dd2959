import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli-in-process.js';

const analyze = (args: string[], input: string) => runCli(['analyze', ...args, '-'], input);

describe('closeloop analyze --explain', () => {
  it('prints the top features behind each comment sentiment on standard error', async () => {
    const input = [
      '{"id":"c1","text":"Engineer never turned up, awful"}',
      '{"id":"c2","text":"Bonjour, le service était parfait"}',
    ].join('\n');
    const result = await analyze(['--explain'], input);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^c1: negative because \S/m);
    // Text in another language is not analysed, so there is nothing to explain.
    expect(result.stderr).not.toMatch(/^c2:/m);
    expect(result.stdout).toHaveLength(2);
  });

  it('prints no explanations without the flag, and rejects a value given to it', async () => {
    expect((await analyze([], '{"id":"c1","text":"awful"}\n')).stderr).not.toContain('because');
    const wrong = await analyze(['--explain=yes'], '{"id":"c1","text":"awful"}\n');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^closeloop: .*--explain/);
  });
});
