import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CounterScope } from '../model/counter-scope.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { SEGMENT_DIMENSIONS } from '../model/segment-dimensions.js';
import { counterAttribute, type PlainCounter, segmentValuesAttribute } from './counter-attributes.js';
import type { counterKey } from './table-keys.js';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Numbers to add and string-set members to unite, by counter attribute. */
export type Increments = Map<PlainCounter | string, number | Set<string>>;

/** What one stored record adds to one counter item. */
export function counterIncrements(scope: CounterScope, record: FeedbackRecord): Increments {
  const increments: Increments = new Map([['feedback', 1]]);
  const add = (counter: PlainCounter, value: number) => increments.set(counter, value);
  const category = record.analysis.nps?.category;
  if (category) {
    add('responses', 1);
    add(`${category}s`, 1);
  }
  const { csat, ces } = record.analysis;
  if (csat) {
    add('csatResponses', 1);
    add('csatScoreSum', csat.score);
    if (csat.category === 'satisfied') add('csatSatisfied', 1);
  }
  if (ces) {
    add('cesResponses', 1);
    add('cesScoreSum', ces.score);
    if (ces.category === 'high_effort') add('cesHighEffort', 1);
  }
  if (record.analysis.sentiment.label === 'negative') add('negative', 1);
  if (record.followUp.status === 'open') add('followUps', 1);
  if (record.followUpTooOld) add('followUpsTooOld', 1);
  for (const theme of record.analysis.themes) {
    increments.set(counterAttribute('themeMentions', theme.id), 1);
    if (theme.sentiment === 'negative') increments.set(counterAttribute('themeNegative', theme.id), 1);
    if (category === 'detractor') increments.set(counterAttribute('themeDetractors', theme.id), 1);
  }
  if (scope.dimension === 'all') {
    // The account-wide item also records which segment values were seen that day, so reports can
    // list departments, agents... with a Query instead of a Scan.
    for (const dimension of SEGMENT_DIMENSIONS) {
      const value = record.segment?.[dimension];
      if (value) increments.set(segmentValuesAttribute(dimension), new Set([value]));
    }
  }
  return increments;
}

/** The counter items a record moves: the account's, and one per segment value it carries. */
export function counterScopes(record: FeedbackRecord): CounterScope[] {
  const scopes: CounterScope[] = [{ dimension: 'all' }];
  for (const dimension of SEGMENT_DIMENSIONS) {
    const value = record.segment?.[dimension];
    if (value) scopes.push({ dimension, value });
  }
  return scopes;
}

/** Adds `from` into `into`: numbers summed, sets united. */
export function mergeIncrements(into: Increments, from: Increments): void {
  for (const [attribute, value] of from) {
    const current = into.get(attribute);
    if (typeof value === 'number') into.set(attribute, ((current as number | undefined) ?? 0) + value);
    else into.set(attribute, new Set([...((current as Set<string> | undefined) ?? []), ...value]));
  }
}

/**
 * One ADD update on a counter item: numbers are added, string sets united. Both the ingest
 * transactions and the follow-up transitions move counters through this.
 */
export function counterAdd(
  tableName: string,
  key: ReturnType<typeof counterKey>,
  increments: Iterable<[string, number | Set<string>]>,
): TransactItems[number] {
  const names: Record<string, string> = {};
  const values: Record<string, number | Set<string>> = {};
  const adds = [...increments].map(([attribute, increment], index) => {
    names[`#a${index}`] = attribute;
    values[`:v${index}`] = increment;
    return `#a${index} :v${index}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
