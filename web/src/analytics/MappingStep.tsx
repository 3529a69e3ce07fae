// The mapping step of an upload: what was detected in the file, where the mapping starts from (the
// suggestion or a saved profile), the field-by-field table, the sample rows and the live preview,
// and saving the mapping as a profile.
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { SubmitButton } from '../components/FormActions';
import { Link } from '../router';
import {
  type CanonicalField,
  GRANULARITIES,
  type Granularity,
  type MappingProfile,
  type SuggestResult,
} from './api';
import { GRANULARITY_LABEL, reasonText } from './format';
import { useProfiles, useSaveProfile } from './hooks';
import { MappingPreview, SampleRows } from './MappingPreview';
import { MappingTable } from './MappingTable';
import { type Mapping, type MappingOrigin, profileMapping, unmappedColumns } from './mapping';
import { profilePath } from './paths';

/** What the file's head revealed (delimiter, encoding, header row…), the plain values only. */
function DetectedFormat({ detected }: { detected: Record<string, unknown> | null }) {
  const shown = Object.entries(detected ?? {}).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'string' || typeof value === 'number') return [[key, String(value)]];
    if (typeof value === 'boolean') return [[key, value ? 'yes' : 'no']];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      return [[key, value.join(', ')]];
    return [];
  });
  if (shown.length === 0) return null;
  return (
    <dl className="facts detected-format" data-testid="detected-format">
      {shown.map(([key, value]) => (
        <div key={key}>
          <dt>{reasonText(key)}</dt>
          <dd>{value === '\t' ? 'tab' : value === ' ' ? 'space' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SaveProfileForm({ mapping, onSaved }: { mapping: Mapping; onSaved: (p: MappingProfile) => void }) {
  const id = useId();
  const save = useSaveProfile(null);
  const [name, setName] = useState('');
  const [erpSystem, setErpSystem] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(
      {
        name: name.trim(),
        ...(erpSystem.trim() ? { erpSystem: erpSystem.trim() } : {}),
        dataGranularity: mapping.granularity,
        mappings: mapping.mappings,
      },
      { onSuccess: onSaved },
    );
  };
  return (
    <form className="form save-profile" onSubmit={submit} aria-label="Save as profile">
      <div className="form-grid">
        <InputField
          id={`${id}-name`}
          label="Profile name"
          value={name}
          onChange={setName}
          required
          maxLength={200}
        />
        <InputField
          id={`${id}-erp`}
          label="ERP system (optional)"
          value={erpSystem}
          onChange={setErpSystem}
          placeholder="SAP S/4HANA"
          maxLength={100}
        />
      </div>
      {save.isError ? <ErrorNotice error={save.error} title="Could not save the profile" /> : null}
      {save.data ? (
        <p className="notice notice-success" role="status" data-testid="profile-saved">
          Saved as <Link to={profilePath(save.data.id)}>{save.data.name}</Link> (version {save.data.version}).
          Later uploads can start from it.
        </p>
      ) : null}
      <div className="form-actions">
        <SubmitButton
          label="Save as profile"
          pendingLabel="Saving…"
          pending={save.isPending}
          disabled={!name.trim()}
        />
      </div>
    </form>
  );
}

export function MappingStep({
  file,
  fileKey,
  result,
  fields,
  mapping,
  origin,
  locked,
  onChange,
}: {
  file: File;
  fileKey: string;
  result: SuggestResult;
  fields: readonly CanonicalField[];
  mapping: Mapping;
  origin: MappingOrigin;
  /** The import was sent: the mapping is shown, no longer edited. */
  locked: boolean;
  onChange: (mapping: Mapping, origin?: MappingOrigin) => void;
}) {
  const id = useId();
  const profiles = useProfiles({ active: true, limit: 100, offset: 0 });
  const choices = profiles.data?.items ?? [];
  const unmapped = unmappedColumns(result.headers, mapping.mappings);
  const suggested: MappingOrigin = {
    kind: 'suggested',
    mapping: { mappings: result.mappings, granularity: result.granularity },
  };

  const startFrom = (value: string) => {
    const profile = choices.find((p) => p.id === value);
    if (profile) onChange(profileMapping(profile), { kind: 'profile', profile });
    else onChange(suggested.mapping, suggested);
  };

  return (
    <>
      <section className="card" aria-labelledby={`${id}-map`}>
        <h2 id={`${id}-map`}>Map the columns</h2>
        <DetectedFormat detected={result.detected} />
        <div className="toolbar mapping-toolbar">
          <SelectField
            id={`${id}-start`}
            label="Start from"
            value={origin.kind === 'profile' ? origin.profile.id : ''}
            onChange={startFrom}
            disabled={locked}
          >
            <option value="">The suggested mapping</option>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                Profile: {p.name}
                {p.erpSystem ? ` (${p.erpSystem})` : ''}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${id}-granularity`}
            label="Rows are"
            value={mapping.granularity}
            onChange={(value) => onChange({ ...mapping, granularity: value as Granularity })}
            disabled={locked}
          >
            {GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {GRANULARITY_LABEL[g]}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="field-hint">
          Suggestions come from the column headers (including common ERP names in several languages), the
          values in the columns and the mappings your organisation confirmed before. Change any of them below;
          the preview follows.
        </p>
        <MappingTable
          fields={fields}
          headers={result.headers}
          suggestions={result.suggestions}
          mappings={mapping.mappings}
          disabled={locked}
          onChange={(mappings) => onChange({ ...mapping, mappings })}
        />
        <p className="muted" data-testid="unmapped-columns">
          {unmapped.length === 0
            ? 'Every column of the file is mapped.'
            : `Not mapped, kept with each row as extra data: ${unmapped.join(', ')}.`}
        </p>
      </section>
      <section className="card" aria-labelledby={`${id}-sample`}>
        <h2 id={`${id}-sample`}>Sample rows</h2>
        <SampleRows headers={result.headers} rows={result.rows} />
      </section>
      <section className="card" aria-labelledby={`${id}-preview`}>
        <h2 id={`${id}-preview`}>Preview and validation</h2>
        <MappingPreview file={file} fileKey={fileKey} mapping={mapping} fields={fields} />
      </section>
      {!locked ? (
        <section className="card" aria-labelledby={`${id}-save`}>
          <h2 id={`${id}-save`}>Save as profile</h2>
          <p className="muted">
            Keep this mapping for the next export from the same system: uploads can start from it, and the
            import records which version it used.
          </p>
          <SaveProfileForm
            mapping={mapping}
            onSaved={(profile) => onChange(mapping, { kind: 'profile', profile })}
          />
        </section>
      ) : null}
    </>
  );
}
