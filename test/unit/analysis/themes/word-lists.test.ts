import { describe, expect, it } from 'vitest';
import type { WordLists } from '../../../../lib/analysis/themes/compiled-taxonomy.js';
import {
  listNamed,
  unknownListIssues,
  wordListNameProblem,
  wordListSchema,
} from '../../../../lib/analysis/themes/word-lists.js';

const lists: WordLists = { STAFF: [{ kind: 'stem', stem: 'waiter' }] };

describe('word lists', () => {
  it('are named in capitals, and never NEG or NAME', () => {
    expect(wordListNameProblem('STAFF')).toBeUndefined();
    expect(wordListNameProblem('ROLES2')).toBeUndefined();
    expect(wordListNameProblem('NEG')).toMatch(/any negator/);
    expect(wordListNameProblem('NAME')).toMatch(/given name/);
    expect(wordListNameProblem('staff')).toMatch(/capitals/);
    expect(wordListNameProblem('S')).toMatch(/capitals/);
    expect(wordListNameProblem('A'.repeat(25))).toMatch(/capitals/);
  });

  it('hold lower-case words, prefixes and amounts, and no other list', () => {
    expect(wordListSchema.safeParse('waiter*|host|£*').success).toBe(true);
    expect(wordListSchema.safeParse('waiter|STAFF').success).toBe(false);
    expect(wordListSchema.safeParse('waiter||host').success).toBe(false);
    expect(wordListSchema.safeParse('waiter host').success).toBe(false);
  });

  it('are found by their own name only', () => {
    expect(listNamed(lists, 'STAFF')).toBe(lists.STAFF);
    expect(listNamed(lists, 'staff')).toBeUndefined();
    expect(listNamed(lists, 'constructor')).toBeUndefined();
    expect(listNamed(lists, 'NEG')).toBeUndefined();
  });

  it('say where a cue names a list that does not exist', () => {
    const themes = [{ cues: [{ pattern: 'STAFF rude' }, { pattern: ['late'], near: 'STAF|NEG|NAME' }] }];
    expect(unknownListIssues(themes, lists)).toEqual([
      'themes.0.cues.1: STAF is no word list (lists: STAFF; words are written in lower case)',
    ]);
  });
});
