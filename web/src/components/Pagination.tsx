import { useState } from 'react';

/** Where a `{ total, limit, offset }` list page stands in the whole list. */
export interface PageWindow {
  total: number;
  limit: number;
  offset: number;
}

/**
 * The offset of a paged list, and `refilter`: wraps a filter's setter so that changing the filter goes
 * back to the first page.
 */
export function useOffset() {
  const [offset, setOffset] = useState(0);
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };
  return { offset, setOffset, refilter };
}

/** "21–40 of 57" with previous / next buttons; nothing until the first page has loaded, or when empty. */
export function Pagination({
  page,
  onChange,
  label,
}: {
  page: PageWindow | undefined;
  onChange: (offset: number) => void;
  /** What is being paged, for screen readers ("Members"). */
  label: string;
}) {
  if (!page || page.total === 0) return null;
  const { total, limit, offset } = page;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <span className="muted" aria-live="polite">
        {first}–{last} of {total}
      </span>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange(Math.max(0, offset - limit))}
        disabled={offset === 0}
      >
        Previous
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange(offset + limit)}
        disabled={offset + limit >= total}
      >
        Next
      </button>
    </nav>
  );
}
