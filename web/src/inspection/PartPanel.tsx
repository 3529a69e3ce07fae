// The part an image belongs to: its verdict with every reason, the images of its other cameras, and
// the part's own disposition (accept, reject, rework, scrap) with who set it and a note.
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextareaField } from '../components/Field';
import { Link } from '../router';
import { type Camera, PART_DISPOSITIONS, type TriggerDetail } from './api';
import { formatTime, PART_DISPOSITION_LABEL } from './format';
import { useDisposePart } from './hooks';
import { imagePath } from './paths';
import { VerdictBadge } from './VerdictBadge';

export function PartPanel({
  detail,
  imageId,
  cameras,
  canDispose,
}: {
  detail: TriggerDetail;
  /** The image on show. */
  imageId: string;
  cameras: ReadonlyMap<string, Camera>;
  canDispose: boolean;
}) {
  const { trigger, images } = detail;
  const dispose = useDisposePart();
  const [note, setNote] = useState('');

  return (
    <section className="card part-panel" aria-labelledby="part-heading" data-testid="part-panel">
      <div className="part-head">
        <h2 id="part-heading">Part {trigger.partSerial}</h2>
        <VerdictBadge verdict={trigger.verdict} testId="part-verdict" />
      </div>
      <p className="muted">
        {trigger.partNumber} · <time dateTime={trigger.ts}>{formatTime(trigger.ts)}</time> ·{' '}
        {trigger.defectCount} defect{trigger.defectCount === 1 ? '' : 's'}
      </p>
      {trigger.reasons.length > 0 ? (
        <ul className="reason-list" data-testid="part-reasons" aria-label="Why the part failed">
          {trigger.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {images.length > 1 ? (
        <nav className="part-images" aria-label="Images of this part">
          {images.map(({ image }) => {
            const camera = cameras.get(image.cameraId);
            return (
              <Link
                key={image.id}
                to={imagePath(image.id)}
                className={image.id === imageId ? 'part-image-link is-current' : 'part-image-link'}
                aria-current={image.id === imageId ? 'page' : undefined}
              >
                {camera ? `${camera.name} (${camera.serialNumber})` : 'Camera'}
                <VerdictBadge verdict={image.verdict} size="small" />
              </Link>
            );
          })}
        </nav>
      ) : null}
      <h3>Part disposition</h3>
      <p data-testid="part-disposition">
        {trigger.disposition ? (
          <>
            <strong>{PART_DISPOSITION_LABEL[trigger.disposition]}</strong>
            {trigger.dispositionAt ? (
              <span className="muted"> {formatTime(trigger.dispositionAt)}</span>
            ) : null}
            {trigger.dispositionNote ? (
              <span className="defect-note">“{trigger.dispositionNote}”</span>
            ) : null}
          </>
        ) : (
          <span className="muted">Not decided yet</span>
        )}
      </p>
      {canDispose ? (
        <>
          <fieldset className="disposition-buttons">
            <legend className="visually-hidden">Disposition of the part</legend>
            {PART_DISPOSITIONS.map((disposition) => (
              <button
                key={disposition}
                type="button"
                className={`button disposition-button disposition-${disposition}`}
                aria-pressed={trigger.disposition === disposition}
                disabled={dispose.isPending}
                onClick={() =>
                  dispose.mutate(
                    { triggerId: trigger.id, disposition, note },
                    { onSuccess: () => setNote('') },
                  )
                }
              >
                {PART_DISPOSITION_LABEL[disposition]} part
              </button>
            ))}
          </fieldset>
          <TextareaField
            id="part-note"
            label="Note on the part"
            value={note}
            onChange={setNote}
            rows={2}
            maxLength={2000}
          />
          {dispose.isError ? (
            <ErrorNotice error={dispose.error} title="Could not save the part's disposition" />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
