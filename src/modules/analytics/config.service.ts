// The analyzer configuration (issue 14): one per tenant (facility null) and per facility, resolved
// for an analysis as defaults ← tenant ← facility ← the import's profile variables ← the request's
// override. Tenant admins change their own tenant's; superadmins any tenant's. Every change is kept
// in the history with the variables it changed.
import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { inTenant, isUuid, readInTenant } from '../../platform/db/scope.ts';
import { forbidden, notFound, validationFailed } from '../../platform/http/errors.ts';
import { facilityInScope } from '../identity/index.ts';
import { configHistory, findConfig, insertConfigHistory, saveConfig } from './analyses.repo.ts';
import {
  CONFIG_BY_KEY,
  type ConfigValue,
  configDiff,
  configProblems,
  DEFAULT_CONFIG,
  PRESETS,
  type PresetType,
  presetOf,
  presetValues,
} from './analysis/config.ts';

export interface ResolvedConfig {
  presetType: PresetType;
  values: Record<string, ConfigValue>;
}

/** 400 naming every variable that is unknown, of the wrong type or out of its range. */
export function assertValidConfig(values: Record<string, unknown>, path = '/config') {
  const problems = configProblems(values);
  if (problems.length > 0)
    throw validationFailed(
      problems.map((p) => p.message).join('; '),
      problems.map((p) => ({ path: `${path}/${p.variable}`, message: p.message })),
    );
}

/** The configuration an analysis of this facility runs with (before any per-run override). */
export async function resolveConfig(
  tx: Executor,
  facilityId: string,
  profileVariables: { key: string; value: ConfigValue }[] = [],
): Promise<Record<string, ConfigValue>> {
  const tenantWide = await findConfig(tx, null);
  const facility = await findConfig(tx, facilityId);
  const fromProfile = Object.fromEntries(
    profileVariables
      .filter((v) => CONFIG_BY_KEY.has(v.key) && configProblems({ [v.key]: v.value }).length === 0)
      .map((v) => [v.key, v.value]),
  );
  return { ...DEFAULT_CONFIG, ...tenantWide?.config, ...facility?.config, ...fromProfile };
}

export function createConfigService({ db }: { db: Db }) {
  /** The tenant the caller may configure: their own (admin), or any (superadmin). */
  function tenantFor(principal: Principal, customerId: string | undefined): string {
    const superadmin = principal.platformRole === 'superadmin' && principal.kind === 'user';
    if (superadmin) {
      const tenant = customerId ?? principal.tenantId;
      if (!tenant)
        throw validationFailed('customerId is required', [
          { path: '/query/customerId', message: 'required for platform administrators' },
        ]);
      return tenant;
    }
    if (!principal.tenantId || !principal.scopes.has('admin'))
      throw forbidden(
        'Only the tenant’s admins (and platform administrators) change the analyzer configuration',
      );
    if (customerId !== undefined && customerId !== principal.tenantId) throw notFound('Customer');
    return principal.tenantId;
  }

  async function checkFacility(tx: Executor, facilityId: string | undefined) {
    // In the tenant's scope its own row is the only one visible: none → no such customer.
    const tenant = await tx.execute(sql`select 1 from tenants where id = app_tenant_id()`);
    if ((tenant as unknown as { rows: unknown[] }).rows.length === 0) throw notFound('Customer');
    if (facilityId !== undefined && !(isUuid(facilityId) && (await facilityInScope(tx, facilityId))))
      throw notFound('Facility');
  }

  async function current(tx: Executor, facilityId: string | null) {
    const own = await findConfig(tx, facilityId);
    const inherited = facilityId ? ((await findConfig(tx, null))?.config ?? {}) : {};
    const values = { ...DEFAULT_CONFIG, ...inherited, ...own?.config };
    return {
      facilityId,
      presetType: (own?.presetType ?? presetOf(values)) as PresetType,
      /** True when this scope has a configuration of its own (else it inherits). */
      own: own !== undefined,
      values,
      diffFromPreset: configDiff(
        presetValues(
          PRESETS.includes(own?.presetType as never)
            ? (own?.presetType as (typeof PRESETS)[number])
            : 'balanced',
        ),
        values,
      ),
      updatedAt: own?.updatedAt.toISOString() ?? null,
    };
  }

  return {
    async get(
      principal: Principal,
      query: { customerId?: string | undefined; facilityId?: string | undefined },
    ) {
      const tenantId = tenantFor(principal, query.customerId);
      return readInTenant(db, tenantId, async (tx) => {
        await checkFacility(tx, query.facilityId);
        return { customerId: tenantId, ...(await current(tx, query.facilityId ?? null)) };
      });
    },

    async put(
      principal: Principal,
      query: { customerId?: string | undefined; facilityId?: string | undefined },
      body: { presetType: PresetType; config?: Record<string, unknown> | undefined },
    ) {
      const tenantId = tenantFor(principal, query.customerId);
      const overrides = body.config ?? {};
      assertValidConfig(overrides);
      const base = body.presetType === 'custom' ? DEFAULT_CONFIG : presetValues(body.presetType);
      const values = { ...base, ...(overrides as Record<string, ConfigValue>) };
      const presetType = body.presetType === 'custom' ? 'custom' : presetOf(values);
      return inTenant(db, tenantId, async (tx) => {
        await checkFacility(tx, query.facilityId);
        const facilityId = query.facilityId ?? null;
        const before = await current(tx, facilityId);
        await saveConfig(tx, {
          tenantId,
          facilityId,
          presetType,
          config: values,
          updatedBy: principal.userId,
        });
        const diff = configDiff(before.values, values);
        await insertConfigHistory(tx, {
          tenantId,
          facilityId,
          presetType,
          diff,
          changedBy: principal.userId,
        });
        return { customerId: tenantId, ...(await current(tx, facilityId)) };
      });
    },

    async history(
      principal: Principal,
      query: { customerId?: string | undefined; facilityId?: string | undefined; limit?: number | undefined },
    ) {
      const tenantId = tenantFor(principal, query.customerId);
      return readInTenant(db, tenantId, async (tx) => {
        await checkFacility(tx, query.facilityId);
        const rows = await configHistory(tx, query.facilityId ?? null, query.limit ?? 50);
        return rows.map((r) => ({
          id: r.id,
          facilityId: r.facilityId,
          presetType: r.presetType as PresetType,
          changedBy: r.changedBy,
          changedAt: r.changedAt.toISOString(),
          diff: r.diff,
        }));
      });
    },
  };
}

export type ConfigService = ReturnType<typeof createConfigService>;
