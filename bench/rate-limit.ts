// Cost of the rate limiter's decisions on the hot path, without HTTP: `node bench/rate-limit.ts`.
// Each iteration is what a limited request does: an address decision with its headers, then a
// caller decision (1024 users, 256 addresses, budgets never reached).
import { RateLimitEngine, rateLimitHeaders } from '../src/platform/http/rate-limit/engine.ts';

const unlimited = { reads: 1e12, writes: 1e12, ingest: 1e12, ai: 1e12 };
const engine = new RateLimitEngine({ principal: unlimited, address: unlimited, windowMs: 60_000 });
engine.onUnsent = () => {};
const addresses = Array.from({ length: 256 }, (_, i) => `10.0.${i}.1`);
const users = Array.from({ length: 1024 }, (_, i) => `user-${i}`);
const iterations = 2_000_000;
for (let round = 1; round <= 3; round++) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    rateLimitHeaders(engine.take('address', addresses[i & 255] ?? '', 'reads'));
    engine.take('user', users[i & 1023] ?? '', 'reads');
  }
  const ns = Number(process.hrtime.bigint() - started) / iterations;
  console.log(
    `round ${round}: ${ns.toFixed(0)} ns per request (address decision + headers + caller decision)`,
  );
}
