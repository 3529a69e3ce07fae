// Completes a running batch with its counts; the server computes and stores its OEE.
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { FormActions } from '../components/FormActions';
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
    <InputField
      id={id}
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      step={1}
      required={required}
      value={value}
      onChange={set}
    />
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
        <InputField
          id="complete-labour"
          label="Labour hours (optional)"
          type="number"
          min={0}
          step="any"
          value={labourHours}
          onChange={setLabourHours}
        />
      </div>
      <FormActions
        label="Complete batch"
        pendingLabel="Completing…"
        pending={complete.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
