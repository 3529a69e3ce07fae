import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../config.ts';
import type { Principal, TenantRole } from '../../platform/auth/principal.ts';
import { type AccessTokens, hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Db, Executor, Tx } from '../../platform/db/database.ts';
import { acrossTenants, readAcrossTenants } from '../../platform/db/scope.ts';
import { AppError, badRequest, forbidden, rateLimited, unauthorized } from '../../platform/http/errors.ts';
import { type RequestMeta, recordAudit } from './audit.service.ts';
import { markAttemptSucceeded } from './login-attempts.repo.ts';
import { type LoginLimitSettings, reserveAttempt } from './login-limits.ts';
import { checkPassword, hashPassword } from './password.ts';
import type { Revocations } from './revocations.ts';
import {
  findInvitation,
  findRefreshToken,
  insertRefreshToken,
  markInvitationAccepted,
  markRefreshTokenUsed,
  revokeFamily,
} from './sessions.repo.ts';
import {
  activeMemberships,
  findMember,
  findProfile,
  findUserByEmail,
  findUserById,
  type MemberRow,
  membershipsOf,
  type UserRow,
  updateMembership,
  updateUser,
  userTenantIds,
} from './users.repo.ts';

export type AuthSettings = Pick<Config, 'refreshTokenTtlSeconds'> & LoginLimitSettings;

export interface AuthDeps {
  db: Db;
  accessTokens: AccessTokens;
  revocations: Pick<Revocations, 'revoke'>;
  settings: AuthSettings;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  expiresAt: Date;
  refreshExpiresAt: Date;
}

const INVALID_LOGIN = 'Invalid email or password';
const LOGIN_FAILED = 'auth.login_failed';

interface SessionSubject {
  user: UserRow;
  tenantId: string | null;
  role: TenantRole | null;
}

export function createAuthService({ db, accessTokens, revocations, settings }: AuthDeps) {
  /** Issues an access token and the next refresh token of `familyId` (a new family on login). */
  async function issueSession(
    tx: Executor,
    subject: SessionSubject,
    familyId: string,
  ): Promise<SessionTokens> {
    const refreshToken = randomToken();
    const refreshExpiresAt = new Date(Date.now() + settings.refreshTokenTtlSeconds * 1000);
    await insertRefreshToken(tx, {
      tenantId: subject.tenantId,
      userId: subject.user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    const access = await accessTokens.issue({
      userId: subject.user.id,
      email: subject.user.email,
      tenantId: subject.tenantId,
      role: subject.role,
      platformRole: subject.user.platformRole === 'superadmin' ? 'superadmin' : null,
      sessionId: familyId,
    });
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: Math.round((access.expiresAt.getTime() - Date.now()) / 1000),
      expiresAt: access.expiresAt,
      refreshExpiresAt,
    };
  }

  /**
   * Which tenant a session acts in: the one asked for, else the oldest membership. A superadmin
   * signs in to the platform unless they name a tenant, so no membership decides where they land.
   */
  async function chooseTenant(tx: Executor, user: UserRow, tenantId: string | undefined) {
    const superadmin = user.platformRole === 'superadmin';
    if (superadmin && !tenantId) return { tenantId: null, role: null };
    const options = await activeMemberships(tx, user.id);
    const chosen = tenantId ? options.find((m) => m.tenant.id === tenantId) : options[0];
    if (chosen) return { tenantId: chosen.tenant.id, role: chosen.membership.role as TenantRole };
    if (tenantId) throw forbidden('You are not an active member of that organisation');
    throw forbidden('Your account has no active organisation; ask your administrator');
  }

  /** Audit entries about an account's sign-ins go to every organisation it is active in. */
  async function auditSignIn(tx: Tx, email: string, meta: RequestMeta, action: string, details: object) {
    const user = await findUserByEmail(tx, email);
    const tenants = user ? await userTenantIds(tx, user.id) : [];
    for (const tenantId of tenants.length > 0 ? tenants : [null]) {
      await recordAudit(tx, null, meta, { action, subject: email, tenantId, details: { ...details } });
    }
  }

  /** Reserves the attempt or refuses it (429); a refusal is audited where the account's admins look. */
  async function admit(email: string, meta: RequestMeta) {
    const reservation = await acrossTenants(db, async (tx) => {
      const outcome = await reserveAttempt(tx, email, meta.ip, settings);
      if ('refused' in outcome) {
        await auditSignIn(tx, email, meta, 'auth.login_throttled', { limit: outcome.refused });
      }
      return outcome;
    });
    if ('refused' in reservation) {
      throw rateLimited('Too many failed sign-in attempts; try again later', reservation.retryAfterSeconds);
    }
    return reservation;
  }

  async function login(
    input: { email: string; password: string; tenantId?: string | undefined },
    meta: RequestMeta,
  ): Promise<SessionTokens> {
    const email = input.email.trim().toLowerCase();
    const { attemptId, delayMs } = await admit(email, meta);
    // An email under attack from many addresses is slowed down, not locked (see login-limits.ts).
    if (delayMs > 0) await sleep(delayMs);
    // The password hash is checked outside any transaction: argon2 takes tens of milliseconds and
    // must not hold a database connection meanwhile.
    const user = await acrossTenants(db, (tx) => findUserByEmail(tx, email));
    const passwordOk = await checkPassword(user?.passwordHash, input.password);
    const outcome = await acrossTenants(db, async (tx) => {
      if (!user || !passwordOk || user.status !== 'active') {
        const reason = !user ? 'unknown email' : !passwordOk ? 'wrong password' : 'user inactive';
        await auditSignIn(tx, email, meta, LOGIN_FAILED, delayMs > 0 ? { reason, delayMs } : { reason });
        return null;
      }
      await markAttemptSucceeded(tx, attemptId);
      const { tenantId, role } = await chooseTenant(tx, user, input.tenantId);
      await updateUser(tx, user.id, { lastLoginAt: new Date() });
      const session = await issueSession(tx, { user, tenantId, role }, randomUUID());
      await recordAudit(tx, actorOf(user, tenantId), meta, {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        subject: email,
      });
      return session;
    });
    if (!outcome) throw unauthorized(INVALID_LOGIN);
    return outcome;
  }

  async function refresh(refreshToken: string, meta: RequestMeta): Promise<SessionTokens> {
    const result = await acrossTenants(db, async (tx) => {
      const row = await findRefreshToken(tx, hashToken(refreshToken));
      if (!row) return { error: 'The refresh token is invalid' };
      if (row.revokedAt) return { error: 'This sign-in has ended; sign in again' };
      if (row.usedAt !== null || !(await markRefreshTokenUsed(tx, row.id))) {
        // A used token presented again was copied: end every session of that sign-in, its
        // access tokens included.
        await revokeFamily(tx, row.familyId, 'reuse detected');
        await revocations.revoke(tx, `session:${row.familyId}`);
        await recordAudit(tx, null, meta, {
          action: 'auth.refresh_reuse',
          tenantId: row.tenantId,
          targetType: 'user',
          targetId: row.userId,
          details: { familyId: row.familyId },
        });
        return { error: 'The refresh token was already used; this sign-in has been ended everywhere' };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { error: 'The refresh token has expired' };
      const user = await findUserById(tx, row.userId);
      if (user?.status !== 'active') return { error: 'The account is no longer active' };
      let role: TenantRole | null = null;
      if (row.tenantId) {
        const membership = (await activeMemberships(tx, user.id)).find((m) => m.tenant.id === row.tenantId);
        if (!membership) return { error: 'You are no longer an active member of that organisation' };
        role = membership.membership.role as TenantRole;
      }
      return { session: await issueSession(tx, { user, tenantId: row.tenantId, role }, row.familyId) };
    });
    if ('error' in result) throw unauthorized(result.error);
    return result.session;
  }

  /** Ends the caller's sign-in (and the one of `refreshToken`, if theirs): refresh and access tokens. */
  async function logout(principal: Principal, refreshToken: string | undefined, meta: RequestMeta) {
    if (principal.kind !== 'user')
      throw forbidden('An API key has no sign-in to end; revoke the key instead');
    await acrossTenants(db, async (tx) => {
      const families = new Set<string>();
      if (principal.sessionId) families.add(principal.sessionId);
      if (refreshToken) {
        const row = await findRefreshToken(tx, hashToken(refreshToken));
        if (row && row.userId === principal.userId) families.add(row.familyId);
      }
      for (const family of families) {
        await revokeFamily(tx, family, 'logout');
        await revocations.revoke(tx, `session:${family}`);
      }
      await recordAudit(tx, principal, meta, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: principal.userId,
      });
    });
  }

  /** The open invitation of `token` with its membership, or a 400 that says nothing more. */
  async function openInvitation(tx: Tx, token: string) {
    const invitation = await findInvitation(tx, hashToken(token));
    const valid = invitation && !invitation.acceptedAt && invitation.expiresAt.getTime() > Date.now();
    const member = valid ? await findMember(tx, invitation.tenantId, invitation.userId) : undefined;
    if (!invitation || !member || member.membership.status !== 'invited') {
      throw badRequest('This invitation link is invalid, already used or expired; ask for a new one');
    }
    if (member.user.status !== 'active') throw badRequest('The invited account is no longer active');
    return { invitation, member };
  }

  async function join(
    tx: Tx,
    invitation: { id: string; tenantId: string },
    user: UserRow,
    meta: RequestMeta,
  ) {
    if (!(await markInvitationAccepted(tx, invitation.id))) {
      throw badRequest('This invitation link is invalid, already used or expired; ask for a new one');
    }
    const member = await findMember(tx, invitation.tenantId, user.id);
    if (!member)
      throw badRequest('This invitation link is invalid, already used or expired; ask for a new one');
    await updateMembership(tx, member.membership.id, { status: 'active', invitedName: null });
    await recordAudit(tx, actorOf(user, invitation.tenantId), meta, {
      action: 'user.invitation_accepted',
      targetType: 'user',
      targetId: user.id,
      subject: user.email,
    });
    const role = member.membership.role as TenantRole;
    return issueSession(tx, { user, tenantId: invitation.tenantId, role }, randomUUID());
  }

  /**
   * A new person's first password comes with the invitation that created the account: none accepted
   * anywhere yet, and this is the oldest open one. A second organisation inviting the same new
   * person a moment later cannot choose their password; they accept its invitation signed in.
   */
  async function mayChoosePassword(tx: Tx, member: MemberRow) {
    const all = await membershipsOf(tx, member.user.id);
    if (all.some((m) => m.invitedName === null)) return false;
    return all.find((m) => m.status === 'invited')?.id === member.membership.id;
  }

  /**
   * A person new to PlantIntel accepts with the password they choose. An account that exists — it
   * has a password, or belongs to another organisation — is never given one here: its owner signs
   * in and accepts (`acceptInvitationSignedIn`).
   */
  async function acceptInvitation(token: string, password: string, meta: RequestMeta) {
    const passwordHash = await hashPassword(password);
    return acrossTenants(db, async (tx) => {
      const { invitation, member } = await openInvitation(tx, token);
      if (member.user.passwordHash || member.user.platformRole || !(await mayChoosePassword(tx, member))) {
        throw new AppError(
          'conflict',
          'This invitation is for an existing PlantIntel account: sign in with it, then accept the invitation',
          [{ path: '/body/token', message: 'sign_in_required' }],
        );
      }
      await updateUser(tx, member.user.id, { passwordHash });
      return join(tx, invitation, member.user, meta);
    });
  }

  /** An existing account accepts an invitation while signed in as itself; it is signed in there. */
  async function acceptInvitationSignedIn(principal: Principal, token: string, meta: RequestMeta) {
    if (principal.kind !== 'user')
      throw forbidden('Sign in as the invited person to accept; API keys cannot');
    return acrossTenants(db, async (tx) => {
      const { invitation, member } = await openInvitation(tx, token);
      // Someone else's invitation looks like no invitation at all.
      if (member.user.id !== principal.userId) {
        throw badRequest('This invitation link is invalid, already used or expired; ask for a new one');
      }
      return join(tx, invitation, member.user, meta);
    });
  }

  /** Who the caller is, where they act and where else they could (only their own rows are read). */
  async function profile(principal: Principal) {
    const found = await readAcrossTenants(db, (tx) => findProfile(tx, principal.userId, principal.tenantId));
    if (!found) throw unauthorized('The account no longer exists');
    const current = found.memberships.find((m) => m.tenant.id === principal.tenantId);
    // A key acts in its own tenant only: where else its creator belongs is none of its business.
    const visible = principal.kind === 'user' ? found.memberships : [];
    return { ...found, tenant: current?.tenant ?? null, memberships: visible };
  }

  return { login, refresh, logout, acceptInvitation, acceptInvitationSignedIn, profile };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** A minimal principal for audit entries written before the request has one (sign-in). */
function actorOf(user: UserRow, tenantId: string | null): Principal {
  return {
    kind: 'user',
    userId: user.id,
    tenantId,
    role: null,
    platformRole: null,
    scopes: new Set(),
    apiKeyId: null,
    label: user.email,
    sessionId: null,
  };
}
