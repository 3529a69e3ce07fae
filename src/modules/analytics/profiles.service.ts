// Mapping profiles: a saved answer to "which column of this ERP's export is which field", reused
// for every later export of the same shape. Every save is a new version (kept), so an import can
// name the exact mapping it ran with even after the profile changed.
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import { FIELD_BY_KEY, REQUIRED_KEYS } from './canonical.ts';
import type { FieldMapping } from './mapping/types.ts';
import {
  deleteProfile,
  findProfile,
  insertProfile,
  listProfiles,
  type ProfileInsert,
  profileVersions,
  replaceProfile,
} from './profiles.repo.ts';

export interface ProfileInput {
  name: string;
  description?: string | null | undefined;
  erpSystem?: string | null | undefined;
  dataGranularity?: 'header' | 'operation' | undefined;
  aggregationStrategy?: Record<string, string> | undefined;
  mappings: FieldMapping[];
  configVariables?: { key: string; value: string | number | boolean }[] | undefined;
  isActive?: boolean | undefined;
}

/** Problems with a mapping as such (its columns are checked against a file at import time). */
export function mappingProblems(mappings: FieldMapping[], granularity: 'header' | 'operation'): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const m of mappings) {
    if (!FIELD_BY_KEY.has(m.field)) problems.push(`unknown field "${m.field}"`);
    if (seen.has(m.field)) problems.push(`field "${m.field}" is mapped twice`);
    seen.add(m.field);
    const sources = (m.column !== undefined ? 1 : 0) + (m.constant !== undefined ? 1 : 0);
    if (sources !== 1) problems.push(`field "${m.field}" needs exactly one of column or constant`);
    if (m.transform?.scale === 0) problems.push(`field "${m.field}": a scale of 0 would erase every value`);
  }
  for (const key of REQUIRED_KEYS) if (!seen.has(key)) problems.push(`required field "${key}" is not mapped`);
  if (granularity === 'operation' && !seen.has('workOrder'))
    problems.push('an operation-level mapping needs the work order to group by');
  return problems;
}

function checked(input: ProfileInput): Omit<ProfileInsert, 'tenantId'> {
  const granularity = input.dataGranularity ?? 'header';
  const problems = mappingProblems(input.mappings, granularity);
  for (const [field] of Object.entries(input.aggregationStrategy ?? {}))
    if (!input.mappings.some((m) => m.field === field))
      problems.push(`aggregationStrategy names "${field}", which the mapping does not map`);
  if (problems.length > 0)
    throw badRequest(
      `The mapping is not usable: ${problems.join('; ')}`,
      problems.map((message) => ({ path: '/mappings', message })),
    );
  return {
    name: input.name,
    description: input.description ?? null,
    erpSystem: input.erpSystem ?? null,
    dataGranularity: granularity,
    aggregationStrategy: input.aggregationStrategy ?? {},
    mappings: input.mappings,
    configVariables: input.configVariables ?? [],
    isActive: input.isActive ?? true,
  };
}

const nameTaken = (name: string) => conflictOnUnique(`A mapping profile named "${name}" already exists`);

export function createProfilesService({ db }: { db: Db }) {
  return {
    create: (principal: Principal, input: ProfileInput) =>
      inCallerTenant(db, principal, (tx, tenantId) =>
        insertProfile(tx, { ...checked(input), tenantId, createdBy: principal.userId }).catch(
          nameTaken(input.name),
        ),
      ),

    list: (
      principal: Principal,
      filter: { q?: string | undefined; active?: boolean | undefined; limit: number; offset: number },
    ) => readInCallerTenant(db, principal, (tx) => listProfiles(tx, filter)),

    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const profile = await findProfile(tx, id);
        if (!profile) throw notFound('Mapping profile');
        return profile;
      }),

    versions: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        if (!(await findProfile(tx, id))) throw notFound('Mapping profile');
        return profileVersions(tx, id);
      }),

    /** PUT: the new content replaces the old as a new version; counters are kept. */
    update: (principal: Principal, id: string, input: ProfileInput) =>
      inCallerTenant(db, principal, async (tx) => {
        if (!(await findProfile(tx, id, true))) throw notFound('Mapping profile');
        return replaceProfile(tx, id, checked(input), principal.userId).catch(nameTaken(input.name));
      }),

    /** Imports that used it keep their own copy of the mapping and its version number. */
    remove: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx) => {
        if (!(await findProfile(tx, id, true))) throw notFound('Mapping profile');
        await deleteProfile(tx, id);
      }),
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
