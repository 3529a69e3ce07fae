// The organisation's import settings: what happens to rejected rows and to a file uploaded twice, and
// how long uploaded files are kept. Everyone reads them; administrators change them.
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import type { AnalyticsSettings } from './api';
import { REJECT_POLICY_LABEL } from './format';
import { useSettings, useUpdateSettings } from './hooks';

const DUPLICATE_LABEL = {
  refuse: 'Refuse it (the uploader may import it again as a duplicate)',
  mark: 'Import it again, marked as a duplicate',
} as const;

const retentionText = (days: number) =>
  days === 0 ? 'kept until the import is deleted' : `kept ${days} days`;

function SettingsForm({ settings, onDone }: { settings: AnalyticsSettings; onDone: () => void }) {
  const id = useId();
  const update = useUpdateSettings();
  const [rejectPolicy, setRejectPolicy] = useState(settings.rejectPolicy);
  const [duplicatePolicy, setDuplicatePolicy] = useState(settings.duplicatePolicy);
  const [days, setDays] = useState(String(settings.fileRetentionDays));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ rejectPolicy, duplicatePolicy, fileRetentionDays: Number(days) }, { onSuccess: onDone });
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Import settings">
      <div className="form-grid">
        <SelectField
          id={`${id}-reject`}
          label="Rejected rows"
          value={rejectPolicy}
          onChange={(v) => setRejectPolicy(v as AnalyticsSettings['rejectPolicy'])}
        >
          <option value="skip">{REJECT_POLICY_LABEL.skip}</option>
          <option value="fail">{REJECT_POLICY_LABEL.fail}</option>
        </SelectField>
        <SelectField
          id={`${id}-duplicate`}
          label="A file uploaded again"
          value={duplicatePolicy}
          onChange={(v) => setDuplicatePolicy(v as AnalyticsSettings['duplicatePolicy'])}
        >
          <option value="refuse">{DUPLICATE_LABEL.refuse}</option>
          <option value="mark">{DUPLICATE_LABEL.mark}</option>
        </SelectField>
        <InputField
          id={`${id}-days`}
          label="Keep uploaded files (days, 0 = always)"
          type="number"
          min={0}
          max={36500}
          step={1}
          required
          value={days}
          onChange={setDays}
        />
      </div>
      {update.isError ? <ErrorNotice error={update.error} title="Could not save the settings" /> : null}
      <FormActions
        label="Save settings"
        pendingLabel="Saving…"
        pending={update.isPending}
        onCancel={onDone}
        small
      />
    </form>
  );
}

export function ImportSettingsCard({ canEdit }: { canEdit: boolean }) {
  const id = useId();
  const settings = useSettings();
  const [editing, setEditing] = useState(false);
  const data = settings.data;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <div className="card-heading">
        <h2 id={`${id}-heading`}>Import settings</h2>
        {canEdit && data && !editing ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setEditing(true)}
          >
            Change…
          </button>
        ) : null}
      </div>
      {settings.isError ? <ErrorNotice error={settings.error} title="Could not load the settings" /> : null}
      {data && editing ? <SettingsForm settings={data} onDone={() => setEditing(false)} /> : null}
      {data && !editing ? (
        <dl className="facts" data-testid="import-settings">
          <div>
            <dt>Rejected rows</dt>
            <dd>{REJECT_POLICY_LABEL[data.rejectPolicy]}</dd>
          </div>
          <div>
            <dt>A file uploaded again</dt>
            <dd>{DUPLICATE_LABEL[data.duplicatePolicy]}</dd>
          </div>
          <div>
            <dt>Uploaded files</dt>
            <dd>{retentionText(data.fileRetentionDays)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
