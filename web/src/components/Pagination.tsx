/** "21–40 of 57" with previous / next buttons for `{ total, limit, offset }` lists. */
export function Pagination({
  total,
  limit,
  offset,
  onChange,
  label,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  /** What is being paged, for screen readers ("Members"). */
  label: string;
}) {
  if (total === 0) return null;
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
