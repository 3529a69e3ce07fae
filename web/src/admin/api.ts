// Calls and shapes of the administration endpoints: members, API keys, audit log, customers.
import { api, withQuery } from '../api';
import type { Facility, Scope, TenantRole } from '../auth/types';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type MemberStatus = 'active' | 'inactive';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: TenantRole;
  status: MemberStatus;
  passwordSet: boolean;
  lastLoginAt: string | null;
  memberSince: string;
}

export interface MemberCreated {
  user: Member;
  invitation: { token: string; expiresAt: string } | null;
}

export interface MemberFilter {
  search?: string;
  role?: TenantRole | '';
  status?: MemberStatus | '';
  limit: number;
  offset: number;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdBy: { id: string; email: string | null };
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyCreated {
  apiKey: ApiKey;
  key: string;
}

export interface AuditEntry {
  id: number;
  occurredAt: string;
  action: string;
  actor: { userId: string | null; apiKeyId: string | null; label: string | null };
  target: { type: string; id: string | null } | null;
  subject: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: number | null;
}

export type CustomerPlan = 'pilot' | 'subscription';
export type CustomerStatus = 'trial' | 'active' | 'inactive';

export interface Customer {
  id: string;
  name: string;
  email: string;
  contactName: string | null;
  phone: string | null;
  address: string | null;
  plan: CustomerPlan;
  status: CustomerStatus;
  notes: string | null;
  startDate: string;
  createdAt: string;
  updatedAt: string;
}

/** Fields of a customer that can be written; nullable text fields are cleared with null. */
export type CustomerFields = Partial<Omit<Customer, 'id' | 'createdAt' | 'updatedAt'>>;

export interface CustomerFilter {
  search?: string;
  status?: CustomerStatus | '';
  plan?: CustomerPlan | '';
  limit: number;
  offset: number;
}

export interface FacilityFields {
  code: string;
  name: string;
  timezone?: string;
}

const customerPath = (id: string) => `/api/v1/admin/customers/${encodeURIComponent(id)}`;

export const membersApi = {
  list: (filter: MemberFilter, signal?: AbortSignal) =>
    api.get<Page<Member>>(withQuery('/api/v1/users', { ...filter }), signal),
  create: (input: { email: string; name: string; role: TenantRole; password?: string }) =>
    api.post<MemberCreated>('/api/v1/users', input),
  update: (id: string, patch: { role?: TenantRole; status?: MemberStatus }) =>
    api.patch<Member>(`/api/v1/users/${encodeURIComponent(id)}`, patch),
};

export const apiKeysApi = {
  list: (filter: { includeRevoked: boolean; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<Page<ApiKey>>(withQuery('/api/v1/api-keys', { ...filter }), signal),
  /** `expiresAt`: ISO instant, null for never, undefined for the server's default (90 days). */
  create: (input: { name: string; scopes: Scope[]; expiresAt?: string | null }) =>
    api.post<ApiKeyCreated>('/api/v1/api-keys', input),
  revoke: (id: string) => api.delete(`/api/v1/api-keys/${encodeURIComponent(id)}`),
};

export const auditApi = {
  list: (filter: { action?: string; before?: number; limit: number }, signal?: AbortSignal) =>
    api.get<AuditPage>(withQuery('/api/v1/audit-log', { ...filter }), signal),
};

export const customersApi = {
  list: (filter: CustomerFilter, signal?: AbortSignal) =>
    api.get<Page<Customer>>(withQuery('/api/v1/admin/customers', { ...filter }), signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<{ customer: Customer; facilities: Facility[] }>(customerPath(id), signal),
  create: (input: CustomerFields) => api.post<Customer>('/api/v1/admin/customers', input),
  update: (id: string, patch: CustomerFields) => api.patch<Customer>(customerPath(id), patch),
  deactivate: (id: string) => api.post<Customer>(`${customerPath(id)}/deactivate`),
  addFacility: (id: string, input: FacilityFields) =>
    api.post<Facility>(`${customerPath(id)}/facilities`, input),
  updateFacility: (id: string, facilityId: string, patch: Partial<FacilityFields>) =>
    api.patch<Facility>(`${customerPath(id)}/facilities/${encodeURIComponent(facilityId)}`, patch),
};
