// Who is calling and what they may do. Routes declare the scope they need; roles and API keys are
// sets of scopes. Tenant roles are not a ladder: an operator may start batches, an analyst may not,
// and an analyst may run analyses, an operator may not.

export const TENANT_ROLES = ['admin', 'analyst', 'operator', 'viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];
export type PlatformRole = 'superadmin';

/** What a route needs. `platform` is for superadmin endpoints that span tenants. */
export const SCOPES = ['read', 'operate', 'analyze', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
export type Access = Scope | 'platform' | 'public' | 'authenticated';

export const ROLE_SCOPES: Record<TenantRole, readonly Scope[]> = {
  admin: ['read', 'operate', 'analyze', 'admin'],
  analyst: ['read', 'analyze'],
  operator: ['read', 'operate'],
  viewer: ['read'],
};

export const SCOPE_DESCRIPTIONS: Record<Access, string> = {
  public: 'no credentials',
  authenticated: 'any signed-in user or API key',
  read: 'scope `read` (every tenant role)',
  operate: 'scope `operate` (roles operator, admin)',
  analyze: 'scope `analyze` (roles analyst, admin)',
  admin: 'scope `admin` (role admin)',
  platform: 'platform role superadmin',
};

export interface Principal {
  kind: 'user' | 'apiKey';
  userId: string;
  /** The tenant the request acts in; null for a platform session outside any tenant. */
  tenantId: string | null;
  role: TenantRole | null;
  platformRole: PlatformRole | null;
  scopes: ReadonlySet<Scope>;
  apiKeyId: string | null;
  /** Email of the user, or the API key's prefix: what the audit log shows. */
  label: string;
  /** Refresh-token family of the session (users with our tokens only). */
  sessionId: string | null;
}

export function scopesOfRole(role: TenantRole | null): ReadonlySet<Scope> {
  return new Set(role ? ROLE_SCOPES[role] : []);
}

/** Why the principal may not use a route of this access level, or null when it may. */
export function denialReason(principal: Principal, access: Access): string | null {
  if (access === 'public' || access === 'authenticated') return null;
  if (access === 'platform') {
    return principal.platformRole === 'superadmin' && principal.kind === 'user'
      ? null
      : 'This endpoint is for platform administrators';
  }
  if (!principal.tenantId) return 'This endpoint needs a tenant; sign in to one of your organisations';
  if (!principal.scopes.has(access)) {
    return principal.kind === 'apiKey'
      ? `This API key lacks the scope "${access}"`
      : `Your role (${principal.role ?? 'none'}) does not allow this; it needs the scope "${access}"`;
  }
  return null;
}
