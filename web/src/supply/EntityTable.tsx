// The one table every supply list uses: columns given as a label and how a cell reads, with the
// loading, error and empty states of its query (see QueryTable).
import type { ReactNode } from 'react';
import { ACTIONS_COLUMN, type Column, QueryTable } from '../components/DataTable';

export interface EntityColumn<T> {
  label: string;
  cell: (item: T) => ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** The cell that names the row (a row heading for screen readers). */
  rowHeader?: boolean;
  /** Kept on one line (codes, SKUs). */
  nowrap?: boolean;
}

interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: { items: readonly T[] } | undefined;
}

export function EntityTable<T extends { id: string | number }>({
  query,
  columns,
  noun,
  empty,
  actions,
  testId,
  rowTestId,
}: {
  query: ListQuery<T>;
  columns: readonly EntityColumn<T>[];
  /** Plural, for the states and the caption: "warehouses". */
  noun: string;
  empty: ReactNode;
  /** Buttons at the end of each row. */
  actions?: (item: T) => ReactNode;
  testId?: string;
  rowTestId?: (item: T) => string;
}) {
  const headings: Column[] = columns.map((c) => c.label);
  if (actions) headings.push(ACTIONS_COLUMN);
  return (
    <QueryTable
      query={query}
      loading={`Loading ${noun}…`}
      errorTitle={`Could not load the ${noun}`}
      empty={empty}
      emptyTestId={testId ? `${testId}-empty` : undefined}
      columns={headings}
      dense
      caption={noun.charAt(0).toUpperCase() + noun.slice(1)}
      testId={testId}
      row={(item) => (
        <tr data-testid={rowTestId?.(item)}>
          {columns.map((c) =>
            c.rowHeader ? (
              <th key={c.label} scope="row" className={c.nowrap ? 'cell-nowrap' : undefined}>
                {c.cell(item)}
              </th>
            ) : (
              <td
                key={c.label}
                className={
                  [c.numeric && 'cell-number', c.nowrap && 'cell-nowrap'].filter(Boolean).join(' ') ||
                  undefined
                }
              >
                {c.cell(item)}
              </td>
            ),
          )}
          {actions ? <td className="cell-actions">{actions(item)}</td> : null}
        </tr>
      )}
    />
  );
}
