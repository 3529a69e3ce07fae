import { Fragment, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

/** A column heading; a `hidden` one is read out to screen readers but not shown. */
export type Column = string | { label: string; hidden: true };

/** The last column of tables whose rows end in buttons. */
export const ACTIONS_COLUMN: Column = { label: 'Actions', hidden: true };

/** The dashboard's scrollable table: the column headings, then the rows given as children. */
export function DataTable({
  columns,
  dense = false,
  busy,
  caption,
  testId,
  children,
}: {
  columns: readonly Column[];
  dense?: boolean;
  /** A newer list is loading in place of the one shown. */
  busy?: boolean;
  /** For screen readers only. */
  caption?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    // Focusable so that keyboard users can scroll a table wider than the screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-label={caption ?? 'Table'}>
      <table className={dense ? 'table table-dense' : 'table'} aria-busy={busy} data-testid={testId}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col">
                  <span className="visually-hidden">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

/** The part of a TanStack list query that a table of its items shows. */
interface ListQuery<Item> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: { items: readonly Item[] } | undefined;
}

/**
 * A list loaded from the server as a table, with what to say while it loads, when it fails and when it
 * is empty. The states are shown independently: a list whose refresh failed stays under the error.
 */
export function QueryTable<Item extends { id: string | number }>({
  query,
  loading,
  errorTitle,
  empty,
  emptyTestId,
  columns,
  dense,
  caption,
  testId,
  row,
}: {
  query: ListQuery<Item>;
  /** "Loading customers…" */
  loading: string;
  /** "Could not load the customers" */
  errorTitle: string;
  /** What to say when the list has no items (yet, or for these filters). */
  empty: ReactNode;
  emptyTestId?: string;
  columns: readonly Column[];
  dense?: boolean;
  /** For screen readers only. */
  caption?: string;
  testId?: string;
  /** One `<tr>` per item. */
  row: (item: Item) => ReactNode;
}) {
  const items = query.data?.items;
  return (
    <>
      {query.isPending ? <p className="state-message">{loading}</p> : null}
      {query.isError ? <ErrorNotice error={query.error} title={errorTitle} /> : null}
      {items?.length === 0 ? (
        <p className="state-message" data-testid={emptyTestId}>
          {empty}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <DataTable columns={columns} dense={dense} busy={query.isFetching} caption={caption} testId={testId}>
          {items.map((item) => (
            <Fragment key={item.id}>{row(item)}</Fragment>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
