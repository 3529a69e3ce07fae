import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createLogger } from '../observability/logger.ts';

export const SNAPSHOT_FILE = new URL('../../../openapi.snapshot.json', import.meta.url);

/** The live OpenAPI document, as the server publishes it, serialised stably for the snapshot. */
export async function generateOpenApiDocument(): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  // Building the app reads the token signing key, so the in-memory database is migrated first.
  const database = await openDatabase({ kind: 'pglite' });
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const app = await buildApp({ config, database, logger: createLogger(config) });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}
