import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import type { Redacted } from '../analysis/privacy/redact-pii.js';
import { type CounterQuery, counterScopeOf } from '../model/counter-scope.js';
import type { DailyCounts } from '../model/daily-counts.js';
import { SEGMENT_DIMENSIONS } from '../model/segment-dimensions.js';
import {
  COUNTER_PREFIXES,
  type CounterKind,
  PLAIN_COUNTERS,
  segmentValuesAttribute,
} from './counter-attributes.js';
import { queryAllItems } from './query-pages.js';
import type { StoreTable } from './store-table.js';
import { counterKey } from './table-keys.js';

/** One scope's daily counts from `from` to `to` (days, inclusive); a segment value is read as it was stored: redacted. */
export async function readDailyCounts(
  table: StoreTable,
  scope: CounterQuery,
  from: string,
  to: string,
): Promise<DailyCounts[]> {
  const { PK } = counterKey(counterScopeOf(scope), from);
  const items = await queryAllItems(table, {
    TableName: table.name,
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': PK, ':from': `DAY#${from}`, ':to': `DAY#${to}` },
  });
  return items.map(toDailyCounts);
}

const PREFIXED = Object.entries(COUNTER_PREFIXES) as Array<[CounterKind, string]>;

/** The kind and id of a per-id counter attribute (`theme_billing` is the mentions of `billing`). */
function parsePrefixed(attribute: string): { kind: CounterKind; id: string } | undefined {
  for (const [kind, prefix] of PREFIXED) {
    if (attribute.startsWith(prefix)) return { kind, id: attribute.slice(prefix.length) };
  }
  return undefined;
}

function toDailyCounts(item: Record<string, NativeAttributeValue>): DailyCounts {
  const count = (name: string) => Number(item[name] ?? 0);
  const themes: DailyCounts['themes'] = {};
  const contactHours: DailyCounts['contactHours'] = {};
  const rootCauses: DailyCounts['rootCauses'] = {};
  const rootCauseAgreement: DailyCounts['rootCauseAgreement'] = {};
  for (const [attribute, value] of Object.entries(item)) {
    const counter = parsePrefixed(attribute);
    if (counter?.kind === 'themeMentions') {
      themes[counter.id] = {
        mentions: Number(value),
        negative: count(`${COUNTER_PREFIXES.themeNegative}${counter.id}`),
        detractors: count(`${COUNTER_PREFIXES.themeDetractors}${counter.id}`),
      };
    } else if (counter?.kind === 'contactHours') contactHours[counter.id] = Number(value);
    else if (counter?.kind === 'rootCause') rootCauses[counter.id] = Number(value);
    else if (counter?.kind === 'rootCausePredicted') {
      rootCauseAgreement[counter.id] = {
        predicted: Number(value),
        agreed: count(`${COUNTER_PREFIXES.rootCauseAgreed}${counter.id}`),
      };
    }
  }
  const segments: DailyCounts['segments'] = {};
  for (const dimension of SEGMENT_DIMENSIONS) {
    const seen = item[segmentValuesAttribute(dimension)];
    // Only redacted values are ever written to these sets (see `counterIncrements`).
    if (seen instanceof Set) segments[dimension] = [...seen].map((value) => String(value) as Redacted).sort();
  }
  const plain = Object.fromEntries(PLAIN_COUNTERS.map((name) => [name, count(name)])) as Record<
    (typeof PLAIN_COUNTERS)[number],
    number
  >;
  return {
    day: String(item.SK).slice('DAY#'.length),
    ...plain,
    themes,
    contactHours,
    rootCauses,
    rootCauseAgreement,
    segments,
  };
}
