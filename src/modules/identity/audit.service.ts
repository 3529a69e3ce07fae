import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { readInTenant } from '../../platform/db/scope.ts';
import type { RequestMeta } from '../../platform/http/request-context.ts';
import { type AuditEntry, type AuditFilter, insertAuditEntry, listAuditEntries } from './audit.repo.ts';

export type { RequestMeta };

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  subject?: string;
  details?: Record<string, unknown>;
  /** Defaults to the actor's tenant; platform actions about a tenant name that tenant. */
  tenantId?: string | null;
}

/** Records an action in the caller's transaction, so the entry exists exactly when the change does. */
export function recordAudit(tx: Executor, actor: Principal | null, meta: RequestMeta, event: AuditEvent) {
  const entry: AuditEntry = {
    tenantId: event.tenantId === undefined ? (actor?.tenantId ?? null) : event.tenantId,
    actorUserId: actor?.userId ?? null,
    actorApiKeyId: actor?.apiKeyId ?? null,
    actorLabel: actor?.label ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    subject: event.subject ?? null,
    details: event.details ?? null,
    ip: meta.ip,
    requestId: meta.requestId,
  };
  return insertAuditEntry(tx, entry);
}

export function createAuditService({ db }: { db: Db }) {
  /** A tenant's own entries (RLS keeps other tenants' and platform-only entries out). */
  const list = (tenantId: string, filter: AuditFilter) =>
    readInTenant(db, tenantId, (tx) => listAuditEntries(tx, filter));
  return { list };
}

export type AuditService = ReturnType<typeof createAuditService>;
