// Shapes of the identity endpoints the dashboard uses (see openapi.snapshot.json).

export type Scope = 'read' | 'operate' | 'analyze' | 'admin';
export const SCOPES: readonly Scope[] = ['read', 'operate', 'analyze', 'admin'];

export type TenantRole = 'admin' | 'analyst' | 'operator' | 'viewer';
export const TENANT_ROLES: readonly TenantRole[] = ['admin', 'analyst', 'operator', 'viewer'];

/** Answer of login, refresh and accept-invitation. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  expiresAt: string;
  refreshExpiresAt: string;
}

export interface TenantSummary {
  id: string;
  name: string;
  status: string;
  plan: string;
}

export interface Facility {
  id: string;
  code: string;
  name: string;
  timezone: string;
  createdAt: string;
}

export interface Me {
  user: { id: string; email: string; name: string };
  principal: 'user' | 'apiKey';
  tenant: TenantSummary | null;
  role: TenantRole | null;
  platformRole: 'superadmin' | null;
  scopes: Scope[];
  facilities: Facility[];
  memberships: { tenant: TenantSummary; role: TenantRole }[];
}

/** What the signed-in user may open; drives both the navigation and the page guards. */
export interface Permissions {
  users: boolean;
  apiKeys: boolean;
  auditLog: boolean;
  customers: boolean;
  /** Sees the organisation's background jobs (needs an organisation). */
  jobs: boolean;
  /** Starts the self-check job. */
  runSelfCheck: boolean;
  /** Sees the plant pages: lines, batches, OEE reports (needs an organisation). */
  plant: boolean;
  /** Changes line status and starts, completes and plans batches. */
  operatePlant: boolean;
  /** Sees work-order imports and mapping profiles (needs an organisation). */
  workOrders: boolean;
  /** Uploads work-order exports and edits mapping profiles (analysts and admins). */
  importWorkOrders: boolean;
  /** Sees the supply pages: inventory, forecasts, decisions, the model registry (needs an organisation). */
  supply: boolean;
  /** Runs forecasts and decisions, approves them, edits supply entities and trains models (analysts and admins). */
  planSupply: boolean;
}

export function permissionsOf(me: Me | undefined): Permissions {
  const scopes = new Set(me?.scopes ?? []);
  return {
    users: scopes.has('admin'),
    apiKeys: scopes.has('read'),
    auditLog: scopes.has('admin'),
    customers: me?.platformRole === 'superadmin',
    jobs: Boolean(me?.tenant) && scopes.has('read'),
    runSelfCheck: Boolean(me?.tenant) && scopes.has('admin'),
    plant: Boolean(me?.tenant) && scopes.has('read'),
    operatePlant: Boolean(me?.tenant) && scopes.has('operate'),
    workOrders: Boolean(me?.tenant) && scopes.has('read'),
    importWorkOrders: Boolean(me?.tenant) && scopes.has('analyze'),
    supply: Boolean(me?.tenant) && scopes.has('read'),
    planSupply: Boolean(me?.tenant) && scopes.has('analyze'),
  };
}
