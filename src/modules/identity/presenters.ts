import type { Principal } from '../../platform/auth/principal.ts';
import type { ApiKeyRow } from './api-keys.repo.ts';
import type { AuditRow } from './audit.repo.ts';
import type { SessionTokens } from './auth.service.ts';
import type { FacilityRow, TenantRow } from './customers.repo.ts';
import type { MemberRow, Profile, TenantSummary } from './users.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentSession = (s: SessionTokens) => ({
  ...s,
  expiresAt: s.expiresAt.toISOString(),
  refreshExpiresAt: s.refreshExpiresAt.toISOString(),
});

const tenantSummary = (t: TenantSummary) => ({ id: t.id, name: t.name, status: t.status, plan: t.plan });

export const presentFacility = (f: Pick<FacilityRow, 'id' | 'code' | 'name' | 'timezone' | 'createdAt'>) => ({
  id: f.id,
  code: f.code,
  name: f.name,
  timezone: f.timezone,
  createdAt: f.createdAt.toISOString(),
});

export const presentCustomer = (t: TenantRow) => ({
  id: t.id,
  name: t.name,
  email: t.email,
  contactName: t.contactName,
  phone: t.phone,
  address: t.address,
  plan: t.plan,
  status: t.status,
  notes: t.notes,
  startDate: t.startDate,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export function presentMe(principal: Principal, profile: Profile & { tenant: TenantSummary | null }) {
  return {
    user: profile.user,
    principal: principal.kind,
    tenant: profile.tenant ? tenantSummary(profile.tenant) : null,
    role: principal.role,
    platformRole: principal.platformRole,
    scopes: [...principal.scopes],
    facilities: profile.facilities.map(presentFacility),
    memberships: profile.memberships.map((m) => ({ tenant: tenantSummary(m.tenant), role: m.role })),
  };
}

/**
 * A member as their tenant sees them. Until the person accepts (invitedName is kept until then),
 * only what the tenant itself gave is shown: the account may belong to someone who has never
 * agreed to share its name, sign-ins or whether it has a password.
 */
export const presentMember = ({ user, membership }: MemberRow) => {
  const accepted = membership.invitedName === null;
  return {
    id: user.id,
    email: user.email,
    name: accepted ? user.name : (membership.invitedName ?? ''),
    role: membership.role,
    // Deactivated in this tenant, or everywhere by the platform.
    status: accepted && user.status === 'inactive' ? 'inactive' : membership.status,
    passwordSet: accepted && user.passwordHash !== null,
    lastLoginAt: accepted ? iso(user.lastLoginAt) : null,
    memberSince: membership.createdAt.toISOString(),
    accepted,
  };
};

export const presentInvitation = (i: { token: string; expiresAt: Date }) => ({
  token: i.token,
  expiresAt: i.expiresAt.toISOString(),
});

export const presentApiKey = ({ key, creatorEmail }: { key: ApiKeyRow; creatorEmail: string | null }) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  createdBy: { id: key.createdBy, email: creatorEmail },
  createdAt: key.createdAt.toISOString(),
  expiresAt: iso(key.expiresAt),
  lastUsedAt: iso(key.lastUsedAt),
  revokedAt: iso(key.revokedAt),
});

export const presentAuditEntry = (e: AuditRow) => ({
  id: e.id,
  occurredAt: e.occurredAt.toISOString(),
  action: e.action,
  actor: { userId: e.actorUserId, apiKeyId: e.actorApiKeyId, label: e.actorLabel },
  target: e.targetType ? { type: e.targetType, id: e.targetId } : null,
  subject: e.subject,
  details: e.details ?? null,
  ip: e.ip,
  requestId: e.requestId,
});
