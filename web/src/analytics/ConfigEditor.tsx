// The 39 analyzer variables of one scope (the organisation or a facility), grouped by the analyzer
// that uses them: a preset to start from, each value with its unit, range and meaning, what differs
// from the preset highlighted, values checked as typed and by the server, then saved.
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField } from '../components/Field';
import { SubmitButton } from '../components/FormActions';
import { formatDateTime } from '../format';
import { type AnalyzerConfig, type ConfigVariable, PRESET_TYPES, type PresetType } from './analysis-api';
import { keyText } from './analysis-format';
import { useAnalyzerConfig, useConfigPresets, useSaveConfig } from './analysis-hooks';
import {
  type Draft,
  draftOf,
  GROUP_TITLE,
  overridesOf,
  PRESET_LABEL,
  presetValues,
  problemsOf,
  rangeText,
  serverProblems,
  VARIABLE_GROUPS,
  valueText,
} from './config-form';

type Presets = Record<string, Record<string, string | number | boolean>>;

function VariableInput({
  variable,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  variable: ConfigVariable;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  describedBy: string;
  invalid: boolean;
}) {
  const id = `config-${variable.key}`;
  if (variable.type === 'boolean')
    return (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={describedBy}
      />
    );
  if (variable.type === 'enum')
    return (
      <select
        id={id}
        value={String(value)}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
      >
        {(variable.values ?? []).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      min={variable.min ?? undefined}
      max={variable.max ?? undefined}
      step={variable.type === 'integer' ? 1 : 'any'}
      value={String(value)}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid}
    />
  );
}

function VariableRow({
  variable,
  value,
  preset,
  presetName,
  changed,
  problem,
  onChange,
}: {
  variable: ConfigVariable;
  value: string | boolean;
  preset: string | number | boolean | undefined;
  presetName: string;
  changed: boolean;
  problem: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const hintId = `config-${variable.key}-hint`;
  const problemId = `config-${variable.key}-problem`;
  return (
    <div
      className={`config-variable${changed ? ' is-changed' : ''}${problem ? ' has-problem' : ''}`}
      data-testid={`variable-${variable.key}`}
      data-changed={changed}
    >
      <label htmlFor={`config-${variable.key}`} className="config-label">
        {keyText(variable.key)} <code>{variable.key}</code>
      </label>
      <div className="config-control">
        <VariableInput
          variable={variable}
          value={value}
          onChange={onChange}
          describedBy={problem ? `${problemId} ${hintId}` : hintId}
          invalid={problem !== undefined}
        />
        {variable.unit ? <span className="config-unit">{variable.unit}</span> : null}
        {changed ? <span className="badge badge-warn">changed</span> : null}
      </div>
      <p className="field-hint" id={hintId}>
        {variable.description.replace(/\.$/, '')}. {rangeText(variable)}; {presetName}: {valueText(preset)}.
      </p>
      {problem ? (
        <p className="field-error" id={problemId} data-testid={`problem-${variable.key}`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function ConfigForm({
  config,
  presets,
  variables,
  save,
}: {
  config: AnalyzerConfig;
  presets: Presets;
  variables: readonly ConfigVariable[];
  save: ReturnType<typeof useSaveConfig>;
}) {
  const id = useId();
  const [presetType, setPresetType] = useState<PresetType>(config.presetType);
  const [draft, setDraft] = useState<Draft>(() => draftOf(variables, config.values));
  /** Variables edited since the form opened, and whether saving was tried: where problems show. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState(false);
  const base = presetValues(presets, presetType);
  const baseName = presetType === 'custom' ? 'balanced' : presetType;
  const changed = overridesOf(variables, draft, base) as Record<string, unknown>;
  const problems = problemsOf(variables, draft);
  const keys = new Set(variables.map((v) => v.key));
  const fromServer = save.isError ? serverProblems(save.error, keys) : new Map<string, string>();
  const problemShown = (key: string) =>
    (checked || touched.has(key) ? problems.get(key) : undefined) ?? fromServer.get(key);
  const choosePreset = (next: PresetType) => {
    setPresetType(next);
    if (next !== 'custom') setDraft(draftOf(variables, presetValues(presets, next)));
  };
  const edit = (key: string, value: string | boolean) => {
    setDraft({ ...draft, [key]: value });
    setTouched(new Set(touched).add(key));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (problems.size > 0) {
      document.getElementById(`config-${[...problems.keys()][0]}`)?.focus();
      return;
    }
    save.mutate({ presetType, config: overridesOf(variables, draft, base) });
  };
  const differs = Object.keys(changed).length;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Analyzer variables">
      <div className="toolbar config-toolbar">
        <SelectField
          id={`${id}-preset`}
          label="Preset"
          value={presetType}
          onChange={(v) => choosePreset(v as PresetType)}
          hint={
            <p className="field-hint" data-testid="config-diff-count">
              {differs === 0
                ? `Every variable as in ${baseName}.`
                : `${differs} variable${differs === 1 ? '' : 's'} differ${differs === 1 ? 's' : ''} from ${baseName} (highlighted).`}
            </p>
          }
        >
          {PRESET_TYPES.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABEL[p]}
            </option>
          ))}
        </SelectField>
      </div>
      {VARIABLE_GROUPS.map((group) => (
        <fieldset key={group} className="config-group" data-testid={`config-group-${group}`}>
          <legend>{GROUP_TITLE[group]}</legend>
          {variables
            .filter((v) => v.analyzer === group)
            .map((v) => (
              <VariableRow
                key={v.key}
                variable={v}
                value={draft[v.key] ?? ''}
                preset={base[v.key]}
                presetName={baseName}
                changed={v.key in changed || problems.has(v.key)}
                problem={problemShown(v.key)}
                onChange={(value) => edit(v.key, value)}
              />
            ))}
        </fieldset>
      ))}
      {checked && problems.size > 0 ? (
        <p className="field-error" role="alert">
          {problems.size} value{problems.size === 1 ? ' is' : 's are'} out of range: correct{' '}
          {problems.size === 1 ? 'it' : 'them'} to save.
        </p>
      ) : null}
      {save.isError ? <ErrorNotice error={save.error} title="Could not save the configuration" /> : null}
      <div className="form-actions">
        <SubmitButton label="Save configuration" pendingLabel="Saving…" pending={save.isPending} />
      </div>
    </form>
  );
}

/** The configuration of the organisation (`facilityId` null) or one facility. */
export function ConfigEditor({ facilityId }: { facilityId: string | null }) {
  const id = useId();
  const presets = useConfigPresets();
  const config = useAnalyzerConfig(facilityId);
  const save = useSaveConfig(facilityId);
  const data = config.data;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="config-editor">
      <h2 id={`${id}-heading`}>Variables</h2>
      {data ? (
        <p className="muted" data-testid="config-origin">
          {data.own
            ? `Set here${data.updatedAt ? ` on ${formatDateTime(data.updatedAt)}` : ''}.`
            : facilityId
              ? 'This facility has no configuration of its own: it uses the organisation’s, shown here. Saving gives it its own.'
              : 'Nothing set yet: the analyzers use the balanced defaults.'}
        </p>
      ) : null}
      {presets.isError ? <ErrorNotice error={presets.error} title="Could not load the variables" /> : null}
      {config.isError ? <ErrorNotice error={config.error} title="Could not load the configuration" /> : null}
      {config.isPending || presets.isPending ? (
        <p className="state-message">Loading the configuration…</p>
      ) : null}
      {data && presets.data ? (
        // A saved configuration comes back with a new time: the form starts again from what was stored.
        <ConfigForm
          key={data.updatedAt ?? 'defaults'}
          config={data}
          presets={presets.data.presets}
          variables={presets.data.variables}
          save={save}
        />
      ) : null}
      {save.isSuccess ? (
        <p className="notice notice-success" role="status" data-testid="config-saved">
          Saved. Analyses started from now on use these values.
        </p>
      ) : null}
    </section>
  );
}
