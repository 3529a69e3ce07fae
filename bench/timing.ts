// Timing helpers of the write benchmarks.

/** Runs the writers at once; each sends its items one after the other. Returns seconds taken. */
export async function timedWriters<T>(
  work: T[][],
  send: (item: T, writer: number) => Promise<void>,
): Promise<number> {
  const start = performance.now();
  await Promise.all(
    work.map(async (items, w) => {
      for (const item of items) await send(item, w);
    }),
  );
  return (performance.now() - start) / 1000;
}
