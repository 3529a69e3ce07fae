// The form that adds a notification rule: an event kind, its conditions and the channels told
// (alarm rules: a second list for the escalation).
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { type Channel, EVENT_KINDS, type EventKind, type RuleInput, useRuleActions } from './api';

export function NewRule({ channels }: { channels: Channel[] }) {
  const { create } = useRuleActions();
  const [name, setName] = useState('');
  const [eventKind, setEventKind] = useState<EventKind>('analysis.completed');
  const [chosen, setChosen] = useState<string[]>([]);
  const [escalation, setEscalation] = useState<string[]>([]);
  const [minSeverity, setMinSeverity] = useState('high');
  const [afterMinutes, setAfterMinutes] = useState('15');
  const [escalateAfter, setEscalateAfter] = useState('');
  const [threshold, setThreshold] = useState('5');
  const [windowMinutes, setWindowMinutes] = useState('60');
  const toggle = (list: string[], set: (l: string[]) => void, id: string, on: boolean) =>
    set(on ? [...list, id] : list.filter((x) => x !== id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params: NonNullable<RuleInput['params']> = {};
    if (eventKind === 'insight.severity') params.minSeverity = minSeverity as never;
    if (eventKind === 'alarm.unacknowledged') {
      params.afterMinutes = Number(afterMinutes);
      if (escalateAfter) params.escalateAfterMinutes = Number(escalateAfter);
    }
    if (eventKind === 'inspection.reject_rate') {
      params.thresholdPercent = Number(threshold);
      params.windowMinutes = Number(windowMinutes);
    }
    create.mutate(
      {
        name: name.trim(),
        eventKind,
        params,
        channelIds: chosen,
        ...(eventKind === 'alarm.unacknowledged' && escalation.length > 0
          ? { escalationChannelIds: escalation }
          : {}),
      },
      { onSuccess: () => setName('') },
    );
  };
  const picker = (label: string, list: string[], set: (l: string[]) => void) => (
    <fieldset className="checkbox-row">
      <legend>{label}</legend>
      {channels.map((c) => (
        <label key={c.id}>
          <input
            type="checkbox"
            checked={list.includes(c.id)}
            onChange={(e) => toggle(list, set, c.id, e.target.checked)}
          />
          {c.name}
        </label>
      ))}
    </fieldset>
  );
  return (
    <form onSubmit={submit} aria-labelledby="new-rule-heading">
      <h3 id="new-rule-heading">New rule</h3>
      <div className="form-grid">
        <InputField id="rule-name" label="Name" required maxLength={100} value={name} onChange={setName} />
        <SelectField
          id="rule-kind"
          label="When"
          value={eventKind}
          onChange={(v) => setEventKind(v as EventKind)}
        >
          {EVENT_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </SelectField>
        {eventKind === 'insight.severity' ? (
          <SelectField id="rule-severity" label="At least" value={minSeverity} onChange={setMinSeverity}>
            {['info', 'low', 'medium', 'high', 'critical'].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        ) : null}
        {eventKind === 'alarm.unacknowledged' ? (
          <>
            <InputField
              id="rule-after"
              label="After (minutes)"
              type="number"
              min={1}
              max={10080}
              narrow
              value={afterMinutes}
              onChange={setAfterMinutes}
            />
            <InputField
              id="rule-escalate"
              label="Escalate after (more minutes)"
              type="number"
              min={1}
              max={10080}
              narrow
              value={escalateAfter}
              onChange={setEscalateAfter}
            />
          </>
        ) : null}
        {eventKind === 'inspection.reject_rate' ? (
          <>
            <InputField
              id="rule-threshold"
              label="Reject rate above (%)"
              type="number"
              min={0}
              max={100}
              step="0.1"
              narrow
              value={threshold}
              onChange={setThreshold}
            />
            <InputField
              id="rule-window"
              label="Over (minutes)"
              type="number"
              min={1}
              max={10080}
              narrow
              value={windowMinutes}
              onChange={setWindowMinutes}
            />
          </>
        ) : null}
      </div>
      {picker('Send to', chosen, setChosen)}
      {eventKind === 'alarm.unacknowledged' && escalateAfter
        ? picker('Escalate to', escalation, setEscalation)
        : null}
      {create.isError ? <ErrorNotice error={create.error} title="Could not create the rule" /> : null}
      <FormActions
        label="Add rule"
        pendingLabel="Adding…"
        pending={create.isPending}
        disabled={chosen.length === 0}
        small
      />
    </form>
  );
}
