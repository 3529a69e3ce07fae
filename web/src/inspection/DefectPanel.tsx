// An image's defects: the list to move through, and the selected one in full — type, size in mm,
// confidence, source, regions, disposition — with the disposition buttons (large enough for a
// gloved hand, each with its key) and, for a rejection awaiting it, the second review.
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField, TextareaField } from '../components/Field';
import type { Defect, DefectDisposition, ReviewBody } from './api';
import {
  DEFECT_TYPE_LABEL,
  DISPOSITION_BADGE,
  DISPOSITION_LABEL,
  formatConfidence,
  formatMm,
  formatTime,
  SOURCE_LABEL,
} from './format';
import { useReviewDefect } from './hooks';

/** The disposition buttons and the key that presses each. */
export const DISPOSITION_KEYS: readonly {
  key: string;
  disposition: Exclude<DefectDisposition, 'pending'>;
  label: string;
}[] = [
  { key: 'a', disposition: 'accept', label: 'Accept' },
  { key: 'r', disposition: 'reject', label: 'Reject' },
  { key: 'w', disposition: 'rework', label: 'Rework' },
  { key: 'f', disposition: 'false_positive', label: 'False positive' },
];

const OVERTURN_TO: readonly NonNullable<ReviewBody['disposition']>[] = ['accept', 'rework', 'false_positive'];

function DefectFacts({ defect, regionNames }: { defect: Defect; regionNames: ReadonlyMap<string, string> }) {
  const regions = defect.regionIds.map((id) => regionNames.get(id) ?? 'Region (since removed)');
  return (
    <dl className="defect-facts" data-testid="defect-facts">
      <div>
        <dt>Type</dt>
        <dd>{DEFECT_TYPE_LABEL[defect.type]}</dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>
          ⌀ {formatMm(defect.diameterMm)} · {defect.areaMm2.toFixed(2)} mm²
        </dd>
      </div>
      <div>
        <dt>Confidence</dt>
        <dd>{formatConfidence(defect.confidence)}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>{SOURCE_LABEL[defect.source]}</dd>
      </div>
      <div>
        <dt>Regions</dt>
        <dd>
          {defect.ignored
            ? 'In an ignore zone (not judged)'
            : regions.length > 0
              ? regions.join(', ')
              : 'None'}
        </dd>
      </div>
      <div>
        <dt>Disposition</dt>
        <dd>
          <span className={`badge ${DISPOSITION_BADGE[defect.disposition]}`} data-testid="defect-disposition">
            {DISPOSITION_LABEL[defect.disposition]}
          </span>
          {defect.dispositionAt ? <span className="muted"> {formatTime(defect.dispositionAt)}</span> : null}
          {defect.dispositionNote ? <span className="defect-note">“{defect.dispositionNote}”</span> : null}
        </dd>
      </div>
      {defect.review ? (
        <div>
          <dt>Second review</dt>
          <dd data-testid="defect-review">
            {defect.review === 'pending'
              ? 'Waiting for a second person'
              : defect.review === 'confirmed'
                ? 'Confirmed'
                : 'Overturned'}
            {defect.reviewedAt ? <span className="muted"> {formatTime(defect.reviewedAt)}</span> : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function ReviewActions({ defect, userId }: { defect: Defect; userId: string | null }) {
  const review = useReviewDefect();
  const [to, setTo] = useState<(typeof OVERTURN_TO)[number]>('accept');
  const own = defect.dispositionBy !== null && defect.dispositionBy === userId;
  const send = (body: ReviewBody) => review.mutate({ defectId: defect.id, body });
  return (
    <section className="defect-review" aria-labelledby="review-heading">
      <h3 id="review-heading">Second review</h3>
      {own ? (
        <p className="state-message">You rejected this defect: someone else reviews it.</p>
      ) : (
        <div className="review-actions">
          <button
            type="button"
            className="button disposition-button disposition-reject"
            disabled={review.isPending}
            onClick={() => send({ decision: 'confirm' })}
          >
            Confirm rejection
          </button>
          <SelectField
            id="overturn-to"
            label="Overturn to"
            value={to}
            onChange={(value) => setTo(value as typeof to)}
            narrow
          >
            {OVERTURN_TO.map((d) => (
              <option key={d} value={d}>
                {DISPOSITION_LABEL[d]}
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            className="button button-secondary disposition-button"
            disabled={review.isPending}
            onClick={() => send({ decision: 'overturn', disposition: to })}
          >
            Overturn
          </button>
        </div>
      )}
      {review.isError ? <ErrorNotice error={review.error} title="Could not record the review" /> : null}
    </section>
  );
}

export function DefectPanel({
  defects,
  selected,
  onSelect,
  regionNames,
  rights,
  note,
  onNote,
  onDispose,
  disposing,
  disposeError,
}: {
  defects: readonly Defect[];
  selected: Defect | undefined;
  onSelect: (defectId: string) => void;
  regionNames: ReadonlyMap<string, string>;
  rights: { operate: boolean; analyze: boolean; userId: string | null };
  note: string;
  onNote: (note: string) => void;
  onDispose: (disposition: DefectDisposition) => void;
  disposing: boolean;
  disposeError: unknown;
}) {
  if (defects.length === 0)
    return (
      <p className="state-message" data-testid="defects-empty">
        No defects were found on this image.
      </p>
    );
  return (
    <div className="defect-panel">
      <ol className="defect-list" aria-label="Defects of this image" data-testid="defect-list">
        {defects.map((defect, i) => (
          <li key={defect.id}>
            <button
              type="button"
              className={defect.id === selected?.id ? 'defect-item is-selected' : 'defect-item'}
              aria-pressed={defect.id === selected?.id}
              onClick={() => onSelect(defect.id)}
              data-testid={`defect-item-${defect.id}`}
            >
              <span className="defect-number">{i + 1}</span>
              <span>
                {DEFECT_TYPE_LABEL[defect.type]} ⌀ {formatMm(defect.diameterMm)}
              </span>
              <span className={`badge ${DISPOSITION_BADGE[defect.disposition]}`}>
                {DISPOSITION_LABEL[defect.disposition]}
                {defect.review === 'pending' ? ' · review' : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {selected ? (
        <section
          className="defect-detail"
          aria-labelledby="defect-heading"
          data-testid="defect-detail"
          data-defect-id={selected.id}
        >
          <h3 id="defect-heading">
            Defect {defects.indexOf(selected) + 1} of {defects.length}
          </h3>
          <DefectFacts defect={selected} regionNames={regionNames} />
          {rights.operate ? (
            <>
              <fieldset className="disposition-buttons">
                <legend className="visually-hidden">Disposition of the selected defect</legend>
                {DISPOSITION_KEYS.map(({ key, disposition, label }) => (
                  <button
                    key={disposition}
                    type="button"
                    className={`button disposition-button disposition-${disposition}`}
                    aria-pressed={selected.disposition === disposition}
                    aria-keyshortcuts={key.toUpperCase()}
                    disabled={disposing}
                    onClick={() => onDispose(disposition)}
                  >
                    {label} <kbd>{key.toUpperCase()}</kbd>
                  </button>
                ))}
              </fieldset>
              <TextareaField
                id="defect-note"
                label="Note (sent with the next disposition)"
                value={note}
                onChange={onNote}
                rows={2}
                maxLength={2000}
              />
              {disposeError ? (
                <ErrorNotice error={disposeError} title="Could not save the disposition" />
              ) : null}
            </>
          ) : (
            <p className="state-message">Your role can view dispositions; operators set them.</p>
          )}
          {selected.review === 'pending' && rights.analyze ? (
            <ReviewActions defect={selected} userId={rights.userId} />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
