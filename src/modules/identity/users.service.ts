import type { Principal, TenantRole } from '../../platform/auth/principal.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { acrossTenants, inTenant, tenantOf } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { type RequestMeta, recordAudit } from './audit.service.ts';
import { hashPassword } from './password.ts';
import { insertInvitation, revokeUserSessions } from './sessions.repo.ts';
import {
  findMember,
  findUserByEmail,
  insertMembership,
  insertUser,
  listMembers,
  lockActiveAdmins,
  type MemberFilter,
  updateMembership,
} from './users.repo.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface NewMember {
  email: string;
  name: string;
  role: TenantRole;
  /** Without one, an invitation token is returned for the user to choose a password. */
  password?: string | undefined;
}

export interface MemberPatch {
  role?: TenantRole | undefined;
  status?: 'active' | 'inactive' | undefined;
}

/** Tenant admins manage the members of their own tenant. */
export function createUsersService({ db, events }: { db: Db; events: Pick<Events, 'record'> }) {
  function list(principal: Principal, filter: MemberFilter) {
    const tenantId = tenantOf(principal);
    return inTenant(db, tenantId, (tx) => listMembers(tx, tenantId, filter));
  }

  async function get(principal: Principal, userId: string) {
    const tenantId = tenantOf(principal);
    const member = await inTenant(db, tenantId, (tx) => findMember(tx, tenantId, userId));
    if (!member) throw notFound('User');
    return member;
  }

  /**
   * Adds a person to the tenant. Users are global (one login across tenants), so looking the email
   * up and creating the user runs across tenants; the tenant written is always the caller's own.
   */
  async function create(principal: Principal, input: NewMember, meta: RequestMeta) {
    const tenantId = tenantOf(principal);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return acrossTenants(db, async (tx) => {
      let user = await findUserByEmail(tx, input.email);
      const existed = user !== undefined;
      if (user) {
        if (await findMember(tx, tenantId, user.id)) {
          throw conflict(`${input.email} is already a member of this organisation`);
        }
        if (input.password) {
          throw conflict(
            `${input.email} already has a PlantIntel account; add them without a password and they sign in with their own`,
          );
        }
      } else {
        user = await insertUser(tx, { email: input.email, name: input.name, passwordHash }).catch((err) => {
          // Someone else added the same person a moment ago.
          if (isUniqueViolation(err)) throw conflict(`${input.email} was just added; reload and try again`);
          throw err;
        });
      }
      const membership = await insertMembership(tx, { tenantId, userId: user.id, role: input.role });
      let invitation: { token: string; expiresAt: Date } | null = null;
      // Only for a person this call created: an invitation sets the password of the (global) user,
      // so one tenant must never get to choose the password of another tenant's user.
      if (!existed && !passwordHash) {
        const token = randomToken();
        const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
        await insertInvitation(tx, { tenantId, userId: user.id, tokenHash: hashToken(token), expiresAt });
        invitation = { token, expiresAt };
      }
      await events.record(tx, {
        tenantId,
        aggregateType: 'user',
        aggregateId: user.id,
        type: 'MemberAdded',
        data: { userId: user.id, email: user.email, name: user.name, role: input.role },
      });
      await recordAudit(tx, principal, meta, {
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        subject: user.email,
        details: { role: input.role, invited: invitation !== null },
      });
      return { member: { user, membership }, invitation };
    });
  }

  async function update(principal: Principal, userId: string, patch: MemberPatch, meta: RequestMeta) {
    const tenantId = tenantOf(principal);
    return inTenant(db, tenantId, async (tx) => {
      const member = await findMember(tx, tenantId, userId);
      if (!member) throw notFound('User');
      const { membership } = member;
      const losesAdmin =
        membership.role === 'admin' &&
        membership.status === 'active' &&
        ((patch.role && patch.role !== 'admin') || patch.status === 'inactive');
      if (losesAdmin && (await lockActiveAdmins(tx, tenantId)).length <= 1) {
        throw conflict('This is the last active admin of the organisation; make someone else admin first');
      }
      await updateMembership(tx, membership.id, patch);
      if (patch.status === 'inactive' || (patch.role && patch.role !== membership.role)) {
        // Sessions carry the role: end them so the change applies now, not at the next refresh.
        await revokeUserSessions(
          tx,
          userId,
          patch.status === 'inactive' ? 'deactivated' : 'role changed',
          tenantId,
        );
      }
      await events.record(tx, {
        tenantId,
        aggregateType: 'user',
        aggregateId: userId,
        type: 'MemberChanged',
        data: {
          userId,
          email: member.user.email,
          before: { role: membership.role, status: membership.status },
          after: patch,
        },
      });
      await recordAudit(tx, principal, meta, {
        action: 'user.update',
        targetType: 'user',
        targetId: userId,
        subject: member.user.email,
        details: { before: { role: membership.role, status: membership.status }, after: patch },
      });
      const updated = await findMember(tx, tenantId, userId);
      if (!updated) throw notFound('User');
      return updated;
    });
  }

  return { list, get, create, update };
}

export type UsersService = ReturnType<typeof createUsersService>;
