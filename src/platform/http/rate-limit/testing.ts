// Budgets for the test apps and the benchmarks: the suites (fuzz and security sweeps, e2e pages) and
// the load generators send thousands of requests a minute from one address as one user, which real
// budgets rightly refuse. The limiter stays on (its cost is measured); tests of the limits set small
// budgets in their own env, which wins over these.
const HIGH = String(100_000_000);

export const TEST_RATE_LIMIT_ENV: Record<string, string> = {
  RATE_LIMIT_READS_PER_MINUTE: HIGH,
  RATE_LIMIT_WRITES_PER_MINUTE: HIGH,
  RATE_LIMIT_INGEST_PER_MINUTE: HIGH,
  RATE_LIMIT_AI_PER_MINUTE: HIGH,
  RATE_LIMIT_ADDRESS_READS_PER_MINUTE: HIGH,
  RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: HIGH,
  RATE_LIMIT_ADDRESS_INGEST_PER_MINUTE: HIGH,
  RATE_LIMIT_ADDRESS_AI_PER_MINUTE: HIGH,
};
