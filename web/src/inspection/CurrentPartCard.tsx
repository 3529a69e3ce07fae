// The part the station inspects now (what triggers without a part number are booked on), and the
// form with which an operator changes it.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { formatTime } from './format';
import { useCurrentPart, useInspectionRights, useParts, useSetCurrentPart } from './hooks';

function PartForm({
  stationId,
  partNumber,
  onDone,
}: {
  stationId: string;
  partNumber: string;
  onDone: () => void;
}) {
  const parts = useParts();
  const save = useSetCurrentPart(stationId);
  const [number, setNumber] = useState(partNumber);
  const [serial, setSerial] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { partNumber: number.trim(), partSerial: serial.trim() || null },
      { onSuccess: () => onDone() },
    );
  };
  return (
    <form className="form current-part-form" onSubmit={submit} aria-label="Set the current part">
      <div className="toolbar">
        <InputField
          id="current-part-number"
          label="Part number"
          value={number}
          onChange={setNumber}
          required
          list="inspection-part-numbers"
          autoComplete="off"
        />
        <datalist id="inspection-part-numbers">
          {(parts.data?.items ?? []).map((part) => (
            <option key={part.id} value={part.partNumber}>
              {part.name}
            </option>
          ))}
        </datalist>
        <InputField
          id="current-part-serial"
          label="Serial number (optional)"
          value={serial}
          onChange={setSerial}
          autoComplete="off"
        />
      </div>
      {save.isError ? <ErrorNotice error={save.error} title="Could not set the part" /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending || !number.trim()}>
          {save.isPending ? 'Saving…' : 'Set part'}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function CurrentPartCard({ stationId }: { stationId: string }) {
  const current = useCurrentPart(stationId);
  const rights = useInspectionRights();
  const [editing, setEditing] = useState(false);
  const none = current.error instanceof ApiError && current.error.status === 404;
  const data = current.data;

  return (
    <section className="card current-part" aria-labelledby="current-part-heading" data-testid="current-part">
      <div className="current-part-head">
        <h2 id="current-part-heading">Current part</h2>
        {rights.operate && !editing ? (
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            Change part
          </button>
        ) : null}
      </div>
      {current.isPending ? <p className="state-message">Loading the current part…</p> : null}
      {current.isError && !none ? (
        <ErrorNotice error={current.error} title="Could not load the current part" />
      ) : null}
      {none ? (
        <p className="state-message">
          No part is set: triggers must name their part number until an operator sets one.
        </p>
      ) : null}
      {data ? (
        <dl className="current-part-facts">
          <div>
            <dt>Part number</dt>
            <dd data-testid="current-part-number">{data.partNumber}</dd>
          </div>
          <div>
            <dt>Name</dt>
            <dd>{data.part?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Material</dt>
            <dd>{data.part?.material ?? '—'}</dd>
          </div>
          <div>
            <dt>Drawing</dt>
            <dd>{data.part?.drawingRevision ? `Rev. ${data.part.drawingRevision}` : '—'}</dd>
          </div>
          <div>
            <dt>Serial</dt>
            <dd>{data.partSerial ?? 'per trigger'}</dd>
          </div>
          <div>
            <dt>Since</dt>
            <dd>
              <time dateTime={data.setAt}>{formatTime(data.setAt)}</time>
            </dd>
          </div>
        </dl>
      ) : null}
      {editing ? (
        <PartForm
          stationId={stationId}
          partNumber={data?.partNumber ?? ''}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </section>
  );
}
