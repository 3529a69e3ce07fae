import { eq } from 'drizzle-orm';
import { randomToken } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { platformSecrets } from '../../platform/db/schema/index.ts';

const NAME = 'access_token_key';

/**
 * The key that signs access tokens: JWT_SECRET when configured, else one generated at the first
 * start and kept in the database, so every server process on the same database accepts the tokens
 * of the others without any setup. Read with the connecting (owner) role: the application roles
 * cannot see this table.
 */
export async function loadSigningKey(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(platformSecrets)
    .values({ name: NAME, value: randomToken(48) })
    .onConflictDoNothing();
  const [row] = await db.select().from(platformSecrets).where(eq(platformSecrets.name, NAME));
  if (!row) throw new Error('the access token key could not be stored');
  return row.value;
}
