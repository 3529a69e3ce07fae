import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Principal, TenantRole } from '../../platform/auth/principal.ts';
import { type AccessTokens, hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { acrossTenants } from '../../platform/db/scope.ts';
import { badRequest, forbidden, rateLimited, unauthorized } from '../../platform/http/errors.ts';
import { type RequestMeta, recordAudit } from './audit.service.ts';
import { listFacilities } from './customers.repo.ts';
import {
  insertAttempt,
  lockAttemptKeys,
  markAttemptSucceeded,
  unsuccessfulSince,
} from './login-attempts.repo.ts';
import { checkPassword, hashPassword } from './password.ts';
import {
  findInvitation,
  findRefreshToken,
  insertRefreshToken,
  markInvitationAccepted,
  markRefreshTokenUsed,
  revokeFamily,
} from './sessions.repo.ts';
import { activeMemberships, findUserByEmail, findUserById, type UserRow, updateUser } from './users.repo.ts';

export type AuthSettings = Pick<
  Config,
  'refreshTokenTtlSeconds' | 'loginMaxFailuresPerEmail' | 'loginMaxFailuresPerIp' | 'loginWindowSeconds'
>;

export interface AuthDeps {
  db: Db;
  accessTokens: AccessTokens;
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

export function createAuthService({ db, accessTokens, settings }: AuthDeps) {
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

  /** Which tenant a session acts in: the one asked for, else the oldest membership. */
  async function chooseTenant(tx: Executor, user: UserRow, tenantId: string | undefined) {
    const options = await activeMemberships(tx, user.id);
    const chosen = tenantId ? options.find((m) => m.tenant.id === tenantId) : options[0];
    if (chosen) return { tenantId: chosen.tenant.id, role: chosen.membership.role as TenantRole };
    if (tenantId) throw forbidden('You are not an active member of that organisation');
    if (user.platformRole === 'superadmin') return { tenantId: null, role: null };
    throw forbidden('Your account has no active organisation; ask your administrator');
  }

  /**
   * Reserves the attempt before any password is checked: under a lock per email and per address,
   * count the attempts that have not succeeded (in-flight ones included) and refuse over a limit.
   * Parallel attempts therefore cannot all slip past the check.
   */
  async function reserveAttempt(email: string, meta: RequestMeta): Promise<number> {
    const since = new Date(Date.now() - settings.loginWindowSeconds * 1000);
    const limits = [
      { key: { email }, max: settings.loginMaxFailuresPerEmail },
      { key: { ip: meta.ip }, max: settings.loginMaxFailuresPerIp },
    ];
    return acrossTenants(db, async (tx) => {
      await lockAttemptKeys(tx, email, meta.ip);
      for (const { key, max } of limits) {
        const recent = await unsuccessfulSince(tx, key, since);
        if (recent.count < max) continue;
        const oldest = recent.oldest ?? new Date();
        const retryAfter = (oldest.getTime() + settings.loginWindowSeconds * 1000 - Date.now()) / 1000;
        throw rateLimited('Too many failed sign-in attempts; try again later', retryAfter);
      }
      return insertAttempt(tx, email, meta.ip);
    });
  }

  async function login(
    input: { email: string; password: string; tenantId?: string | undefined },
    meta: RequestMeta,
  ): Promise<SessionTokens> {
    const email = input.email.trim().toLowerCase();
    const attempt = await reserveAttempt(email, meta);
    // The password hash is checked outside any transaction: argon2 takes tens of milliseconds and
    // must not hold a database connection meanwhile.
    const user = await acrossTenants(db, (tx) => findUserByEmail(tx, email));
    const passwordOk = await checkPassword(user?.passwordHash, input.password);
    const outcome = await acrossTenants(db, async (tx) => {
      if (!user || !passwordOk || user.status !== 'active') {
        const reason = !user ? 'unknown email' : !passwordOk ? 'wrong password' : 'user inactive';
        // Recorded in the user's organisation when there is one, so its admins see attacks.
        const tenantId = user ? ((await activeMemberships(tx, user.id))[0]?.tenant.id ?? null) : null;
        await recordAudit(tx, null, meta, {
          action: LOGIN_FAILED,
          subject: email,
          tenantId,
          details: { reason },
        });
        return null;
      }
      await markAttemptSucceeded(tx, attempt);
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
        // A used token presented again was copied: end every session of that sign-in.
        await revokeFamily(tx, row.familyId, 'reuse detected');
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

  async function logout(principal: Principal, refreshToken: string | undefined, meta: RequestMeta) {
    await acrossTenants(db, async (tx) => {
      const families = new Set<string>();
      if (principal.sessionId) families.add(principal.sessionId);
      if (refreshToken) {
        const row = await findRefreshToken(tx, hashToken(refreshToken));
        if (row && row.userId === principal.userId) families.add(row.familyId);
      }
      for (const family of families) await revokeFamily(tx, family, 'logout');
      await recordAudit(tx, principal, meta, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: principal.userId,
      });
    });
  }

  async function acceptInvitation(
    token: string,
    password: string,
    meta: RequestMeta,
  ): Promise<SessionTokens> {
    const passwordHash = await hashPassword(password);
    return acrossTenants(db, async (tx) => {
      const invitation = await findInvitation(tx, hashToken(token));
      const valid = invitation && !invitation.acceptedAt && invitation.expiresAt.getTime() > Date.now();
      if (!valid || !(await markInvitationAccepted(tx, invitation.id))) {
        throw badRequest('This invitation link is invalid, already used or expired; ask for a new one');
      }
      const user = await findUserById(tx, invitation.userId);
      if (user?.status !== 'active') throw badRequest('The invited account is no longer active');
      // An invitation chooses the first password, never replaces one.
      if (user.passwordHash) throw badRequest('This account already has a password; sign in with it');
      await updateUser(tx, user.id, { passwordHash });
      const { tenantId, role } = await chooseTenant(tx, user, invitation.tenantId);
      await recordAudit(tx, actorOf(user, tenantId), meta, {
        action: 'user.invitation_accepted',
        targetType: 'user',
        targetId: user.id,
      });
      return issueSession(tx, { user, tenantId, role }, randomUUID());
    });
  }

  /** Who the caller is, where they act and where else they could (only their own rows are read). */
  async function profile(principal: Principal) {
    return acrossTenants(db, async (tx) => {
      const user = await findUserById(tx, principal.userId);
      if (!user) throw unauthorized('The account no longer exists');
      const memberships = await activeMemberships(tx, user.id);
      const current = memberships.find((m) => m.tenant.id === principal.tenantId);
      const facilities = principal.tenantId ? await listFacilities(tx, principal.tenantId) : [];
      return { user, tenant: current?.tenant ?? null, memberships, facilities };
    });
  }

  return { login, refresh, logout, acceptInvitation, profile };
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
