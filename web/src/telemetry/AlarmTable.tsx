// Alarms as a table, with acknowledge (with an optional note) and clear for those who operate.
import { type FormEvent, Fragment, type ReactNode, useId, useState } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { formatDateTime } from '../format';
import { Link } from '../router';
import type { Alarm } from './api';
import {
  ALARM_STATUS_BADGE,
  ALARM_STATUS_LABEL,
  formatInstant,
  formatValue,
  ruleLabel,
  SEVERITY_BADGE,
  SEVERITY_LABEL,
} from './format';
import { useAcknowledgeAlarm, useClearAlarm } from './hooks';
import { sensorPath } from './paths';

type Action = 'acknowledge' | 'clear';

const ACTION_LABEL: Record<Action, string> = { acknowledge: 'Acknowledge', clear: 'Clear' };

/** Acknowledge or clear one alarm, with an optional note. */
function AlarmActionForm({
  alarm,
  action,
  onDone,
  onCancel,
}: {
  alarm: Alarm;
  action: Action;
  onDone: () => void;
  onCancel: () => void;
}) {
  const acknowledge = useAcknowledgeAlarm();
  const clear = useClearAlarm();
  const mutation = action === 'acknowledge' ? acknowledge : clear;
  const [note, setNote] = useState('');
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ alarmId: alarm.id, note: note.trim() }, { onSuccess: onDone });
  };
  const label = ACTION_LABEL[action];
  return (
    <form
      className="form alarm-action-form"
      onSubmit={submit}
      aria-label={`${label} alarm: ${alarm.message}`}
    >
      <InputField
        id={`${id}-note`}
        label="Note (optional)"
        maxLength={2000}
        value={note}
        onChange={setNote}
        placeholder={action === 'acknowledge' ? 'What is being done about it' : 'Why it can be cleared'}
      />
      <FormActions
        label={label}
        pendingLabel={action === 'acknowledge' ? 'Acknowledging…' : 'Clearing…'}
        pending={mutation.isPending}
        onCancel={onCancel}
        small
      />
      {mutation.isError ? (
        <ErrorNotice error={mutation.error} title={`Could not ${action} the alarm`} />
      ) : null}
    </form>
  );
}

function AlarmStatusCell({ alarm }: { alarm: Alarm }) {
  return (
    <>
      <span className={`badge ${ALARM_STATUS_BADGE[alarm.status]}`} data-testid="alarm-status">
        {ALARM_STATUS_LABEL[alarm.status]}
      </span>
      {alarm.status === 'acknowledged' ? (
        <span className="muted alarm-note">
          <br />
          {formatInstant(alarm.acknowledgedAt)}
          {alarm.ackNote ? ` · ${alarm.ackNote}` : ''}
        </span>
      ) : null}
      {alarm.status === 'cleared' ? (
        <span className="muted alarm-note">
          <br />
          {alarm.clearedBy ? formatInstant(alarm.clearedAt) : `by itself ${formatInstant(alarm.clearedAt)}`}
          {alarm.clearNote ? ` · ${alarm.clearNote}` : ''}
        </span>
      ) : null}
    </>
  );
}

export function AlarmTable({
  alarms,
  canOperate,
  sensorLabel,
  highlighted,
  busy,
  caption,
}: {
  alarms: readonly Alarm[];
  canOperate: boolean;
  /** The sensor column's content; left out when not given (a sensor's own page). */
  sensorLabel?: (alarm: Alarm) => ReactNode;
  /** Alarms that arrived live since the page opened. */
  highlighted?: ReadonlySet<string>;
  busy?: boolean;
  caption: string;
}) {
  const [acting, setActing] = useState<{ alarmId: string; action: Action } | null>(null);
  const columns = [
    'Opened',
    ...(sensorLabel ? ['Sensor'] : []),
    'Alarm',
    'Severity',
    'Value',
    'Status',
    ...(canOperate ? [{ label: 'Actions', hidden: true as const }] : []),
  ];
  return (
    <DataTable columns={columns} dense busy={busy} caption={caption} testId="alarms-table">
      {alarms.map((alarm) => (
        <Fragment key={alarm.id}>
          <tr
            data-testid={`alarm-${alarm.id}`}
            data-status={alarm.status}
            className={highlighted?.has(alarm.id) ? 'alarm-row is-new' : 'alarm-row'}
          >
            <td className="alarm-opened" title={formatDateTime(alarm.openedAt)}>
              <span className="cell-nowrap">{formatInstant(alarm.openedAt)}</span>
              {highlighted?.has(alarm.id) ? <span className="badge badge-live badge-inline">new</span> : null}
              <br />
              <span className="muted alarm-note" title={`Last signal ${formatDateTime(alarm.lastSignalAt)}`}>
                {alarm.signalCount === 1
                  ? '1 signal'
                  : `${alarm.signalCount} signals, last ${formatInstant(alarm.lastSignalAt)}`}
              </span>
            </td>
            {sensorLabel ? <td className="cell-nowrap">{sensorLabel(alarm)}</td> : null}
            <td className="alarm-message">
              <span className="alarm-rule">{ruleLabel(alarm.rule)}</span> {alarm.message}
            </td>
            <td>
              <span className={`badge ${SEVERITY_BADGE[alarm.severity]}`}>
                {SEVERITY_LABEL[alarm.severity]}
              </span>
            </td>
            <td className="cell-number">{formatValue(alarm.value)}</td>
            <td>
              <AlarmStatusCell alarm={alarm} />
            </td>
            {canOperate ? (
              <td className="cell-actions">
                <div className="alarm-actions">
                  {alarm.status === 'open' ? (
                    <button
                      type="button"
                      className="button button-small"
                      aria-expanded={acting?.alarmId === alarm.id && acting.action === 'acknowledge'}
                      onClick={() => setActing({ alarmId: alarm.id, action: 'acknowledge' })}
                    >
                      Acknowledge…
                    </button>
                  ) : null}
                  {alarm.status !== 'cleared' ? (
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-expanded={acting?.alarmId === alarm.id && acting.action === 'clear'}
                      onClick={() => setActing({ alarmId: alarm.id, action: 'clear' })}
                    >
                      Clear…
                    </button>
                  ) : null}
                </div>
              </td>
            ) : null}
          </tr>
          {acting?.alarmId === alarm.id ? (
            <tr className="alarm-action-row">
              <td colSpan={columns.length}>
                <AlarmActionForm
                  key={acting.action}
                  alarm={alarm}
                  action={acting.action}
                  onDone={() => setActing(null)}
                  onCancel={() => setActing(null)}
                />
              </td>
            </tr>
          ) : null}
        </Fragment>
      ))}
    </DataTable>
  );
}

/** A link to the sensor an alarm is about, by key when known. */
export function AlarmSensorLink({
  alarm,
  sensors,
}: {
  alarm: Alarm;
  sensors: ReadonlyMap<string, { key: string; name: string }>;
}) {
  if (!alarm.sensorId) return <span className="muted">sensor group</span>;
  const sensor = sensors.get(alarm.sensorId);
  return (
    <Link to={sensorPath(alarm.sensorId)} title={sensor?.name}>
      {sensor?.key ?? 'sensor'}
    </Link>
  );
}
