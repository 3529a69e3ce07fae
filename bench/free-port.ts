// An unused TCP port on 127.0.0.1, asked of the OS; the tiny race until a child binds it is
// acceptable for a benchmark.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

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
