// Builds the real application on a fresh test database, for `app.inject` tests.
import type { DestinationStream } from 'pino';
import { type App, buildApp } from '../../app.ts';
import { type Config, loadConfig } from '../../config.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { createLogger } from '../observability/logger.ts';
import { createRuntime, type Runtime } from '../runtime.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  config: Config;
  runtime: Runtime;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment for loadConfig (nothing is read from the real environment). */
  env?: Record<string, string>;
  database?: TestDatabase;
  webDist?: string;
  /** Routes a test needs in addition to the real ones, registered before the app is ready. */
  extraRoutes?: (app: App) => void;
  /** Where log lines go (default: nowhere, LOG_LEVEL is silent unless `env` sets it). */
  logDestination?: DestinationStream;
  /** Job types or event handlers a test adds before the app starts. */
  setup?: (runtime: Runtime) => void;
  /** Run job workers in the test app (default true, as in `serve`). */
  workers?: boolean;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const database = options.database ?? (await createTestDatabase());
  const logger = createLogger(config, options.logDestination);
  const runtime = createRuntime({ config, database, logger });
  options.setup?.(runtime);
  const app = await buildApp({
    config,
    database,
    logger,
    webDist: options.webDist,
    runtime,
    workers: options.workers ?? true,
  });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    runtime,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
