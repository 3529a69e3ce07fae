// Uploading a work-order export: pick or drop the file and the facility; the server suggests a
// mapping, which the user checks against the sample and the preview (and may save as a profile);
// then the upload (its progress) and the import job (live), with the counts at the end.
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError } from '../api';
import { useMe } from '../auth/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { ProgressBar } from '../jobs/JobProgress';
import { Link } from '../router';
import { type AnalyticsSettings, analyticsApi, type SuggestResult } from './api';
import { DropZone } from './DropZone';
import { formatBytes, REJECT_POLICY_LABEL } from './format';
import { useFields, useSettings } from './hooks';
import { ImportProgress } from './ImportProgress';
import { MappingStep } from './MappingStep';
import { type Mapping, type MappingOrigin, uploadChoice } from './mapping';
import { ANALYTICS_IMPORTS_PAGE, ANALYTICS_UPLOAD_PAGE } from './paths';

type RejectPolicy = AnalyticsSettings['rejectPolicy'];

interface Chosen {
  file: File;
  /** Names the file in query keys (a File cannot be one). */
  key: string;
}

interface Draft {
  result: SuggestResult;
  mapping: Mapping;
  origin: MappingOrigin;
}

function choiceText(mapping: Mapping, origin: MappingOrigin): string {
  const choice = uploadChoice(mapping, origin);
  if ('profileIds' in choice && origin.kind === 'profile')
    return `The import uses profile “${origin.profile.name}” (version ${origin.profile.version}), and records it.`;
  if ('autoMap' in choice) return 'The import uses the suggested mapping as it is.';
  return 'The import uses the mapping as you edited it.';
}

const missingRequired = (draft: Draft, required: readonly { key: string; label: string }[]) =>
  required.filter((f) => !draft.mapping.mappings.some((m) => m.field === f.key)).map((f) => f.label);

export function UploadPage() {
  const id = useId();
  const facilities = useMe().data?.facilities ?? [];
  const fields = useFields();
  const settings = useSettings();
  const [facilityId, setFacilityId] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [rejectPolicy, setRejectPolicy] = useState<RejectPolicy | ''>('');
  const [sent, setSent] = useState(0);
  const facility = facilityId || facilities[0]?.id || '';

  const suggest = useMutation({
    mutationFn: (file: File) => analyticsApi.suggest(file),
    onSuccess: (result) => {
      const mapping = { mappings: result.mappings, granularity: result.granularity };
      setDraft({ result, mapping, origin: { kind: 'suggested', mapping } });
    },
  });

  const upload = useMutation({
    mutationFn: ({ file, draft: d, onDuplicate }: { file: File; draft: Draft; onDuplicate?: 'mark' }) => {
      setSent(0);
      return analyticsApi.upload(
        {
          file,
          facilityId: facility,
          choice: uploadChoice(d.mapping, d.origin),
          ...(rejectPolicy ? { rejectPolicy } : {}),
          ...(onDuplicate ? { onDuplicate } : {}),
        },
        { onProgress: setSent },
      );
    },
  });

  const choose = (file: File) => {
    upload.reset();
    setDraft(null);
    setChosen({ file, key: `${file.name}:${file.size}:${file.lastModified}` });
    suggest.mutate(file);
  };
  const startOver = () => {
    upload.reset();
    suggest.reset();
    setDraft(null);
    setChosen(null);
  };

  const locked = upload.isPending || upload.isSuccess;
  const required = (fields.data ?? []).filter((f) => f.required);
  const missing = draft ? missingRequired(draft, required) : [];
  const duplicate = upload.error instanceof ApiError && upload.error.status === 409;
  const defaultPolicy = settings.data?.rejectPolicy ?? 'skip';

  return (
    <>
      <PageHeader title={ANALYTICS_UPLOAD_PAGE.title} description={ANALYTICS_UPLOAD_PAGE.description} />
      <section className="card" aria-labelledby={`${id}-file`}>
        <h2 id={`${id}-file`}>File</h2>
        {facilities.length === 0 ? (
          <p className="notice notice-warn">
            Your organisation has no facility yet: an administrator adds one before work orders can be
            imported.
          </p>
        ) : null}
        <div className="toolbar">
          <SelectField
            id={`${id}-facility`}
            label="Facility"
            value={facility}
            onChange={setFacilityId}
            disabled={locked}
            hint={<p className="field-hint">The plant the work orders belong to.</p>}
          >
            {facilities.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </SelectField>
        </div>
        {chosen ? (
          <div className="chosen-file">
            <p data-testid="chosen-file">
              <strong>{chosen.file.name}</strong>{' '}
              <span className="muted">{formatBytes(chosen.file.size)}</span>
            </p>
            <button type="button" className="button button-secondary button-small" onClick={startOver}>
              {upload.isSuccess ? 'Upload another file' : 'Choose another file'}
            </button>
          </div>
        ) : (
          <DropZone onFile={choose} />
        )}
        {suggest.isPending ? (
          <p className="state-message">Reading the file and suggesting a mapping…</p>
        ) : null}
        {suggest.isError ? <ErrorNotice error={suggest.error} title="Could not read the file" /> : null}
        {fields.isError ? (
          <ErrorNotice error={fields.error} title="Could not load the work-order fields" />
        ) : null}
      </section>

      {chosen && draft && fields.data ? (
        <>
          <MappingStep
            file={chosen.file}
            fileKey={chosen.key}
            result={draft.result}
            fields={fields.data}
            mapping={draft.mapping}
            origin={draft.origin}
            locked={locked}
            onChange={(mapping, origin) => setDraft({ ...draft, mapping, origin: origin ?? draft.origin })}
          />
          <section className="card import-step" aria-labelledby={`${id}-import`}>
            <h2 id={`${id}-import`}>Import</h2>
            <fieldset className="choice-group">
              <legend>Rejected rows</legend>
              {(['skip', 'fail'] as const).map((policy) => (
                <label key={policy} className="choice">
                  <input
                    type="radio"
                    name={`${id}-reject`}
                    checked={(rejectPolicy || defaultPolicy) === policy}
                    disabled={locked}
                    onChange={() => setRejectPolicy(policy)}
                  />
                  <span>
                    {REJECT_POLICY_LABEL[policy]}
                    {policy === defaultPolicy ? (
                      <span className="muted"> (your organisation’s default)</span>
                    ) : null}
                  </span>
                </label>
              ))}
            </fieldset>
            {missing.length > 0 ? (
              <p className="notice notice-warn" role="status" data-testid="missing-required">
                Map the required fields first: {missing.join(', ')}.
              </p>
            ) : (
              <p className="muted" data-testid="mapping-choice">
                {choiceText(draft.mapping, draft.origin)}
              </p>
            )}
            <div className="form-actions">
              <button
                type="button"
                className="button"
                disabled={locked || missing.length > 0 || !facility}
                onClick={() => upload.mutate({ file: chosen.file, draft })}
              >
                {upload.isPending ? 'Uploading…' : `Import ${chosen.file.name}`}
              </button>
            </div>
            {upload.isPending ? (
              <ProgressBar value={sent * 100} label="Upload progress" testId="upload-progress" />
            ) : null}
            {duplicate ? (
              <div className="notice notice-warn" role="alert" data-testid="duplicate-upload">
                <p className="notice-title">This file was imported before</p>
                <p>{(upload.error as ApiError).message}</p>
                <button
                  type="button"
                  className="button"
                  onClick={() => upload.mutate({ file: chosen.file, draft, onDuplicate: 'mark' })}
                >
                  Import it again as a duplicate
                </button>
              </div>
            ) : upload.isError ? (
              <ErrorNotice error={upload.error} title={`Could not import ${chosen.file.name}`} />
            ) : null}
            {upload.data ? <ImportProgress importId={upload.data.importId} linkToPage /> : null}
            {upload.isSuccess ? (
              <p>
                <Link to={ANALYTICS_IMPORTS_PAGE.path}>All imports</Link>
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
