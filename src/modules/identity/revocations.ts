import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { listen, notify, type Unlisten } from '../../platform/realtime/notifications.ts';
import { CredentialCache } from './credential-cache.ts';

// Changes that end or narrow credentials travel as commit notifications to every process, which
// drops what it had cached under the change's tags and re-checks its open WebSockets.
export const CREDENTIALS_CHANNEL = 'plantintel_credentials';

/** What a change affects: a person, a customer, one sign-in (refresh-token family) or one key. */
export type CredentialTag = `user:${string}` | `tenant:${string}` | `session:${string}` | `key:${string}`;

/** `*`: the listener reconnected and may have missed changes; treat everything as changed. */
export type RevocationListener = (tag: CredentialTag | '*') => void;

/** Whether a change under `tag` may end or narrow what `principal` stands for. */
export function affectsPrincipal(tag: CredentialTag | '*', principal: Principal): boolean {
  if (tag === '*') return true;
  const [kind, id] = [tag.slice(0, tag.indexOf(':')), tag.slice(tag.indexOf(':') + 1)];
  if (kind === 'user') return principal.userId === id;
  if (kind === 'tenant') return principal.tenantId === id;
  if (kind === 'session') return principal.sessionId === id;
  return principal.apiKeyId === id;
}

export function createRevocations({
  database,
  ttlMs,
  logger,
}: {
  database: Database;
  ttlMs: number;
  logger: FastifyBaseLogger;
}) {
  const cache = new CredentialCache<Principal>({ ttlMs });
  const listeners = new Set<RevocationListener>();
  let unlisten: Unlisten | undefined;

  const changed = (tag: CredentialTag | '*') => {
    if (tag === '*') cache.clear();
    else cache.invalidate(tag);
    for (const listener of listeners) listener(tag);
  };

  return {
    cache,

    /**
     * Call inside the transaction of the change. This process stops trusting its cached state for
     * these tags at once; every process (this one included) drops it again when the change commits.
     */
    async revoke(tx: Executor, ...tags: CredentialTag[]) {
      for (const tag of new Set(tags)) {
        cache.invalidate(tag, { pending: true });
        await notify(tx, CREDENTIALS_CHANNEL, tag);
      }
    },

    /** Called after a committed change (or a reconnect); returns the unsubscribe function. */
    onRevoked(listener: RevocationListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start() {
      unlisten = await listen(database, CREDENTIALS_CHANNEL, (tag) => changed(tag as CredentialTag), {
        onReconnect: () => changed('*'),
        onError: (err) => logger.warn({ err }, 'credential change listener connection lost'),
      });
    },

    /** Stops listening; never throws (the database may already be gone at shutdown). */
    async stop() {
      const stopListening = unlisten;
      unlisten = undefined;
      await stopListening?.().catch((err: unknown) =>
        logger.warn({ err }, 'credential change listener did not stop cleanly'),
      );
    },
  };
}

export type Revocations = ReturnType<typeof createRevocations>;
