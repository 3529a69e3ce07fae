// The selected region's name, severity, kind and acceptance rules, with what is wrong with them: the
// form's own checks beside each field, the server's refusal (400 with details) under the form.
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { DEFECT_TYPES, REGION_KINDS, SEVERITIES } from './api';
import { DEFECT_TYPE_LABEL, KIND_LABEL, SEVERITY_LABEL } from './format';
import { formProblems, NUMBER_RULES, type RegionDraft, type RulesForm } from './region-draft';

function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} className="field-problem">
      {text}
    </p>
  ) : null;
}

export function RegionForm({
  draft,
  onChange,
  saveError,
}: {
  draft: RegionDraft;
  onChange: (draft: RegionDraft) => void;
  /** The server's answer to the last save of this region, when it refused it. */
  saveError: unknown;
}) {
  const problems = formProblems(draft);
  const id = (field: string) => `region-${draft.key}-${field}`;
  const setRules = (patch: Partial<RulesForm>) => onChange({ ...draft, rules: { ...draft.rules, ...patch } });
  const toggleType = (type: (typeof DEFECT_TYPES)[number], on: boolean) =>
    setRules({ types: on ? [...draft.rules.types, type] : draft.rules.types.filter((t) => t !== type) });

  return (
    <fieldset className="region-form" data-testid="region-form">
      <legend>{draft.id ? 'Region' : 'New region'}</legend>
      <div className="form-grid">
        <InputField
          id={id('name')}
          label="Name"
          value={draft.name}
          onChange={(name) => onChange({ ...draft, name })}
          maxLength={200}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={problems.name ? id('name-problem') : undefined}
          hint={<Problem id={id('name-problem')} text={problems.name} />}
        />
        <SelectField
          id={id('severity')}
          label="Severity"
          value={draft.severity}
          onChange={(severity) => onChange({ ...draft, severity: severity as RegionDraft['severity'] })}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABEL[s]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id('kind')}
          label="Kind"
          value={draft.kind}
          onChange={(kind) => onChange({ ...draft, kind: kind as RegionDraft['kind'] })}
          hint={
            <p className="field-hint">
              {draft.kind === 'ignore'
                ? 'Indications inside are not judged.'
                : 'The rules below apply inside.'}
            </p>
          }
        >
          {REGION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </SelectField>
      </div>
      <p className={problems.polygon ? 'field-problem' : 'field-hint'} data-testid="region-outline-state">
        {problems.polygon ??
          `Outline: ${draft.polygon.length} points. Drag a point to move it; focus one and press Delete to remove it.`}
      </p>
      {draft.kind === 'inspect' ? (
        <fieldset className="region-rules">
          <legend>Rules (empty: not checked)</legend>
          <div className="form-grid">
            {NUMBER_RULES.map(({ field, label }) => (
              <InputField
                key={field}
                id={id(field)}
                label={label}
                value={draft.rules[field]}
                onChange={(value) => setRules({ [field]: value })}
                inputMode="decimal"
                autoComplete="off"
                narrow
                aria-invalid={problems[field] ? true : undefined}
                aria-describedby={problems[field] ? id(`${field}-problem`) : undefined}
                hint={<Problem id={id(`${field}-problem`)} text={problems[field]} />}
              />
            ))}
            <SelectField
              id={id('spacingMode')}
              label="Pores closer than min spacing"
              value={draft.rules.spacingMode}
              onChange={(mode) => setRules({ spacingMode: mode as RulesForm['spacingMode'] })}
              disabled={draft.rules.minSpacingMm.trim() === ''}
            >
              <option value="merge">Merge into one indication</option>
              <option value="fail">Fail the region</option>
            </SelectField>
          </div>
          <fieldset className="choice-group">
            <legend>Defect types counted (none ticked: all)</legend>
            {DEFECT_TYPES.map((type) => (
              <label key={type} className="choice">
                <input
                  type="checkbox"
                  checked={draft.rules.types.includes(type)}
                  onChange={(event) => toggleType(type, event.target.checked)}
                />
                {DEFECT_TYPE_LABEL[type]}
              </label>
            ))}
          </fieldset>
        </fieldset>
      ) : null}
      {saveError ? (
        <ErrorNotice error={saveError} title={`${draft.name || 'The region'} was not saved`} />
      ) : null}
    </fieldset>
  );
}
