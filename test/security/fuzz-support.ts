// What the fuzz drivers (test/security/fuzz*.test.ts) share: the seed, the run count and the
// deadline `npm run fuzz` hands them (FUZZ_SEED, FUZZ_RUNS, FUZZ_MINUTES), and the check that an
// HTTP answer is clean — a 2xx, or a 4xx in PlantIntel's error format; never a 5xx, never a hang.
// Under `npm test` the seed is fixed and the counts small, so every run is the same and short.
import type { LightMyRequestResponse } from 'fastify';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
/** Inputs per property: small by default, what `--runs` says under `npm run fuzz`. */
export const fuzzRuns = (fallback: number) => Number(process.env.FUZZ_RUNS ?? fallback);
/** With FUZZ_MINUTES, a driver goes round its properties (seed + round) until the time is up. */
const DEADLINE = Date.now() + Number(process.env.FUZZ_MINUTES ?? 0) * 60_000;
export const ANSWER_WITHIN_MS = 20_000;

/** Runs `round(seed)` once, then again on the next seeds while there is time left (FUZZ_MINUTES). */
export async function untilDeadline(round: (seed: number) => Promise<void>): Promise<number> {
  let rounds = 0;
  do {
    await round(FUZZ_SEED + rounds);
    rounds += 1;
  } while (Date.now() < DEADLINE);
  return rounds;
}

/** `promise`, or 'hang' when it does not settle within `ms`. */
export async function within<T>(promise: Promise<T>, ms = ANSWER_WITHIN_MS): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** What is wrong with an answer, or null when it is a 2xx or a 4xx in PlantIntel's error format. */
export function problemOf(res: LightMyRequestResponse | 'hang'): string | null {
  if (res === 'hang') return `no answer within ${ANSWER_WITHIN_MS} ms`;
  if (res.statusCode >= 500) return `${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  const error = (parsed(res.body) as { error?: Record<string, unknown> } | undefined)?.error;
  if (
    typeof error?.code !== 'string' ||
    typeof error.message !== 'string' ||
    typeof error.requestId !== 'string'
  ) {
    return `${res.statusCode} outside the error format: ${res.body.slice(0, 300)}`;
  }
  return null;
}

/** A short description of a request for a failure message. */
export const describe = (method: string, url: string, body: unknown) =>
  `${method} ${url.slice(0, 200)} ${
    typeof body === 'string'
      ? JSON.stringify(body.slice(0, 200))
      : Buffer.isBuffer(body)
        ? `<${body.length} bytes>`
        : JSON.stringify(body ?? null)?.slice(0, 200)
  }`;
