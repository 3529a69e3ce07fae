// An administrator's settings of what raises a sensor's alarms: spec limits, the SPC run rules, the
// rolling z-score and EWMA, and the control limits (kept, set by hand, or learned again).
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { RULES, type RuleId, type Sensor, type SensorUpdate } from './api';
import { formatValue } from './format';
import { useUpdateSensor } from './hooks';

type LimitsChoice = 'keep' | 'manual' | 'relearn';

const text = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** A number typed in a field, null when left empty, NaN when it is not a number. */
const parsed = (value: string) => (value.trim() === '' ? null : Number(value));

function initialState(sensor: Sensor) {
  const { detection, controlLimits } = sensor;
  return {
    lowerSpec: text(sensor.lowerSpec),
    upperSpec: text(sensor.upperSpec),
    target: text(sensor.target),
    spec: detection.spec,
    rules: new Set<RuleId>(detection.rules),
    zscore: detection.zscore.enabled,
    zWindow: String(detection.zscore.window),
    zThreshold: String(detection.zscore.threshold),
    ewma: detection.ewma.enabled,
    lambda: String(detection.ewma.lambda),
    ewmaWidth: String(detection.ewma.width),
    baselineCount: String(detection.baselineCount),
    limits: (controlLimits ? 'keep' : 'relearn') as LimitsChoice,
    center: text(controlLimits?.center),
    sigma: text(controlLimits?.sigma),
    clearAfter: String(sensor.clearAfterSeconds),
  };
}

type State = ReturnType<typeof initialState>;

/** The patch the form's state asks for, or the first problem with it. */
function patchOf(sensor: Sensor, s: State): { patch: SensorUpdate } | { problem: string } {
  const numbers = {
    lowerSpec: parsed(s.lowerSpec),
    upperSpec: parsed(s.upperSpec),
    target: parsed(s.target),
  };
  const names = {
    lowerSpec: 'The lower spec limit',
    upperSpec: 'The upper spec limit',
    target: 'The target',
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (Number.isNaN(value)) return { problem: `${names[name as keyof typeof names]} is not a number.` };
  }
  if (numbers.lowerSpec !== null && numbers.upperSpec !== null && numbers.lowerSpec >= numbers.upperSpec)
    return { problem: 'The lower spec limit must be below the upper one.' };
  const detection = {
    spec: s.spec,
    rules: RULES.map((r) => r.id).filter((id) => s.rules.has(id)),
    zscore: { enabled: s.zscore, window: Number(s.zWindow), threshold: Number(s.zThreshold) },
    ewma: { enabled: s.ewma, lambda: Number(s.lambda), width: Number(s.ewmaWidth) },
    baselineCount: Number(s.baselineCount),
  };
  const patch: SensorUpdate = { ...numbers, detection, clearAfterSeconds: Number(s.clearAfter) };
  if (s.limits === 'relearn') patch.controlLimits = null;
  if (s.limits === 'manual') {
    const center = Number(s.center);
    const sigma = Number(s.sigma);
    if (s.center.trim() === '' || !Number.isFinite(center)) return { problem: 'Enter the center line.' };
    if (!(sigma > 0)) return { problem: 'σ must be a number above zero.' };
    const current = sensor.controlLimits;
    if (current?.source !== 'manual' || current.center !== center || current.sigma !== sigma)
      patch.controlLimits = { center, sigma };
  }
  return { patch };
}

export function DetectionForm({ sensor }: { sensor: Sensor }) {
  const update = useUpdateSensor(sensor.id);
  const [state, setState] = useState(() => initialState(sensor));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const set = <K extends keyof State>(key: K, value: State[K]) => {
    setSaved(false);
    setState((current) => ({ ...current, [key]: value }));
  };
  /** A narrow decimal input bound to one of the form's text fields. */
  const decimalField = (
    suffix: string,
    label: string,
    key: 'lowerSpec' | 'upperSpec' | 'target' | 'center' | 'sigma',
  ) => (
    <InputField
      id={`${id}-${suffix}`}
      label={label}
      inputMode="decimal"
      value={state[key]}
      onChange={(v) => set(key, v)}
      narrow
    />
  );
  const toggleRule = (rule: RuleId, on: boolean) => {
    const rules = new Set(state.rules);
    if (on) rules.add(rule);
    else rules.delete(rule);
    set('rules', rules);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = patchOf(sensor, state);
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    update.mutate(result.patch, {
      onSuccess: (next) => {
        setState(initialState(next));
        setSaved(true);
      },
    });
  };

  const limits = sensor.controlLimits;
  const unit = sensor.unit ? ` ${sensor.unit}` : '';
  return (
    <section className="card" aria-labelledby="detection-heading">
      <h2 id="detection-heading">Detection settings</h2>
      <form className="form detection-form" onSubmit={submit} aria-label="Detection settings">
        <fieldset className="detection-group">
          <legend>Spec limits</legend>
          <div className="form-grid">
            {decimalField('lsl', `Lower spec limit${unit}`, 'lowerSpec')}
            {decimalField('usl', `Upper spec limit${unit}`, 'upperSpec')}
            {decimalField('target', `Target${unit}`, 'target')}
          </div>
          <label className="choice">
            <input type="checkbox" checked={state.spec} onChange={(e) => set('spec', e.target.checked)} />
            Alarm when a reading leaves the spec limits
          </label>
        </fieldset>

        <fieldset className="detection-group">
          <legend>SPC run rules (against the control lines)</legend>
          <div className="rule-grid">
            {(['Western Electric', 'Nelson'] as const).map((family) => (
              <div key={family} className="rule-family">
                <p className="eyebrow">{family}</p>
                {RULES.filter((r) => r.family === family).map((rule) => (
                  <label key={rule.id} className="choice">
                    <input
                      type="checkbox"
                      name="rules"
                      value={rule.id}
                      checked={state.rules.has(rule.id)}
                      onChange={(e) => toggleRule(rule.id, e.target.checked)}
                    />
                    <span>
                      <strong>{rule.id.toUpperCase()}</strong> {rule.text}
                    </span>
                  </label>
                ))}
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset className="detection-group">
          <legend>Statistical detectors</legend>
          <label className="choice">
            <input type="checkbox" checked={state.zscore} onChange={(e) => set('zscore', e.target.checked)} />
            Rolling z-score
          </label>
          <div className="form-grid">
            <InputField
              id={`${id}-zwindow`}
              label="Window (readings)"
              type="number"
              min={10}
              max={1000}
              step={1}
              value={state.zWindow}
              onChange={(v) => set('zWindow', v)}
              disabled={!state.zscore}
              narrow
            />
            <InputField
              id={`${id}-zthreshold`}
              label="Threshold |z| >"
              type="number"
              min={0.1}
              max={100}
              step="any"
              value={state.zThreshold}
              onChange={(v) => set('zThreshold', v)}
              disabled={!state.zscore}
              narrow
            />
          </div>
          <label className="choice">
            <input type="checkbox" checked={state.ewma} onChange={(e) => set('ewma', e.target.checked)} />
            EWMA
          </label>
          <div className="form-grid">
            <InputField
              id={`${id}-lambda`}
              label="λ (weight of the newest reading)"
              type="number"
              min={0.01}
              max={1}
              step="any"
              value={state.lambda}
              onChange={(v) => set('lambda', v)}
              disabled={!state.ewma}
              narrow
            />
            <InputField
              id={`${id}-ewma-width`}
              label="Limit width (σ of the EWMA)"
              type="number"
              min={0.1}
              max={10}
              step="any"
              value={state.ewmaWidth}
              onChange={(v) => set('ewmaWidth', v)}
              disabled={!state.ewma}
              narrow
            />
          </div>
        </fieldset>

        <fieldset className="detection-group">
          <legend>Control limits</legend>
          <p className="field-hint">
            Now:{' '}
            {limits
              ? `center ${formatValue(limits.center)}, σ ${formatValue(limits.sigma)} (${
                  limits.source === 'manual' ? 'set by hand' : 'learned from readings'
                })`
              : 'being learned from the next readings'}
          </p>
          <div className="choice-group">
            {limits ? (
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-limits`}
                  checked={state.limits === 'keep'}
                  onChange={() => set('limits', 'keep')}
                />
                Keep them
              </label>
            ) : null}
            <label className="choice">
              <input
                type="radio"
                name={`${id}-limits`}
                checked={state.limits === 'manual'}
                onChange={() => set('limits', 'manual')}
              />
              Set by hand
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-limits`}
                checked={state.limits === 'relearn'}
                onChange={() => set('limits', 'relearn')}
              />
              {limits ? 'Learn them again from the next readings' : 'Learn them from the next readings'}
            </label>
          </div>
          <div className="form-grid">
            {state.limits === 'manual' ? (
              <>
                {decimalField('center', `Center line${unit}`, 'center')}
                {decimalField('sigma', `σ${unit}`, 'sigma')}
              </>
            ) : null}
            <InputField
              id={`${id}-baseline`}
              label="Readings to learn from"
              type="number"
              min={10}
              max={100000}
              step={1}
              value={state.baselineCount}
              onChange={(v) => set('baselineCount', v)}
              narrow
            />
            <InputField
              id={`${id}-clear-after`}
              label="Clear an alarm after it is quiet for (s)"
              type="number"
              min={0}
              max={2592000}
              step={1}
              value={state.clearAfter}
              onChange={(v) => set('clearAfter', v)}
              narrow
            />
          </div>
        </fieldset>

        {problem ? (
          <div className="notice notice-error" role="alert">
            <p>{problem}</p>
          </div>
        ) : null}
        {update.isError ? <ErrorNotice error={update.error} title="Could not save the settings" /> : null}
        {saved ? (
          <p className="notice notice-success" role="status">
            Saved. New readings are judged with these settings.
          </p>
        ) : null}
        <FormActions label="Save settings" pendingLabel="Saving…" pending={update.isPending} />
      </form>
    </section>
  );
}
