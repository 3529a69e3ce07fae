// A mapping being edited on the upload page: which field takes which column, compared with where it
// came from (the suggestion or a profile) to decide how the upload names it.
import type { FieldKey, FieldMapping, Granularity, MappingProfile, UploadRequest } from './api';

export interface Mapping {
  mappings: FieldMapping[];
  granularity: Granularity;
}

/** Where the mapping on screen started: the server's suggestion, or a saved profile (as saved). */
export type MappingOrigin =
  | { kind: 'suggested'; mapping: Mapping }
  | { kind: 'profile'; profile: MappingProfile };

const byField = (a: FieldMapping, b: FieldMapping) => a.field.localeCompare(b.field);

/** The same fields from the same sources with the same transforms (order and key order aside). */
export function sameMapping(a: Mapping, b: Mapping): boolean {
  if (a.granularity !== b.granularity || a.mappings.length !== b.mappings.length) return false;
  const canonical = (m: FieldMapping[]) =>
    JSON.stringify([...m].sort(byField), (_, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
        : value,
    );
  return canonical(a.mappings) === canonical(b.mappings);
}

export const profileMapping = (profile: MappingProfile): Mapping => ({
  mappings: profile.mappings,
  granularity: profile.dataGranularity,
});

/** `field` read from `column` (null: not mapped). A new column drops the old one's transform. */
export function withColumn(mappings: FieldMapping[], field: FieldKey, column: string | null): FieldMapping[] {
  const others = mappings.filter((m) => m.field !== field);
  if (column === null) return others;
  const current = mappings.find((m) => m.field === field);
  if (current?.column === column) return mappings;
  return [...others, { field, column }];
}

/**
 * How the upload names the mapping: the profile when it is unchanged (the import records its
 * version), `autoMap` when the suggestion is taken as it is, else the edited mapping itself.
 */
export function uploadChoice(mapping: Mapping, origin: MappingOrigin): UploadRequest['choice'] {
  if (origin.kind === 'profile' && sameMapping(mapping, profileMapping(origin.profile)))
    return { profileIds: [origin.profile.id] };
  if (origin.kind === 'suggested' && sameMapping(mapping, origin.mapping)) return { autoMap: true };
  return { mappings: mapping.mappings, granularity: mapping.granularity };
}

/** The file's columns no field reads (they are kept with each row as extra data). */
export function unmappedColumns(headers: readonly string[], mappings: readonly FieldMapping[]): string[] {
  const used = new Set(mappings.map((m) => m.column));
  return headers.filter((header) => !used.has(header));
}
