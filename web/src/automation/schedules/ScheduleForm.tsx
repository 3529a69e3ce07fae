// Creating or editing a schedule: name, facility, cron expression (with help and the next five runs
// in the facility's time, as the server computes them), the source — a watched folder or a URL with
// optional headers — and the mapping profile.
import { type FormEvent, useId, useState } from 'react';
import { useProfiles } from '../../analytics/hooks';
import { useMe } from '../../auth/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField, TextareaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { useDebounced } from '../../debounce';
import { navigate } from '../../router';
import {
  SCHEDULES_HOME,
  type Schedule,
  type ScheduleInput,
  schedulePath,
  usePreview,
  useSchedule,
  useScheduleActions,
  useScheduleRights,
} from './api';

const EXAMPLES: [string, string][] = [
  ['0 6 * * *', 'every day at 06:00'],
  ['30 5 * * 1-5', 'weekdays at 05:30'],
  ['0 */4 * * *', 'every 4 hours'],
  ['0 7 * * 1', 'Mondays at 07:00'],
  ['0 2 1 * *', 'the 1st of each month at 02:00'],
];

interface Draft {
  name: string;
  facilityId: string;
  cron: string;
  kind: 'folder' | 'url';
  url: string;
  /** "Name: value" per line; empty on edit keeps the stored headers. */
  headers: string;
  profileId: string;
  active: boolean;
}

const blank: Draft = {
  name: '',
  facilityId: '',
  cron: '0 6 * * *',
  kind: 'folder',
  url: '',
  headers: '',
  profileId: '',
  active: true,
};

function draftOf(s: Schedule): Draft {
  return {
    name: s.name,
    facilityId: s.facility.id,
    cron: s.cron,
    kind: s.source.kind,
    url: s.source.url ?? '',
    headers: '',
    profileId: s.profileId ?? '',
    active: s.status === 'active',
  };
}

/** Header lines → a record; the problem with the first bad line otherwise. */
function parseHeaders(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.indexOf(':');
    if (at <= 0) return `"${line}" is not "Name: value"`;
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

export function ScheduleForm({ id }: { id?: string }) {
  const existing = useSchedule(id ?? '');
  if (id && existing.isPending) return <p className="state-message">Loading the schedule…</p>;
  if (id && existing.isError)
    return <ErrorNotice error={existing.error} title="Could not load the schedule" />;
  return <Form key={id ?? 'new'} schedule={id ? existing.data : undefined} />;
}

function Form({ schedule }: { schedule: Schedule | undefined }) {
  const formId = useId();
  const rights = useScheduleRights();
  const facilities = useMe().data?.facilities ?? [];
  const profiles = useProfiles({ limit: 200, offset: 0, active: true });
  const actions = useScheduleActions();
  const [draft, setDraft] = useState<Draft>(() => (schedule ? draftOf(schedule) : blank));
  const [problem, setProblem] = useState<string | null>(null);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setProblem(null);
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const facilityId = draft.facilityId || facilities[0]?.id || '';
  const profileId = draft.profileId || profiles.data?.items[0]?.id || '';
  const timezone =
    facilities.find((f) => f.id === facilityId)?.timezone ?? schedule?.facility.timezone ?? 'UTC';
  const cron = useDebounced(draft.cron.trim(), 400);
  const preview = usePreview(cron, timezone);
  const saving = actions.create.isPending || actions.update.isPending;
  const saveError = actions.create.error ?? actions.update.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const headers = parseHeaders(draft.headers);
    if (typeof headers === 'string') return setProblem(headers);
    const source: ScheduleInput['source'] =
      draft.kind === 'folder'
        ? { kind: 'folder' }
        : { kind: 'url', url: draft.url.trim(), ...(draft.headers.trim() || !schedule ? { headers } : {}) };
    const common = { name: draft.name.trim(), cron: draft.cron.trim(), source, profileId };
    if (schedule)
      actions.update.mutate(
        { id: schedule.id, body: common },
        { onSuccess: (saved) => navigate(schedulePath(saved.id)) },
      );
    else
      actions.create.mutate(
        { ...common, facilityId, status: draft.active ? 'active' : 'paused' },
        { onSuccess: (saved) => navigate(schedulePath(saved.id), { replace: true }) },
      );
  };

  const storedHeaders = Object.keys(schedule?.source.headers ?? {});
  return (
    <>
      <PageHeader
        title={schedule ? `Edit ${schedule.name}` : 'New schedule'}
        description="A file is taken from the source at every run, imported with the mapping profile, analysed, and compared with the previous run."
      />
      <section className="card">
        <form
          className="form"
          onSubmit={submit}
          aria-label={schedule ? `Edit schedule ${schedule.name}` : 'New schedule'}
        >
          <fieldset className="form-fieldset" disabled={!rights.write}>
            <legend className="visually-hidden">Schedule</legend>
            <div className="form-grid">
              <InputField
                id={`${formId}-name`}
                label="Name"
                value={draft.name}
                onChange={set('name')}
                required
                maxLength={200}
              />
              <SelectField
                id={`${formId}-facility`}
                label="Facility"
                value={facilityId}
                onChange={set('facilityId')}
                disabled={Boolean(schedule)}
              >
                {facilities.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} ({f.timezone})
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={`${formId}-profile`}
                label="Mapping profile"
                value={profileId}
                onChange={set('profileId')}
                required
              >
                {(profiles.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <InputField
              id={`${formId}-cron`}
              label="When (cron expression)"
              value={draft.cron}
              onChange={set('cron')}
              required
              maxLength={200}
              hint={
                <p className="field-hint">
                  Five fields — minute, hour, day of month, month, day of week — in the facility's time (
                  {timezone}). Examples:{' '}
                  {EXAMPLES.map(([expr, words]) => (
                    <button
                      key={expr}
                      type="button"
                      className="button button-secondary button-small"
                      title={expr}
                      onClick={() => set('cron')(expr)}
                    >
                      {words}
                    </button>
                  ))}
                </p>
              }
            />
            <div data-testid="schedule-preview" aria-live="polite">
              {preview.isError ? (
                <p className="notice notice-error">{(preview.error as Error).message}</p>
              ) : preview.data ? (
                <p className="muted">
                  Next runs ({timezone}): {preview.data.runs.map((r) => r.local).join(' · ')}
                </p>
              ) : null}
            </div>
            <SelectField
              id={`${formId}-kind`}
              label="Source"
              value={draft.kind}
              onChange={(v) => set('kind')(v as Draft['kind'])}
            >
              <option value="folder">Watched folder (DATA_DIR/inbox/&lt;facility code&gt;/)</option>
              <option value="url">HTTP(S) URL</option>
            </SelectField>
            {draft.kind === 'folder' ? (
              <p className="field-hint">
                Drop CSV or XLSX files into the facility's inbox folder on the server. Each run takes the
                oldest file whose size has stopped changing; it ends up in <code>processed/</code> or, with
                the reason, in <code>failed/</code>.
              </p>
            ) : (
              <>
                <InputField
                  id={`${formId}-url`}
                  label="URL"
                  type="url"
                  value={draft.url}
                  onChange={set('url')}
                  required
                  maxLength={2000}
                  placeholder="https://erp.example.com/export/workorders.csv"
                />
                <TextareaField
                  id={`${formId}-headers`}
                  label="Request headers (optional)"
                  value={draft.headers}
                  onChange={set('headers')}
                  rows={3}
                  maxLength={20_000}
                  placeholder="Authorization: Bearer …"
                  hint={
                    <p className="field-hint">
                      One "Name: value" per line. Stored, and never shown again.
                      {storedHeaders.length > 0
                        ? ` Leave empty to keep the stored ${storedHeaders.join(', ')}; anything entered replaces them.`
                        : ''}
                    </p>
                  }
                />
              </>
            )}
            {!schedule ? (
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.active}
                  onChange={(e) => set('active')(e.target.checked)}
                />
                <span>Active: runs on its schedule (paused schedules still run with "Run now")</span>
              </label>
            ) : null}
          </fieldset>
          {problem ? <p className="notice notice-error">{problem}</p> : null}
          {saveError ? <ErrorNotice error={saveError} title="Not saved" /> : null}
          {rights.write ? (
            <FormActions
              label={schedule ? 'Save' : 'Create schedule'}
              pendingLabel="Saving…"
              pending={saving}
              onCancel={() => navigate(schedule ? schedulePath(schedule.id) : SCHEDULES_HOME)}
            />
          ) : null}
        </form>
      </section>
    </>
  );
}
