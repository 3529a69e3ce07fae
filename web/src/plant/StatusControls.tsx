// An operator's status buttons on a line card; stops ask for a downtime reason and an optional note.
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { type DowntimeReason, LINE_STATUSES, type Line, type LineStatus } from './api';
import { LINE_STATUS_LABEL } from './format';
import { useChangeStatus } from './hooks';

type Stop = Exclude<LineStatus, 'running'>;

/** What the server records when no reason is picked. */
const DEFAULT_REASON: Record<Stop, string> = {
  idle: 'Unspecified stop',
  down: 'Unspecified stop',
  maintenance: 'Planned maintenance',
};

/** A breakdown is never planned: Down offers only unplanned reasons. */
function reasonsFor(status: Stop, reasons: readonly DowntimeReason[]) {
  const active = reasons.filter((r) => r.active);
  return {
    unplanned: active.filter((r) => !r.planned),
    planned: status === 'down' ? [] : active.filter((r) => r.planned),
  };
}

function StopForm({
  line,
  status,
  reasons,
  busy,
  onSubmit,
  onCancel,
}: {
  line: Line;
  status: Stop;
  reasons: readonly DowntimeReason[];
  busy: boolean;
  onSubmit: (reasonCode: string, note: string) => void;
  onCancel: () => void;
}) {
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const id = useId();
  const { unplanned, planned } = reasonsFor(status, reasons);
  const label = LINE_STATUS_LABEL[status];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(reasonCode, note.trim());
  };
  return (
    <form className="form stop-form" onSubmit={submit} aria-label={`Set ${line.name} to ${label}`}>
      <SelectField id={`${id}-reason`} label="Reason" value={reasonCode} onChange={setReasonCode}>
        <option value="">Not specified ({DEFAULT_REASON[status]})</option>
        <optgroup label="Unplanned (availability loss)">
          {unplanned.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </optgroup>
        {planned.length > 0 ? (
          <optgroup label="Planned (not a loss)">
            {planned.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <InputField
        id={`${id}-note`}
        label="Note (optional)"
        maxLength={1000}
        value={note}
        onChange={setNote}
      />
      <FormActions label={`Set ${label}`} pendingLabel="Saving…" pending={busy} onCancel={onCancel} small />
    </form>
  );
}

export function StatusControls({ line, reasons }: { line: Line; reasons: readonly DowntimeReason[] }) {
  const change = useChangeStatus(line.id);
  const [choosing, setChoosing] = useState<Stop | null>(null);

  const choose = (status: LineStatus) => {
    change.reset();
    if (status === 'running') {
      setChoosing(null);
      change.mutate({ status });
    } else {
      setChoosing(status);
    }
  };

  const submitStop = (status: Stop, reasonCode: string, note: string) =>
    change.mutate(
      { status, ...(reasonCode ? { reasonCode } : {}), ...(note ? { note } : {}) },
      { onSuccess: () => setChoosing(null) },
    );

  return (
    <div className="status-controls">
      <fieldset className="status-buttons">
        <legend className="visually-hidden">Set the status of {line.name}</legend>
        {LINE_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`button button-small status-button status-button-${status}`}
            aria-pressed={line.status === status}
            aria-expanded={status === 'running' ? undefined : choosing === status}
            disabled={change.isPending || (status === 'running' && line.status === 'running')}
            onClick={() => choose(status)}
          >
            {LINE_STATUS_LABEL[status]}
          </button>
        ))}
      </fieldset>
      {choosing ? (
        <StopForm
          key={choosing}
          line={line}
          status={choosing}
          reasons={reasons}
          busy={change.isPending}
          onSubmit={(reasonCode, note) => submitStop(choosing, reasonCode, note)}
          onCancel={() => setChoosing(null)}
        />
      ) : null}
      {change.isError ? <ErrorNotice error={change.error} title="Could not change the status" /> : null}
    </div>
  );
}
