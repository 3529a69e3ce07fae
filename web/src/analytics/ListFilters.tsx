// The selects that filter the imports and the analyses (and pick the facility a configuration is for).
import { useMe } from '../auth/hooks';
import { SelectField } from '../components/Field';
import { IMPORT_STATUS_LABEL } from './format';

type Status = keyof typeof IMPORT_STATUS_LABEL;

export function StatusSelect<S extends Status>({
  id,
  statuses,
  value,
  onChange,
}: {
  id: string;
  statuses: readonly S[];
  value: S | undefined;
  onChange: (status: S | undefined) => void;
}) {
  return (
    <SelectField
      id={id}
      label="Status"
      value={value ?? ''}
      onChange={(s) => onChange(statuses.find((status) => status === s))}
    >
      <option value="">Any status</option>
      {statuses.map((s) => (
        <option key={s} value={s}>
          {IMPORT_STATUS_LABEL[s]}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * The user's facilities, `none` naming the choice of none ("All facilities"); a user with a single
 * facility is not asked unless `always`.
 */
export function FacilitySelect({
  id,
  value,
  onChange,
  none,
  always = false,
}: {
  id: string;
  value: string | undefined;
  onChange: (facilityId: string | undefined) => void;
  none: string;
  always?: boolean;
}) {
  const facilities = useMe().data?.facilities ?? [];
  if (facilities.length < 2 && !always) return null;
  return (
    <SelectField id={id} label="Facility" value={value ?? ''} onChange={(f) => onChange(f || undefined)}>
      <option value="">{none}</option>
      {facilities.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Each facility's name by its id, for tables that show where a row belongs. */
export function useFacilityNames(): (facilityId: string) => string {
  const facilities = useMe().data?.facilities ?? [];
  const names = new Map(facilities.map((f) => [f.id, f.name]));
  return (facilityId) => names.get(facilityId) ?? '—';
}
