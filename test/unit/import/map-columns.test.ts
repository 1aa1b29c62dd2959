import { describe, expect, it } from 'vitest';
import { ImportHeaderError, parseColumnMap, planColumns } from '../../../lib/import/map-columns.js';
import { fieldForHeader, normalizeHeader } from '../../../lib/import/message-fields.js';
import { PRESETS } from '../../../lib/import/presets.js';

const plan = (names: string[], options: Parameters<typeof planColumns>[1] = {}) =>
  planColumns({ names, questions: names }, options);

describe('header names', () => {
  it.each([
    ['Response ID', 'responseid'],
    ['response_id', 'responseid'],
    ['  RESPONSE-ID ', 'responseid'],
    ['Likelihood to Recommend (0-10)', 'likelihoodtorecommend010'],
    ['Département', 'departement'],
    ['#', ''],
  ])('%j normalises to %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });

  it.each([
    ['Comment', 'text'],
    ['VERBATIM', 'text'],
    ['Feedback', 'text'],
    ['Response', 'text'],
    ['Reason', 'text'],
    ['NPS', 'score'],
    ['Rating', 'score'],
    ['Likelihood to recommend', 'score'],
    ['Response ID', 'id'],
    ['Date', 'submittedAt'],
    ['Submitted', 'submittedAt'],
    ['Recorded Date', 'submittedAt'],
    ['Agent', 'agent'],
    ['Customer', 'customerId'],
    ['Channel', 'channel'],
    ['Region', 'region'],
    ['constructor', undefined],
    ['__proto__', undefined],
    ['Email', undefined],
  ])('%j means %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe('parseColumnMap', () => {
  it('reads pairs, quoted names with commas and several --map options', () => {
    expect([
      ...parseColumnMap(['text="Q2 Why, really?",score=Q1 NPS', 'Department=Dept', 'customer-id=Cust']),
    ]).toEqual([
      ['text', 'Q2 Why, really?'],
      ['score', 'Q1 NPS'],
      ['department', 'Dept'],
      ['customerId', 'Cust'],
    ]);
  });

  it.each([
    ['text', /write FIELD=COLUMN/],
    ['colour=Q1', /unknown field "colour"/],
    ['text=', /column name is empty/],
    ['text="Q2', /quote is not closed/],
    ['text=a,text=b', /names text twice/],
    ['__proto__=x', /unknown field/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseColumnMap([spec])).toThrow(message);
  });
});

describe('planColumns', () => {
  it('maps by alias, lists the rest as ignored in file order, and keeps the width', () => {
    const result = plan(['Response ID', 'Email', 'NPS', '', 'Comment']);
    expect(result.columns.map((c) => [c.field, c.index, c.by])).toEqual([
      ['id', 0, 'name'],
      ['score', 2, 'name'],
      ['text', 4, 'name'],
    ]);
    expect(result.ignored).toEqual(['"Email"', '(column 4)']);
    expect(result.width).toBe(5);
  });

  it('lets --map take a field from an alias column without a conflict', () => {
    const result = plan(['Comment', 'Why?'], { map: parseColumnMap(['text=Why?']) });
    expect(result.columns).toEqual([{ field: 'text', index: 1, header: 'Why?', by: 'map' }]);
    expect(result.ignored).toEqual(['"Comment"']);
  });

  it.each([
    [['id', 'Comment', 'comment'], undefined, /line 1: the header has "comment" twice \(columns 2 and 3\)/],
    [['Comment', 'Feedback'], undefined, /"Comment" and "Feedback" both look like text/],
    [['id', 'remarks'], undefined, /no column holds the comment text/],
    [['Comment'], 'score=NPS', /--map names a column "NPS" the header does not have \(columns: "Comment"\)/],
    [['Q 1', 'q1', 'text'], 'score=Q-1', /matches columns 1 and 2/],
    [['constructor', '__proto__', 'toString'], undefined, /no column holds the comment text/],
  ])('refuses %j (--map %s)', (names, map, message) => {
    expect(() => plan(names, map ? { map: parseColumnMap([map]) } : {})).toThrow(message);
    expect(() => plan(names, map ? { map: parseColumnMap([map]) } : {})).toThrow(ImportHeaderError);
  });

  it('does not read prototype names as preset columns', () => {
    const result = planColumns(
      { names: ['constructor', 'toString', 'Comment'], questions: ['constructor', 'toString', 'Comment'] },
      { preset: PRESETS.medallia },
    );
    expect(result.columns.map((c) => c.field)).toEqual(['text']);
  });

  it('matches a question by its text only when exactly one column fits', () => {
    const questions = ['Response ID', 'Why did you give that score?', 'Any other comments?'];
    expect(() =>
      planColumns({ names: ['ResponseId', 'Q2', 'Q3'], questions }, { preset: PRESETS.qualtrics }),
    ).toThrow(/no column holds the comment text/);
    const one = planColumns(
      {
        names: ['ResponseId', 'Q2', 'Q3'],
        questions: ['Response ID', 'Why did you give that score?', 'Age'],
      },
      { preset: PRESETS.qualtrics },
    );
    expect(one.columns.map((c) => [c.field, c.header, c.by])).toEqual([
      ['id', 'ResponseId', 'preset'],
      ['text', 'Q2', 'question'],
    ]);
  });
});
