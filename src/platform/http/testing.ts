// Builds the real application on a fresh test database, for `app.inject` tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { type App, buildApp } from '../../app.ts';
import { type Config, loadConfig } from '../../config.ts';
import { TEST_PASSWORD } from '../../modules/identity/testing.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { createLogger } from '../observability/logger.ts';
import { scanLogsForSecrets } from '../observability/secret-scan.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { TEST_RATE_LIMIT_ENV } from './rate-limit/testing.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  config: Config;
  runtime: Runtime;
  /** Closes the app and the database it created; throws if a log line looked as if it held a secret. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment for loadConfig (nothing is read from the real environment). */
  env?: Record<string, string>;
  /** A database to use instead of a fresh one; the caller disposes of it. */
  database?: TestDatabase;
  webDist?: string;
  /** Routes a test needs in addition to the real ones, registered before the app is ready. */
  extraRoutes?: (app: App) => void;
  /**
   * Where log lines go as well (default: nowhere). Every line, at LOG_LEVEL debug unless `env` sets
   * it, is first scanned for secrets (tokens, keys, hashes, the test password).
   */
  logDestination?: DestinationStream;
  /** Job types or event handlers a test adds before the app starts. */
  setup?: (runtime: Runtime) => void;
  /** Run job workers in the test app (default true, as in `serve`). */
  workers?: boolean;
  /** Where one-time secrets (the demo's AI gateway key) are shown (default: nowhere). */
  announce?: (message: string) => void;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Files go to a directory of the test's own (removed on close) unless the test names one: never ./data.
  const ownDataDir =
    options.env?.DATA_DIR === undefined ? await mkdtemp(join(tmpdir(), 'plantintel-test-')) : undefined;
  // Debug, so the scan sees every line the code can write.
  const config = loadConfig({
    LOG_LEVEL: 'debug',
    // High budgets: the suites send thousands of requests a minute from one address (see rate-limit/testing.ts).
    ...TEST_RATE_LIMIT_ENV,
    ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
    ...options.env,
  });
  const database = options.database ?? (await createTestDatabase());
  const scan = scanLogsForSecrets([TEST_PASSWORD], options.logDestination);
  const logger = createLogger(config, scan.destination);
  const runtime = createRuntime({ config, database, logger });
  options.setup?.(runtime);
  const app = await buildApp({
    config,
    database,
    logger,
    webDist: options.webDist,
    runtime,
    workers: options.workers ?? true,
    ...(options.announce ? { announce: options.announce } : {}),
  });
  options.extraRoutes?.(app);
  try {
    await app.ready();
  } catch (err) {
    // Nothing of a test app that could not start may outlive it (an open database keeps a test
    // process from ending).
    await app.close().catch(() => {});
    if (!options.database) await database.dispose();
    if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    app,
    database,
    config,
    runtime,
    close: async () => {
      await app.close();
      if (!options.database) await database.dispose();
      if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
      scan.assertClean();
    },
  };
}
