import { redactPii } from '../analysis/privacy/redact-pii.js';
import { fieldForHeader, fieldNamed, type MessageField, normalizeHeader } from './message-fields.js';
import { type ExportHeader, type ImportPreset, presetKey, QUESTION_PATTERNS } from './presets.js';

/** A problem with the header of a file: nothing can be read until it is fixed. */
export class ImportHeaderError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ImportHeaderError';
  }
}

/** `--map` as given: field -> column header. */
export type ColumnMap = ReadonlyMap<MessageField, string>;

/** How a column came to fill a field: shown to the user so a wrong guess is visible. */
export type MatchedBy = 'map' | 'preset' | 'name' | 'question';

export interface MappedColumn {
  field: MessageField;
  index: number;
  header: string;
  by: MatchedBy;
}

export interface ColumnPlan {
  columns: MappedColumn[];
  /** Headers of the columns nothing reads, in file order. */
  ignored: string[];
  /** Number of columns in the header: a row with more (non-empty) cells is an error. */
  width: number;
}

/**
 * Parses `--map` values: `text="Q2 Why?",score=Q1 NPS,department=Dept`. Commas inside double quotes
 * belong to the column name; several `--map` options add up.
 */
export function parseColumnMap(specs: readonly string[]): Map<MessageField, string> {
  const map = new Map<MessageField, string>();
  for (const spec of specs) {
    const pairs: string[] = [];
    let current = '';
    let quoted = false;
    for (const character of spec) {
      if (character === '"') quoted = !quoted;
      if (character === ',' && !quoted) {
        pairs.push(current);
        current = '';
      } else current += character;
    }
    if (quoted) throw new Error(`--map ${spec}: a quote is not closed`);
    pairs.push(current);
    for (const pair of pairs) {
      if (pair.trim() === '') continue;
      const equals = pair.indexOf('=');
      if (equals < 0) throw new Error(`--map "${pair}": write FIELD=COLUMN, e.g. text="Q2 Why?"`);
      const name = pair.slice(0, equals).trim();
      const field = fieldNamed(name);
      if (!field) throw new Error(`--map: unknown field "${name}"`);
      const column = pair
        .slice(equals + 1)
        .trim()
        .replace(/^"(.*)"$/s, '$1');
      if (column === '') throw new Error(`--map ${name}=: the column name is empty`);
      if (map.has(field)) throw new Error(`--map names ${field} twice`);
      map.set(field, column);
    }
  }
  return map;
}

/** Column labels shown at most this many by name: an export with 100,000 columns is one short line. */
const MAX_LISTED_COLUMNS = 20;

/** Column labels for a message: the first 20, then how many more. */
export function listColumns(labels: readonly string[]): string {
  const shown = labels.slice(0, MAX_LISTED_COLUMNS).join(', ');
  const rest = labels.length - MAX_LISTED_COLUMNS;
  return rest > 0 ? `${shown} and ${rest.toLocaleString('en')} more` : shown;
}

// Header names are printed (the columns read, those ignored, errors): a survey export can name a
// column after a person ("jane.doe@example.com"), so they pass the redaction gate.
const label = (header: string, index: number) =>
  header.trim() === '' ? `(column ${index + 1})` : `"${redactPii(header)}"`;

function findColumn(names: readonly string[], wanted: string, line: number): number {
  const exact = names.flatMap((name, index) => (name === wanted ? [index] : []));
  const loose =
    exact.length > 0
      ? exact
      : names.flatMap((name, index) =>
          normalizeHeader(name) !== '' && normalizeHeader(name) === normalizeHeader(wanted) ? [index] : [],
        );
  if (loose.length === 0) {
    throw new ImportHeaderError(
      line,
      `--map names a column "${wanted}" the header does not have (columns: ${names.map(label).join(', ')})`,
    );
  }
  if (loose.length > 1) {
    throw new ImportHeaderError(
      line,
      `--map column "${wanted}" matches columns ${loose.map((i) => i + 1).join(' and ')}: the header has it twice`,
    );
  }
  return loose[0] as number;
}

export interface PlanOptions {
  map?: ColumnMap;
  preset?: ImportPreset;
  /** Line of the (first) header row, for error messages. */
  line?: number;
}

/**
 * Decides which column fills which message field: `--map` first, then the preset's own column
 * names, then the documented aliases, then (with a preset) the question texts. Two columns that
 * would fill one field, or a header named twice, are errors rather than a silent last-one-wins.
 */
export function planColumns(header: ExportHeader, options: PlanOptions = {}): ColumnPlan {
  const line = options.line ?? 1;
  const { names } = header;
  const byField = new Map<MessageField, MappedColumn>();
  const taken = new Set<number>();
  const claim = (field: MessageField, index: number, by: MatchedBy) => {
    const existing = byField.get(field);
    if (existing) {
      const header = names[index] as string;
      const twice = normalizeHeader(existing.header) === normalizeHeader(header);
      throw new ImportHeaderError(
        line,
        twice
          ? `the header has ${label(header, index)} twice (columns ${existing.index + 1} and ${index + 1}): rename one, or pick one with --map ${field}=COLUMN`
          : `columns ${label(existing.header, existing.index)} and ${label(header, index)} both look like ${field}: pick one with --map ${field}=COLUMN`,
      );
    }
    byField.set(field, { field, index, header: names[index] as string, by });
    taken.add(index);
  };

  for (const [field, column] of options.map ?? []) claim(field, findColumn(names, column, line), 'map');
  const mapped = new Set(options.map?.keys());
  const preset = options.preset;
  names.forEach((name, index) => {
    if (taken.has(index)) return;
    const key = presetKey(name);
    const field = preset && Object.hasOwn(preset.columns, key) ? preset.columns[key] : undefined;
    if (field && !mapped.has(field)) claim(field, index, 'preset');
  });
  names.forEach((name, index) => {
    if (taken.has(index)) return;
    const field = fieldForHeader(name);
    if (field && !mapped.has(field) && byField.get(field)?.by !== 'preset') claim(field, index, 'name');
  });
  if (preset?.matchQuestions) matchQuestions(header, byField, taken, claim);

  if (!byField.has('text')) {
    throw new ImportHeaderError(
      line,
      `no column holds the comment text: name it with --map text=COLUMN (columns: ${names.map(label).join(', ')})`,
    );
  }
  const columns = [...byField.values()].sort((a, b) => a.index - b.index);
  const ignored = names.flatMap((name, index) => (taken.has(index) ? [] : [label(name, index)]));
  return { columns, ignored, width: names.length };
}

/**
 * Survey tools name question columns by question id or question text: the NPS question is the one
 * that asks about recommending (Qualtrics also marks it with a `<QID>_NPS_GROUP` column), the comment
 * the one that asks why. Used only when exactly one column fits, so a guess is never a coin toss.
 */
function matchQuestions(
  header: ExportHeader,
  byField: Map<MessageField, MappedColumn>,
  taken: Set<number>,
  claim: (field: MessageField, index: number, by: MatchedBy) => void,
): void {
  if (!byField.has('score')) {
    const groups = header.names.flatMap((name) => /^(.+)_NPS_GROUP$/i.exec(name.trim())?.[1] ?? []);
    const npsColumns = header.names.flatMap((name, index) =>
      !taken.has(index) && groups.includes(name.trim()) ? [index] : [],
    );
    if (npsColumns.length === 1) claim('score', npsColumns[0] as number, 'question');
  }
  for (const { field, pattern } of QUESTION_PATTERNS) {
    if (byField.has(field)) continue;
    const candidates = header.questions.flatMap((question, index) =>
      !taken.has(index) && pattern.test(question) && !/_NPS_GROUP$/i.test(header.names[index] ?? '')
        ? [index]
        : [],
    );
    if (candidates.length === 1) claim(field, candidates[0] as number, 'question');
  }
}
