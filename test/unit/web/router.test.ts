import { describe, expect, it } from 'vitest';
import { followUpIdOf, parseHash } from '../../../web/src/router.js';

describe('the web app route of a follow-up page', () => {
  it.each([
    ['#/followup/fb-1', 'fb-1'],
    ['#/followup/survey%2F2026%2Fq3', 'survey/2026/q3'],
    // A link cut in the middle of an escape, as a mail client may wrap it: kept as written, no crash.
    ['#/followup/fb%E0%A4', 'fb%E0%A4'],
    ['#/followup/%', '%'],
    ['#/followup/', null],
    ['#/inbox?view=mine', null],
  ])('%s -> %j', (hash, id) => {
    expect(followUpIdOf(parseHash(hash).path)).toBe(id);
  });
});
