// A mapping profile as its form edits it (every value a string, as inputs hold them) and back: the
// body of POST/PUT /analytics/profiles, or the problems that keep it from being one.
import type {
  CanonicalField,
  FieldKey,
  FieldMapping,
  Granularity,
  MappingProfile,
  MappingTransform,
  ProfileInput,
} from './api';

export type Source = 'none' | 'column' | 'constant';

export interface FieldDraft {
  source: Source;
  /** The column header, or the constant, as typed. */
  value: string;
  scale: string;
  dateFormat: string;
  decimal: '' | '.' | ',';
  /** '' = detected; 'none' = no thousands separator. */
  thousands: '' | 'none' | ',' | '.' | ' ' | "'";
  /** `source=value` lines. */
  valueMap: string;
  /** Roll-up of operation rows; '' = the field's default. */
  aggregation: string;
}

export interface ProfileDraft {
  name: string;
  description: string;
  erpSystem: string;
  granularity: Granularity;
  isActive: boolean;
  fields: Record<string, FieldDraft>;
}

export const EMPTY_FIELD: FieldDraft = {
  source: 'none',
  value: '',
  scale: '',
  dateFormat: '',
  decimal: '',
  thousands: '',
  valueMap: '',
  aggregation: '',
};

const scalarText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function fieldDraft(mapping: FieldMapping, aggregation: string | undefined): FieldDraft {
  const t = mapping.transform ?? {};
  return {
    source: mapping.column !== undefined ? 'column' : 'constant',
    value: mapping.column ?? scalarText(mapping.constant),
    scale: scalarText(t.scale),
    dateFormat: t.dateFormat ?? '',
    decimal: t.decimal ?? '',
    thousands: t.thousands === undefined ? '' : t.thousands === '' ? 'none' : t.thousands,
    valueMap: Object.entries(t.valueMap ?? {})
      .map(([from, to]) => `${from}=${String(to)}`)
      .join('\n'),
    aggregation: aggregation ?? '',
  };
}

export function profileDraft(profile: MappingProfile | undefined): ProfileDraft {
  const fields: Record<string, FieldDraft> = {};
  for (const m of profile?.mappings ?? [])
    fields[m.field] = fieldDraft(m, profile?.aggregationStrategy[m.field]);
  for (const [field, aggregation] of Object.entries(profile?.aggregationStrategy ?? {})) {
    fields[field] ??= { ...EMPTY_FIELD, aggregation };
  }
  return {
    name: profile?.name ?? '',
    description: profile?.description ?? '',
    erpSystem: profile?.erpSystem ?? '',
    granularity: profile?.dataGranularity ?? 'header',
    isActive: profile?.isActive ?? true,
    fields,
  };
}

/** A typed value as the field's type reads it: "true"/"x" for flags, numbers for numbers, else text. */
function typedValue(text: string, field: CanonicalField): string | number | boolean | null {
  const trimmed = text.trim();
  if (field.type === 'boolean') {
    if (/^(true|yes|1)$/i.test(trimmed)) return true;
    if (/^(false|no|0)$/i.test(trimmed)) return false;
    return null;
  }
  if (field.type === 'number' || field.type === 'integer') {
    const n = Number(trimmed);
    return trimmed !== '' && Number.isFinite(n) ? n : null;
  }
  return trimmed;
}

function transformOf(
  draft: FieldDraft,
  field: CanonicalField,
  problems: string[],
): MappingTransform | undefined {
  const t: MappingTransform = {};
  if (draft.scale.trim()) {
    const scale = Number(draft.scale);
    if (Number.isFinite(scale)) t.scale = scale;
    else problems.push(`${field.label}: the scale must be a number`);
  }
  if (draft.dateFormat.trim()) t.dateFormat = draft.dateFormat.trim();
  if (draft.decimal) t.decimal = draft.decimal;
  if (draft.thousands) t.thousands = draft.thousands === 'none' ? '' : draft.thousands;
  const lines = draft.valueMap.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 0) {
    const map: Record<string, string | number | boolean> = {};
    for (const line of lines) {
      const at = line.indexOf('=');
      const to = at < 0 ? null : typedValue(line.slice(at + 1), field);
      if (at < 0 || to === null) {
        problems.push(`${field.label}: value map line “${line}” is not source=value (of the field’s type)`);
        continue;
      }
      map[line.slice(0, at).trim()] = to;
    }
    t.valueMap = map;
  }
  return Object.keys(t).length > 0 ? t : undefined;
}

/** The request body, or the problems that keep the draft from being one. */
export function profileInput(
  draft: ProfileDraft,
  fields: readonly CanonicalField[],
  keep: Pick<MappingProfile, 'configVariables'> | undefined,
): { input: ProfileInput } | { problems: string[] } {
  const problems: string[] = [];
  const mappings: FieldMapping[] = [];
  const strategy: Record<string, NonNullable<ProfileInput['aggregationStrategy']>[string]> = {};
  if (!draft.name.trim()) problems.push('The profile needs a name');
  for (const field of fields) {
    const d = draft.fields[field.key];
    if (!d) continue;
    if (d.aggregation && draft.granularity === 'operation')
      strategy[field.key] = d.aggregation as (typeof strategy)[string];
    if (d.source === 'none') continue;
    const transform = transformOf(d, field, problems);
    const base = { field: field.key as FieldKey, ...(transform ? { transform } : {}) };
    if (d.source === 'column') {
      if (!d.value.trim()) problems.push(`${field.label}: name the column`);
      else mappings.push({ ...base, column: d.value.trim() });
    } else {
      const constant = typedValue(d.value, field);
      if (constant === null || constant === '')
        problems.push(`${field.label}: the constant does not fit the field`);
      else mappings.push({ ...base, constant });
    }
  }
  if (problems.length > 0) return { problems };
  return {
    input: {
      name: draft.name.trim(),
      description: draft.description.trim() || null,
      erpSystem: draft.erpSystem.trim() || null,
      dataGranularity: draft.granularity,
      aggregationStrategy: strategy,
      mappings,
      isActive: draft.isActive,
      ...(keep
        ? { configVariables: keep.configVariables as NonNullable<ProfileInput['configVariables']> }
        : {}),
    },
  };
}
