import type { Principal, TenantRole } from '../../platform/auth/principal.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { acrossTenants, inTenant, readInTenant, tenantOf } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import { conflict, conflictOnUnique, forbidden, notFound } from '../../platform/http/errors.ts';
import { type RequestMeta, recordAudit } from './audit.service.ts';
import { findTenant } from './customers.repo.ts';
import { hashPassword } from './password.ts';
import type { Revocations } from './revocations.ts';
import { deleteOpenInvitations, insertInvitation, revokeUserSessions } from './sessions.repo.ts';
import {
  findMember,
  findUserByEmail,
  insertMembership,
  insertUser,
  listMembers,
  lockActiveAdmins,
  type MemberFilter,
  type MemberRow,
  updateMembership,
} from './users.repo.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface NewMember {
  email: string;
  name: string;
  role: TenantRole;
}

export interface MemberPatch {
  role?: TenantRole | undefined;
  status?: 'active' | 'inactive' | undefined;
}

export interface Invitation {
  token: string;
  expiresAt: Date;
}

/** Identity administration is for people: an API key never creates or changes credentials. */
function signedInOnly(principal: Principal) {
  if (principal.kind !== 'user') {
    throw forbidden('Members are managed by signed-in admins; API keys cannot add or change members');
  }
}

/**
 * Tenant admins manage the members of their own tenant. Accounts are global (one login across
 * tenants), so adding someone never touches their account: it creates an `invited` membership and a
 * link the person accepts — by choosing a password if they are new to PlantIntel, or signed in as
 * themselves if they are not. The answer is the same either way: no tenant learns whether an email
 * has an account elsewhere, and none can choose the credentials of an account someone else owns.
 */
export function createUsersService({
  db,
  events,
  revocations,
}: {
  db: Db;
  events: Pick<Events, 'record'>;
  revocations: Pick<Revocations, 'revoke'>;
}) {
  async function issueInvitation(tx: Tx, tenantId: string, userId: string): Promise<Invitation> {
    await deleteOpenInvitations(tx, tenantId, userId);
    const token = randomToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await insertInvitation(tx, { tenantId, userId, tokenHash: hashToken(token), expiresAt });
    return { token, expiresAt };
  }

  /**
   * The membership for `input.email` in `tenantId`, run across tenants (the account may exist
   * elsewhere). A password is only ever set on an account this call creates, and only by the
   * platform (a customer's first admin); otherwise the membership waits for the person to accept.
   */
  async function addMember(
    tx: Tx,
    tenantId: string,
    given: NewMember,
    passwordHash: string | null = null,
  ): Promise<{ member: MemberRow; invitation: Invitation | null }> {
    const input = { ...given, email: given.email.trim().toLowerCase() };
    let user = await findUserByEmail(tx, input.email);
    if (user && (await findMember(tx, tenantId, user.id))) {
      throw conflict(`${input.email} is already a member of this organisation`);
    }
    if (user && passwordHash) {
      throw conflict(`${input.email} already has a PlantIntel account; invite them without a password`);
    }
    // Someone else may have added the same person a moment ago.
    user ??= await insertUser(tx, { email: input.email, name: input.name, passwordHash }).catch(
      conflictOnUnique(`${input.email} was just added; reload and try again`),
    );
    const active = passwordHash !== null;
    const membership = await insertMembership(tx, {
      tenantId,
      userId: user.id,
      role: input.role,
      status: active ? 'active' : 'invited',
      invitedName: active ? null : input.name,
    });
    const invitation = active ? null : await issueInvitation(tx, tenantId, user.id);
    await events.record(tx, {
      tenantId,
      aggregateType: 'user',
      aggregateId: user.id,
      type: 'MemberAdded',
      access: 'admin',
      // Only what the inviting admin gave: the account's own profile is not theirs to see.
      data: {
        userId: user.id,
        email: input.email,
        name: input.name,
        role: input.role,
        status: membership.status,
      },
    });
    return { member: { user, membership }, invitation };
  }

  function list(principal: Principal, filter: MemberFilter) {
    const tenantId = tenantOf(principal);
    return readInTenant(db, tenantId, (tx) => listMembers(tx, tenantId, filter));
  }

  async function get(principal: Principal, userId: string) {
    const tenantId = tenantOf(principal);
    const member = await readInTenant(db, tenantId, (tx) => findMember(tx, tenantId, userId));
    if (!member) throw notFound('User');
    return member;
  }

  /** Invites a person into the caller's tenant (the tenant written is always the caller's own). */
  async function create(principal: Principal, input: NewMember, meta: RequestMeta) {
    signedInOnly(principal);
    const tenantId = tenantOf(principal);
    return acrossTenants(db, async (tx) => {
      const added = await addMember(tx, tenantId, input);
      await recordAudit(tx, principal, meta, {
        action: 'user.invite',
        targetType: 'user',
        targetId: added.member.user.id,
        subject: added.member.user.email,
        details: { role: input.role },
      });
      return added;
    });
  }

  /** A superadmin adds a person (typically a new customer's first admin) to a customer. */
  async function createForCustomer(
    actor: Principal,
    tenantId: string,
    input: NewMember & { password?: string | undefined },
    meta: RequestMeta,
  ) {
    // argon2 runs before the transaction: it must not hold a connection for tens of milliseconds.
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return acrossTenants(db, async (tx) => {
      if (!(await findTenant(tx, tenantId))) throw notFound('Customer');
      const added = await addMember(tx, tenantId, input, passwordHash);
      await recordAudit(tx, actor, meta, {
        action: added.invitation ? 'user.invite' : 'user.create',
        tenantId,
        targetType: 'user',
        targetId: added.member.user.id,
        subject: added.member.user.email,
        details: { role: input.role, by: 'platform' },
      });
      return added;
    });
  }

  /** A fresh invitation link for a member who has not accepted yet; older links stop working. */
  async function reinvite(principal: Principal, userId: string, meta: RequestMeta) {
    signedInOnly(principal);
    const tenantId = tenantOf(principal);
    return inTenant(db, tenantId, async (tx) => {
      const member = await findMember(tx, tenantId, userId);
      if (!member) throw notFound('User');
      if (member.membership.invitedName === null) throw conflict('This member has already accepted');
      if (member.membership.status !== 'invited') {
        await updateMembership(tx, member.membership.id, { status: 'invited' });
      }
      const invitation = await issueInvitation(tx, tenantId, userId);
      await recordAudit(tx, principal, meta, {
        action: 'user.reinvite',
        targetType: 'user',
        targetId: userId,
        subject: member.user.email,
      });
      return invitation;
    });
  }

  async function update(principal: Principal, userId: string, patch: MemberPatch, meta: RequestMeta) {
    signedInOnly(principal);
    const tenantId = tenantOf(principal);
    return inTenant(db, tenantId, async (tx) => {
      const member = await findMember(tx, tenantId, userId);
      if (!member) throw notFound('User');
      const { membership } = member;
      // invitedName is kept until the person accepts: a tenant cannot activate a membership the
      // person never agreed to, whether its invitation is open or was withdrawn.
      if (membership.invitedName !== null && patch.status === 'active') {
        throw conflict('This person has not accepted the invitation; send them a new one');
      }
      const losesAdmin =
        membership.role === 'admin' &&
        membership.status === 'active' &&
        ((patch.role && patch.role !== 'admin') || patch.status === 'inactive');
      if (losesAdmin && (await lockActiveAdmins(tx, tenantId)).length <= 1) {
        throw conflict('This is the last active admin of the organisation; make someone else admin first');
      }
      await updateMembership(tx, membership.id, patch);
      if (patch.status === 'inactive') {
        // Deactivation ends their sign-ins here; an open invitation is withdrawn.
        await revokeUserSessions(tx, userId, 'deactivated', tenantId);
        await deleteOpenInvitations(tx, tenantId, userId);
      }
      // Every open credential re-reads the membership: a new role applies to the next request.
      await revocations.revoke(tx, `user:${userId}`);
      const before = { role: membership.role, status: membership.status };
      await events.record(tx, {
        tenantId,
        aggregateType: 'user',
        aggregateId: userId,
        type: 'MemberChanged',
        access: 'admin',
        data: { userId, email: member.user.email, before, after: patch },
      });
      await recordAudit(tx, principal, meta, {
        action: 'user.update',
        targetType: 'user',
        targetId: userId,
        subject: member.user.email,
        details: { before, after: patch },
      });
      const updated = await findMember(tx, tenantId, userId);
      if (!updated) throw notFound('User');
      return updated;
    });
  }

  return { list, get, create, createForCustomer, reinvite, update };
}

export type UsersService = ReturnType<typeof createUsersService>;
