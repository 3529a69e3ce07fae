// Calls and shapes of the administration endpoints: members, API keys, audit log, customers.
import { api, withQuery } from '../api';
import type { Facility, Scope, TenantRole } from '../auth/types';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `invited`: added, waiting for the person to accept the invitation. */
export type MemberStatus = 'active' | 'inactive' | 'invited';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: TenantRole;
  status: MemberStatus;
  passwordSet: boolean;
  lastLoginAt: string | null;
  memberSince: string;
  /** False until the person accepted their invitation (also while a withdrawn one is inactive). */
  accepted: boolean;
}

/** A one-time invitation: the token goes into the link the person opens (never shown again). */
export interface Invitation {
  token: string;
  expiresAt: string;
}

/** A member added by a tenant admin: always an invitation the person accepts. */
export interface MemberCreated {
  user: Member;
  invitation: Invitation;
}

/** A member added by the superadmin: with a password for a person new to PlantIntel, no invitation. */
export interface CustomerMemberCreated {
  user: Member;
  invitation: Invitation | null;
}

export interface CustomerMemberFields {
  email: string;
  name: string;
  /** Default `admin`. */
  role?: TenantRole;
  /** Only for a person new to PlantIntel; without it they get an invitation. */
  password?: string;
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
  /** null only for keys made before every key had to expire. */
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

export interface MemberPatch {
  role?: TenantRole;
  status?: Exclude<MemberStatus, 'invited'>;
}

const memberPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;
const customerPath = (id: string) => `/api/v1/admin/customers/${encodeURIComponent(id)}`;

export const membersApi = {
  list: (filter: MemberFilter, signal?: AbortSignal) =>
    api.get<Page<Member>>(withQuery('/api/v1/users', { ...filter }), signal),
  create: (input: { email: string; name: string; role: TenantRole }) =>
    api.post<MemberCreated>('/api/v1/users', input),
  /** `inactive` on an invited member cancels the invitation; an invited member cannot be made active. */
  update: (id: string, patch: MemberPatch) => api.patch<Member>(memberPath(id), patch),
  /** A fresh link for an invited member; their earlier links stop working. */
  renewInvitation: (id: string) => api.post<Invitation>(`${memberPath(id)}/invitation`),
};

export const apiKeysApi = {
  list: (filter: { includeRevoked: boolean; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<Page<ApiKey>>(withQuery('/api/v1/api-keys', { ...filter }), signal),
  /** `expiresAt`: ISO instant at most a year ahead; undefined for the server's default (90 days). */
  create: (input: { name: string; scopes: Scope[]; expiresAt?: string }) =>
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
  /** Adds a person (e.g. the customer's first administrator) to the customer's organisation. */
  addMember: (id: string, input: CustomerMemberFields) =>
    api.post<CustomerMemberCreated>(`${customerPath(id)}/users`, input),
  addFacility: (id: string, input: FacilityFields) =>
    api.post<Facility>(`${customerPath(id)}/facilities`, input),
  updateFacility: (id: string, facilityId: string, patch: Partial<FacilityFields>) =>
    api.patch<Facility>(`${customerPath(id)}/facilities/${encodeURIComponent(facilityId)}`, patch),
};
