import { formatPercent } from './format';

export interface RateRow {
  /** A root cause or theme id: the row's key and, with `rowTestId`, its test hook. */
  id: string;
  label: string;
  total: number;
  hits: number;
  rate: number;
}

interface RateTableProps {
  caption: string;
  /** Column headings: what a row is, what `total` counts, what `hits` counts. */
  headings: readonly [string, string, string];
  rows: readonly RateRow[];
  testId: string;
  /** Marks each row (`data-<name>`) and its total cell (`<prefix>-<id>`), for the browser tests. */
  rowHook?: { attribute: string; totalTestIdPrefix: string };
}

/** A table of "of these, how many": one row per id, its count and how many of them hit, with the rate. */
export function RateTable({ caption, headings, rows, testId, rowHook }: RateTableProps) {
  return (
    <table class="numbers" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headings.map((heading) => (
            <th scope="col" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} {...(rowHook && { [`data-${rowHook.attribute}`]: row.id })}>
            <th scope="row">{row.label}</th>
            <td {...(rowHook && { 'data-testid': `${rowHook.totalTestIdPrefix}-${row.id}` })}>{row.total}</td>
            <td>
              {row.hits} ({formatPercent(row.rate)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
