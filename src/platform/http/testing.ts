// Builds the real application on a fresh test database, for `app.inject` tests.
import type { DestinationStream } from 'pino';
import { type App, buildApp } from '../../app.ts';
import { type Config, loadConfig } from '../../config.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { createLogger } from '../observability/logger.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  config: Config;
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
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const database = options.database ?? (await createTestDatabase());
  const app = await buildApp({
    config,
    database,
    logger: createLogger(config, options.logDestination),
    webDist: options.webDist,
  });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
