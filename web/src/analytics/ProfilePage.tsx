// One mapping profile: create it or edit it (each save is a new version), its versions, delete it.
// Viewers and operators read it; analysts and administrators change it.
import { type FormEvent, useId, useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField, TextareaField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { Link, navigate } from '../router';
import { type CanonicalField, GRANULARITIES, type Granularity, type MappingProfile } from './api';
import { formatCount, GRANULARITY_LABEL } from './format';
import {
  useAnalyticsRights,
  useDeleteProfile,
  useFields,
  useProfile,
  useProfileVersions,
  useSaveProfile,
} from './hooks';
import { MappingEditor } from './MappingEditor';
import { ANALYTICS_PROFILES_PAGE, profilePath } from './paths';
import { type ProfileDraft, profileDraft, profileInput } from './profile-form';

function ProfileForm({
  profile,
  fields,
  readOnly,
}: {
  profile: MappingProfile | undefined;
  fields: readonly CanonicalField[];
  readOnly: boolean;
}) {
  const id = useId();
  const save = useSaveProfile(profile?.id ?? null);
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraft(profile));
  const [problems, setProblems] = useState<string[]>([]);
  const set =
    <K extends keyof ProfileDraft>(key: K) =>
    (value: ProfileDraft[K]) =>
      setDraft({ ...draft, [key]: value });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = profileInput(draft, fields, profile);
    if ('problems' in result) return setProblems(result.problems);
    setProblems([]);
    save.mutate(result.input, {
      onSuccess: (saved) => {
        if (!profile) navigate(profilePath(saved.id), { replace: true });
      },
    });
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      aria-label={profile ? `Edit profile ${profile.name}` : 'New profile'}
    >
      <fieldset className="form-fieldset" disabled={readOnly}>
        <legend className="visually-hidden">Profile</legend>
        <div className="form-grid">
          <InputField
            id={`${id}-name`}
            label="Name"
            value={draft.name}
            onChange={set('name')}
            required
            maxLength={200}
          />
          <InputField
            id={`${id}-erp`}
            label="ERP system"
            value={draft.erpSystem}
            onChange={set('erpSystem')}
            maxLength={100}
            placeholder="SAP S/4HANA, Odoo, Dynamics…"
          />
          <SelectField
            id={`${id}-granularity`}
            label="Rows are"
            value={draft.granularity}
            onChange={(v) => set('granularity')(v as Granularity)}
          >
            {GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {GRANULARITY_LABEL[g]}
              </option>
            ))}
          </SelectField>
        </div>
        <TextareaField
          id={`${id}-description`}
          label="Description"
          value={draft.description}
          onChange={set('description')}
          rows={2}
          maxLength={2000}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.isActive}
            onChange={(e) => set('isActive')(e.target.checked)}
          />
          <span>Active: offered when uploading</span>
        </label>
        <h3 className="subheading">Mapping</h3>
        <MappingEditor
          fields={fields}
          drafts={draft.fields}
          granularity={draft.granularity}
          onChange={set('fields')}
        />
      </fieldset>
      {problems.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Not saved</p>
          <ul className="notice-list">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {save.isError ? <ErrorNotice error={save.error} title="Could not save the profile" /> : null}
      {save.isSuccess && profile ? (
        <p className="notice notice-success" role="status" data-testid="profile-saved">
          Saved as version {save.data.version}.
        </p>
      ) : null}
      {readOnly ? null : (
        <FormActions
          label={profile ? 'Save as a new version' : 'Create profile'}
          pendingLabel="Saving…"
          pending={save.isPending}
        />
      )}
    </form>
  );
}

function Versions({ profileId }: { profileId: string }) {
  const id = useId();
  const versions = useProfileVersions(profileId);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Versions</h2>
      {versions.isPending ? <p className="state-message">Loading the versions…</p> : null}
      {versions.isError ? <ErrorNotice error={versions.error} title="Could not load the versions" /> : null}
      {versions.data ? (
        <DataTable
          columns={['Version', 'Saved', 'Fields mapped', 'Content']}
          dense
          caption="Versions, newest first"
          testId="profile-versions"
        >
          {versions.data.map((v) => (
            <tr key={v.version}>
              <td className="cell-number">{v.version}</td>
              <td className="cell-nowrap">{formatDateTime(v.createdAt)}</td>
              <td className="cell-number">
                {Array.isArray(v.content.mappings) ? formatCount(v.content.mappings.length) : '—'}
              </td>
              <td>
                <details>
                  <summary>Show</summary>
                  <pre className="version-content">{JSON.stringify(v.content, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

/** `id` null: the form that creates a profile. */
export function ProfilePage({ id }: { id: string | null }) {
  const rights = useAnalyticsRights();
  const fields = useFields();
  const profile = useProfile(id);
  const remove = useDeleteProfile();
  const data = profile.data;
  const ready = fields.data && (id === null || data);
  return (
    <>
      <PageHeader
        title={id === null ? 'New mapping profile' : data ? `Profile ${data.name}` : 'Mapping profile'}
        description={
          data
            ? `Version ${data.version}; used by ${formatCount(data.usageCount)} imports, last ${formatDateTime(data.lastUsed)}.`
            : 'How an ERP export’s columns map onto PlantIntel’s work-order fields.'
        }
        actions={
          data && rights.write ? (
            <ConfirmButton
              label="Delete profile…"
              title={`Delete the profile ${data.name}?`}
              message="Imports that used it keep their copy of the mapping."
              confirmLabel="Delete profile"
              disabled={remove.isPending}
              onConfirm={() =>
                remove.mutate(data.id, {
                  onSuccess: () => navigate(ANALYTICS_PROFILES_PAGE.path, { replace: true }),
                })
              }
            />
          ) : null
        }
      />
      <p className="back-link">
        <Link to={ANALYTICS_PROFILES_PAGE.path}>← Mapping library</Link>
      </p>
      {remove.isError ? <ErrorNotice error={remove.error} title="Could not delete the profile" /> : null}
      {profile.isError ? <ErrorNotice error={profile.error} title="Could not load the profile" /> : null}
      {fields.isError ? (
        <ErrorNotice error={fields.error} title="Could not load the work-order fields" />
      ) : null}
      {!ready && !profile.isError && !fields.isError ? <p className="state-message">Loading…</p> : null}
      {ready && fields.data ? (
        <section className="card" aria-label="Profile">
          {!rights.write ? (
            <p className="muted">Analysts and administrators change profiles; you can read this one.</p>
          ) : null}
          <ProfileForm
            key={data?.version ?? 'new'}
            profile={data}
            fields={fields.data}
            readOnly={!rights.write}
          />
        </section>
      ) : null}
      {data ? <Versions key={data.version} profileId={data.id} /> : null}
    </>
  );
}
