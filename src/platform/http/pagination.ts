import Type, { type TSchema } from 'typebox';

export const MAX_PAGE_SIZE = 200;
/** Deeper than this, filter instead of paging. */
export const MAX_OFFSET = 10_000_000;

/** `?limit=&offset=` for list endpoints: every list paginates, with a ceiling. */
export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50, description: 'Items per page' }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0, description: 'Items to skip' }),
};

/** `{ items, total, limit, offset }`: one shape for every paginated list. */
export function Page<T extends TSchema>(item: T, id: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      total: Type.Integer({ description: 'Items matching the filters, across all pages' }),
      limit: Type.Integer(),
      offset: Type.Integer(),
    },
    { $id: id },
  );
}

/** The page body for `Page(...)`: present each row, echo the paging parameters. */
export function presentPage<T, R>(
  result: { items: T[]; total: number },
  query: { limit: number; offset: number },
  present: (row: T) => R,
) {
  return { items: result.items.map(present), total: result.total, limit: query.limit, offset: query.offset };
}
