// Workspaces and their API keys. A workspace key is an API key of the identity module (scopes,
// expiry, revocation, audit as for any key) with a row in ai_workspace_keys binding it to the
// workspace: through the gateway it reaches only that workspace's pipelines.
import type { Principal, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { isForeignKeyViolation } from '../../../platform/db/errors.ts';
import { inTenant, readInTenant, tenantOf } from '../../../platform/db/scope.ts';
import { conflict, conflictOnUnique, notFound } from '../../../platform/http/errors.ts';
import type { RequestMeta } from '../../../platform/http/request-context.ts';
import type { ApiKeysService } from '../../identity/index.ts';
import { normaliseSector } from './naming.ts';
import type { CatalogChanges } from './pipeline-fields.ts';
import {
  deleteWorkspace,
  findWorkspace,
  findWorkspaceByName,
  findWorkspaceKey,
  holdsDefaultPipeline,
  insertWorkspace,
  linkKey,
  listWorkspaceKeys,
  listWorkspaces,
  liveKeyIds,
  updateWorkspace,
  type WorkspaceWithCount,
} from './workspaces.repo.ts';

export interface WorkspaceFields {
  name: string;
  sector: string;
  description?: string | undefined;
  monthlyBudgetUsd?: number | null | undefined;
  monthlyBudgetTokens?: number | null | undefined;
}

const nameTaken = (name: string) => conflictOnUnique(`A workspace named "${name}" exists already`);

export function createWorkspacesService({
  db,
  apiKeys,
  changes,
  onKeyRevoked,
}: {
  db: Db;
  apiKeys: Pick<ApiKeysService, 'create' | 'revoke'>;
  changes: CatalogChanges;
  onKeyRevoked: (apiKeyId: string) => void;
}) {
  async function create(tenantId: string, input: WorkspaceFields): Promise<WorkspaceWithCount> {
    const row = await inTenant(db, tenantId, (tx) =>
      insertWorkspace(tx, {
        tenantId,
        name: input.name.trim(),
        sector: normaliseSector(input.sector),
        description: input.description ?? '',
        monthlyBudgetUsd: input.monthlyBudgetUsd ?? null,
        monthlyBudgetTokens: input.monthlyBudgetTokens ?? null,
      }).catch(nameTaken(input.name.trim())),
    );
    changes.changed(tenantId);
    return { ...row, pipelines: 0 };
  }

  function list(tenantId: string, filter: { sector?: string | undefined; limit: number; offset: number }) {
    return readInTenant(db, tenantId, (tx) =>
      listWorkspaces(tx, { ...filter, sector: filter.sector && normaliseSector(filter.sector) }),
    );
  }

  async function get(tenantId: string, id: string) {
    const row = await readInTenant(db, tenantId, (tx) => findWorkspace(tx, id));
    if (!row) throw notFound('Workspace');
    return row;
  }

  async function update(tenantId: string, id: string, input: Partial<WorkspaceFields>) {
    const row = await inTenant(db, tenantId, async (tx) => {
      if (!(await findWorkspace(tx, id))) throw notFound('Workspace');
      await updateWorkspace(tx, id, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.sector !== undefined ? { sector: normaliseSector(input.sector) } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.monthlyBudgetUsd !== undefined ? { monthlyBudgetUsd: input.monthlyBudgetUsd } : {}),
        ...(input.monthlyBudgetTokens !== undefined
          ? { monthlyBudgetTokens: input.monthlyBudgetTokens }
          : {}),
      }).catch(nameTaken(input.name?.trim() ?? ''));
      return findWorkspace(tx, id);
    });
    changes.changed(tenantId);
    return row as WorkspaceWithCount;
  }

  /**
   * Deletes an empty workspace (archived pipelines go with it, their history too). Its keys are
   * revoked first: without their workspace they would otherwise reach every pipeline.
   */
  async function remove(principal: Principal, id: string, meta: RequestMeta) {
    const tenantId = tenantOf(principal);
    const keys = await readInTenant(db, tenantId, async (tx) => {
      const workspace = await findWorkspace(tx, id);
      if (!workspace) throw notFound('Workspace');
      if (await holdsDefaultPipeline(tx, id)) {
        throw conflict("This workspace holds the default pipeline of PlantIntel's own AI calls");
      }
      if (workspace.pipelines > 0) {
        throw conflict(
          `The workspace has ${workspace.pipelines} pipeline(s) that are not archived; archive them first`,
        );
      }
      return liveKeyIds(tx, id);
    });
    for (const keyId of keys) {
      await apiKeys.revoke(principal, keyId, meta);
      onKeyRevoked(keyId);
    }
    await inTenant(db, tenantId, (tx) => deleteWorkspace(tx, id));
    changes.changed(tenantId);
  }

  /** A new key bound to the workspace; the secret is in the answer, and only there. */
  async function createKey(
    principal: Principal,
    workspaceId: string,
    input: { name: string; scopes?: Scope[] | undefined; expiresAt?: Date | undefined },
    meta: RequestMeta,
  ) {
    const tenantId = tenantOf(principal);
    await get(tenantId, workspaceId);
    const created = await apiKeys.create(
      principal,
      { name: input.name, scopes: input.scopes ?? ['read'], expiresAt: input.expiresAt },
      meta,
    );
    // The secret is only given out once the key is bound: an unbound key would reach every workspace.
    try {
      await inTenant(db, tenantId, (tx) => linkKey(tx, { apiKeyId: created.row.id, tenantId, workspaceId }));
    } catch (err) {
      await apiKeys.revoke(principal, created.row.id, meta);
      if (isForeignKeyViolation(err)) throw notFound('Workspace');
      throw err;
    }
    return { apiKey: { ...created.row, workspaceId }, key: created.key };
  }

  async function listKeys(
    tenantId: string,
    workspaceId: string,
    filter: { includeRevoked: boolean; limit: number; offset: number },
  ) {
    await get(tenantId, workspaceId);
    return readInTenant(db, tenantId, (tx) => listWorkspaceKeys(tx, workspaceId, filter));
  }

  async function revokeKey(principal: Principal, workspaceId: string, keyId: string, meta: RequestMeta) {
    const tenantId = tenantOf(principal);
    const key = await readInTenant(db, tenantId, (tx) => findWorkspaceKey(tx, workspaceId, keyId));
    if (!key) throw notFound('Workspace key');
    await apiKeys.revoke(principal, keyId, meta);
    onKeyRevoked(keyId);
  }

  /**
   * A read-scoped key of `userId` bound to the workspace, made without a request (the demo seeder):
   * the key acts with at most its creator's role, checked at every use.
   */
  function createKeyAs(tenantId: string, userId: string, workspaceId: string, name: string) {
    const principal: Principal = {
      kind: 'user',
      userId,
      tenantId,
      role: null,
      platformRole: null,
      scopes: new Set<Scope>(['read']),
      apiKeyId: null,
      label: 'system',
      sessionId: null,
    };
    return createKey(principal, workspaceId, { name }, { ip: 'local', requestId: 'system' });
  }

  async function findByName(tenantId: string, name: string) {
    return readInTenant(db, tenantId, (tx) => findWorkspaceByName(tx, name));
  }

  return { create, list, get, findByName, update, remove, createKey, createKeyAs, listKeys, revokeKey };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
