// Completes a running batch with its counts; the server computes and stores its OEE.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import type { Batch } from './api';
import { useCompleteBatch } from './hooks';

export function CompleteBatchForm({ batch, onCancel }: { batch: Batch; onCancel: () => void }) {
  const [good, setGood] = useState('');
  const [scrap, setScrap] = useState('0');
  const [rework, setRework] = useState('0');
  const [labourHours, setLabourHours] = useState('');
  const complete = useCompleteBatch(batch.id);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    complete.mutate({
      goodCount: Number(good),
      scrapCount: Number(scrap),
      reworkCount: Number(rework || 0),
      ...(labourHours === '' ? {} : { labourHours: Number(labourHours) }),
    });
  };

  const count = (id: string, label: string, value: string, set: (v: string) => void, required = true) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        required={required}
        value={value}
        onChange={(event) => set(event.target.value)}
      />
    </div>
  );

  return (
    <form
      className="form complete-form"
      onSubmit={submit}
      aria-label={`Complete batch ${batch.code}`}
      aria-busy={complete.isPending}
    >
      {complete.isError ? <ErrorNotice error={complete.error} title="Could not complete the batch" /> : null}
      <div className="form-grid">
        {count('complete-good', 'Good pieces', good, setGood)}
        {count('complete-scrap', 'Scrap pieces', scrap, setScrap)}
        {count('complete-rework', 'Reworked pieces', rework, setRework, false)}
        <div className="field">
          <label htmlFor="complete-labour">Labour hours (optional)</label>
          <input
            id="complete-labour"
            type="number"
            min={0}
            step="any"
            value={labourHours}
            onChange={(event) => setLabourHours(event.target.value)}
          />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={complete.isPending}>
          {complete.isPending ? 'Completing…' : 'Complete batch'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
