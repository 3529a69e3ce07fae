// Creating or changing a workspace: name, sector, description and its monthly budgets.
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, TextareaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import type { Workspace, WorkspaceInput } from '../api';
import { useSaveWorkspace } from '../hooks';

const numberOrNull = (text: string) => {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};

export function WorkspaceForm({
  workspace,
  onDone,
  onCancel,
}: {
  /** The workspace to change; absent: a new one. */
  workspace?: Workspace;
  onDone: (saved: Workspace) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const save = useSaveWorkspace();
  const [name, setName] = useState(workspace?.name ?? '');
  const [sector, setSector] = useState(workspace?.sector ?? '');
  const [description, setDescription] = useState(workspace?.description ?? '');
  const [usd, setUsd] = useState(workspace?.monthlyBudgetUsd?.toString() ?? '');
  const [tokens, setTokens] = useState(workspace?.monthlyBudgetTokens?.toString() ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: WorkspaceInput = {
      name: name.trim(),
      sector: sector.trim().toLowerCase(),
      description: description.trim(),
      monthlyBudgetUsd: numberOrNull(usd),
      monthlyBudgetTokens: numberOrNull(tokens),
    };
    save.mutate({ id: workspace?.id ?? null, input }, { onSuccess: onDone });
  };

  return (
    <form
      className="form card"
      onSubmit={submit}
      aria-labelledby={`${id}-heading`}
      data-testid="workspace-form"
    >
      <h2 id={`${id}-heading`}>{workspace ? `Change ${workspace.name}` : 'New workspace'}</h2>
      <div className="form-grid">
        <InputField id={`${id}-name`} label="Name" value={name} required maxLength={120} onChange={setName} />
        <InputField
          id={`${id}-sector`}
          label="Sector"
          value={sector}
          required
          maxLength={40}
          placeholder="e.g. healthcare, finance, manufacturing"
          onChange={setSector}
        />
        <InputField
          id={`${id}-usd`}
          label="Monthly budget (USD)"
          type="number"
          min={0}
          step="0.01"
          value={usd}
          hint={<p className="field-hint">Empty: no budget.</p>}
          onChange={setUsd}
        />
        <InputField
          id={`${id}-tokens`}
          label="Monthly budget (tokens)"
          type="number"
          min={0}
          step="1"
          value={tokens}
          hint={<p className="field-hint">Empty: no budget.</p>}
          onChange={setTokens}
        />
      </div>
      <TextareaField
        id={`${id}-description`}
        label="Description"
        value={description}
        rows={2}
        maxLength={1000}
        onChange={setDescription}
      />
      {save.error ? <ErrorNotice error={save.error} title="The workspace was not saved" /> : null}
      <FormActions
        label={workspace ? 'Save' : 'Create the workspace'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
