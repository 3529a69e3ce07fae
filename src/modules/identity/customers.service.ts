import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { acrossTenants, readInTenant } from '../../platform/db/scope.ts';
import { badRequest, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import { type RequestMeta, recordAudit } from './audit.service.ts';
import {
  type CustomerFilter,
  type FacilityRow,
  findFacility,
  findTenant,
  insertFacility,
  insertTenant,
  listFacilities,
  listTenants,
  type TenantInsert,
  type TenantRow,
  updateFacility,
  updateTenant,
} from './customers.repo.ts';
import type { Revocations } from './revocations.ts';
import { revokeTenantSessions } from './sessions.repo.ts';

export type CustomerInput = Omit<TenantInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type FacilityInput = { code: string; name: string; timezone: string };

function checkTimezone(timezone: string | undefined) {
  if (timezone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw badRequest(`Unknown time zone "${timezone}"; use an IANA name such as Europe/Berlin`);
  }
}

/** Rethrows a unique violation as a 409 that says which value is taken. */
async function unique<T>(what: string, work: () => Promise<T>): Promise<T> {
  return work().catch(conflictOnUnique(what));
}

/**
 * Customers (tenants) and their facilities, for platform superadmins. Everything here runs across
 * tenants — the explicit bypass of tenant isolation — and every call leaves an audit entry.
 */
export function createCustomersService({
  db,
  revocations,
}: {
  db: Db;
  revocations: Pick<Revocations, 'revoke'>;
}) {
  function platform<T>(
    actor: Principal,
    meta: RequestMeta,
    audit: { action: string; tenantId?: string | null; details?: Record<string, unknown> },
    work: (tx: Executor) => Promise<T>,
  ): Promise<T> {
    return acrossTenants(db, async (tx) => {
      const result = await work(tx);
      const targetId = audit.tenantId ?? (result as { id?: string } | undefined)?.id;
      await recordAudit(tx, actor, meta, {
        action: audit.action,
        tenantId: audit.tenantId ?? targetId ?? null,
        targetType: 'tenant',
        ...(targetId ? { targetId } : {}),
        ...(audit.details ? { details: audit.details } : {}),
      });
      return result;
    });
  }

  async function existing(tx: Executor, id: string): Promise<TenantRow> {
    const tenant = await findTenant(tx, id);
    if (!tenant) throw notFound('Customer');
    return tenant;
  }

  const list = (actor: Principal, filter: CustomerFilter, meta: RequestMeta) =>
    platform(actor, meta, { action: 'customer.list', tenantId: null }, (tx) => listTenants(tx, filter));

  const get = (actor: Principal, id: string, meta: RequestMeta) =>
    platform(actor, meta, { action: 'customer.read', tenantId: id }, async (tx) => ({
      tenant: await existing(tx, id),
      facilities: await listFacilities(tx, id),
    }));

  const create = (actor: Principal, input: CustomerInput, meta: RequestMeta) =>
    unique(`A customer with the email ${input.email} already exists`, () =>
      platform(actor, meta, { action: 'customer.create', details: { name: input.name } }, (tx) =>
        insertTenant(tx, { ...input, email: input.email.toLowerCase() }),
      ),
    );

  const update = (actor: Principal, id: string, patch: Partial<CustomerInput>, meta: RequestMeta) =>
    unique(`A customer with the email ${patch.email} already exists`, () =>
      platform(
        actor,
        meta,
        { action: 'customer.update', tenantId: id, details: { changes: patch } },
        async (tx) => {
          const before = await existing(tx, id);
          const email = patch.email?.toLowerCase();
          const updated = (await updateTenant(tx, id, {
            ...patch,
            ...(email ? { email } : {}),
          })) as TenantRow;
          if (updated.status !== before.status) {
            if (updated.status === 'inactive') await revokeTenantSessions(tx, id, 'tenant deactivated');
            await revocations.revoke(tx, `tenant:${id}`);
          }
          return updated;
        },
      ),
    );

  /** Deactivation keeps the data, refuses new sign-ins and ends every open session of the tenant. */
  const deactivate = (actor: Principal, id: string, meta: RequestMeta) =>
    platform(actor, meta, { action: 'customer.deactivate', tenantId: id }, async (tx) => {
      await existing(tx, id);
      const tenant = (await updateTenant(tx, id, { status: 'inactive' })) as TenantRow;
      await revokeTenantSessions(tx, id, 'tenant deactivated');
      // Access tokens, API keys and open WebSockets of the tenant stop at their next use.
      await revocations.revoke(tx, `tenant:${id}`);
      return tenant;
    });

  const facilitiesOf = (actor: Principal, id: string, meta: RequestMeta) =>
    platform(actor, meta, { action: 'facility.list', tenantId: id }, async (tx) => {
      await existing(tx, id);
      return listFacilities(tx, id);
    });

  const addFacility = (actor: Principal, id: string, input: FacilityInput, meta: RequestMeta) => {
    checkTimezone(input.timezone);
    return unique(`The facility code ${input.code} is already used by this customer`, () =>
      platform(
        actor,
        meta,
        { action: 'facility.create', tenantId: id, details: { ...input } },
        async (tx) => {
          await existing(tx, id);
          return insertFacility(tx, { tenantId: id, ...input });
        },
      ),
    );
  };

  const changeFacility = (
    actor: Principal,
    id: string,
    facilityId: string,
    patch: Partial<FacilityInput>,
    meta: RequestMeta,
  ) => {
    checkTimezone(patch.timezone);
    return unique(`The facility code ${patch.code} is already used by this customer`, () =>
      platform(
        actor,
        meta,
        { action: 'facility.update', tenantId: id, details: { facilityId, changes: patch } },
        async (tx) => {
          if (!(await findFacility(tx, id, facilityId))) throw notFound('Facility');
          return (await updateFacility(tx, facilityId, patch)) as FacilityRow;
        },
      ),
    );
  };

  /** Facilities of the caller's own tenant (tenant users, not the platform path). */
  const facilitiesOfTenant = (tenantId: string) =>
    readInTenant(db, tenantId, (tx) => listFacilities(tx, tenantId));

  return {
    list,
    get,
    create,
    update,
    deactivate,
    facilitiesOf,
    addFacility,
    changeFacility,
    facilitiesOfTenant,
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;
