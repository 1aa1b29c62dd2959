import { describe, expect, it } from 'vitest';
import { localTeamOf, localUserOf } from '../../../lib/cli/commands/serve-local.js';

describe('the local user of serve-local', () => {
  it.each([
    { given: 'ana', expected: 'ana' },
    { given: '  Zoë Müller ', expected: 'Zoë Müller' },
    { given: '李雷', expected: '李雷' },
  ])('takes $given as $expected', ({ given, expected }) => {
    expect(localUserOf(given)).toBe(expected);
  });

  it('defaults to the OS user', () => {
    expect(localUserOf(undefined).length).toBeGreaterThan(0);
  });

  it.each(['', '   ', 'x'.repeat(129), 'ana\nadmin', 'tab\there'])('refuses %j', (given) => {
    expect(() => localUserOf(given)).toThrow(/--user must be a name of 1-128 characters/);
  });
});

describe('the local team of serve-local', () => {
  it('is the local user and the names given, trimmed and in NFC', () => {
    expect(localTeamOf('ana', ' ben, Zoe\u0308 ,李雷')).toEqual({ local: ['ana', 'ben', 'Zoë', '李雷'] });
    expect(localTeamOf('ana', undefined)).toEqual({});
  });

  it.each(['', 'ben,,carla', 'ben,\u202Eevil', `ben,${'x'.repeat(129)}`])('refuses %j', (given) => {
    expect(() => localTeamOf('ana', given)).toThrow(/--team must be comma-separated names/);
  });
});
