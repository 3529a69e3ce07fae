// Rows → API bodies of the supply entities: the row without its tenant, instants as ISO strings
// (days stay `YYYY-MM-DD`, as the date columns return them).

export type Presented<R> = {
  [K in Exclude<keyof R, 'tenantId'>]: R[K] extends Date
    ? string
    : R[K] extends Date | null
      ? string | null
      : R[K];
};

export function present<R extends { tenantId: string }>(row: R): Presented<R> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (key !== 'tenantId') body[key] = value instanceof Date ? value.toISOString() : value;
  }
  return body as Presented<R>;
}
