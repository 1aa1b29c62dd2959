import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'closeloop.js');

function analyze(args: string[], input: string) {
  return spawnSync(process.execPath, [bin, 'analyze', ...args, '-'], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('closeloop analyze --explain', () => {
  it('prints the top features behind each comment sentiment on standard error', () => {
    const input = [
      '{"id":"c1","text":"Engineer never turned up, awful"}',
      '{"id":"c2","text":"Bonjour, le service était parfait"}',
    ].join('\n');
    const result = analyze(['--explain'], input);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^c1: negative because \S/m);
    // Text in another language is not analysed, so there is nothing to explain.
    expect(result.stderr).not.toMatch(/^c2:/m);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('prints no explanations without the flag, and rejects a value given to it', () => {
    expect(analyze([], '{"id":"c1","text":"awful"}\n').stderr).not.toContain('because');
    const wrong = analyze(['--explain=yes'], '{"id":"c1","text":"awful"}\n');
    expect(wrong.status).not.toBe(0);
  });
});
