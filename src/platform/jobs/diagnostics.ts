import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { inTenant } from '../db/scope.ts';
import type { JobDefinition } from './jobs.ts';

declare module './jobs.ts' {
  interface JobPayloads {
    'platform.diagnostics': { rounds: number };
  }
}

/**
 * A self-check an admin can start from the status page: it proves the whole background path works
 * (enqueue, a worker picks it up, progress is pushed live, the result is stored) and measures the
 * database round trip as the workers see it.
 */
export function diagnosticsJob(db: Db): JobDefinition<'platform.diagnostics'> {
  return {
    name: 'platform.diagnostics',
    retryLimit: 1,
    timeoutSeconds: 120,
    async run({ rounds }, ctx) {
      const samples: number[] = [];
      for (let i = 1; i <= rounds; i++) {
        ctx.signal.throwIfAborted();
        const start = performance.now();
        await inTenant(db, ctx.tenantId, (tx) => tx.execute(sql`select 1`));
        samples.push(performance.now() - start);
        await ctx.progress((i / rounds) * 100, `database round trip ${i} of ${rounds}`);
        await sleep(50, undefined, { signal: ctx.signal });
      }
      const sorted = [...samples].sort((a, b) => a - b);
      const round = (n: number) => Math.round(n * 100) / 100;
      return {
        rounds,
        medianMs: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
        maxMs: round(sorted.at(-1) ?? 0),
        attempt: ctx.attempt,
      };
    },
  };
}
