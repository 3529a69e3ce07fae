// The organisation's alarms, newest first, filtered by status (active by default), severity and
// sensor (kept in the address); acknowledge and clear them; new ones appear as they open.
import { useState } from 'react';
import { withQuery } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { Link, navigate, useSearchParam } from '../router';
import { AlarmSensorLink, AlarmTable } from './AlarmTable';
import { ALARM_STATUSES, type AlarmFilter, type AlarmStatus, SEVERITIES, type Severity } from './api';
import { ALARM_STATUS_LABEL, SEVERITY_LABEL } from './format';
import { useAlarms, useAlarmsLive, useSensors, useTelemetryRights } from './hooks';
import { TelemetryLiveIndicator } from './LiveIndicator';
import { sensorPath, TELEMETRY_ALARMS_PAGE } from './paths';

const PAGE_SIZE = 50;

/** The status filter in the address: absent → active, `all` → any. */
function statusOf(param: string | null): AlarmFilter['status'] {
  if (param === 'all') return '';
  if (param === 'active' || ALARM_STATUSES.includes(param as AlarmStatus))
    return param as AlarmStatus | 'active';
  return 'active';
}

export function AlarmsPage() {
  const rights = useTelemetryRights();
  const status = statusOf(useSearchParam('status'));
  const severityParam = useSearchParam('severity');
  const severity: Severity | '' = SEVERITIES.includes(severityParam as Severity)
    ? (severityParam as Severity)
    : '';
  const sensorId = useSearchParam('sensor') ?? '';
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const [arrived, setArrived] = useState<ReadonlySet<string>>(new Set());

  const filter: AlarmFilter = {
    status,
    severity,
    limit: PAGE_SIZE,
    offset,
    ...(sensorId ? { sensorId } : {}),
  };
  const alarms = useAlarms(filter);
  const sensors = useSensors({ limit: 200, offset: 0 });
  const byId = new Map((sensors.data?.items ?? []).map(({ sensor }) => [sensor.id, sensor]));
  const sensor = sensorId ? byId.get(sensorId) : undefined;

  useAlarmsLive((type, alarmId) => {
    if (type === 'AnomalyDetected') setArrived((current) => new Set(current).add(alarmId));
  });

  const show = (next: { status?: string; severity?: string; sensor?: string; offset?: number }) => {
    const params = { status: status === '' ? 'all' : status, severity, sensor: sensorId, offset: 0, ...next };
    navigate(
      withQuery(TELEMETRY_ALARMS_PAGE.path, {
        ...params,
        status: params.status === 'active' ? undefined : params.status,
        offset: params.offset || undefined,
      }),
      { replace: true },
    );
  };

  const items = alarms.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={TELEMETRY_ALARMS_PAGE.title}
        description={TELEMETRY_ALARMS_PAGE.description}
        actions={
          <>
            <ExportMenu
              path="/api/v1/plant-ops/alarms/export"
              params={{
                status: status || undefined,
                severity: severity || undefined,
                sensorId: sensorId || undefined,
              }}
              formats={['pdf', 'csv', 'xlsx']}
              what="the alarm report"
            />
            <TelemetryLiveIndicator />
          </>
        }
      />
      <section className="card" aria-labelledby="alarms-heading">
        <h2 id="alarms-heading">Alarms</h2>
        <div className="toolbar">
          <SelectField
            id="alarms-status"
            label="Status"
            value={status === '' ? 'all' : status}
            onChange={(value) => show({ status: value })}
          >
            <option value="active">Active</option>
            {ALARM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ALARM_STATUS_LABEL[s]}
              </option>
            ))}
            <option value="all">Any status</option>
          </SelectField>
          <SelectField
            id="alarms-severity"
            label="Severity"
            value={severity}
            onChange={(value) => show({ severity: value })}
          >
            <option value="">Any severity</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABEL[s]}
              </option>
            ))}
          </SelectField>
          {sensorId ? (
            <p className="filter-chip">
              Sensor{' '}
              <Link to={sensorPath(sensorId)}>
                <strong>{sensor?.key ?? 'one sensor'}</strong>
              </Link>{' '}
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => show({ sensor: '' })}
              >
                All sensors
              </button>
            </p>
          ) : null}
        </div>
        {alarms.isPending ? <p className="state-message">Loading alarms…</p> : null}
        {alarms.isError ? <ErrorNotice error={alarms.error} title="Could not load the alarms" /> : null}
        {alarms.data && items.length === 0 ? (
          <p className="state-message" data-testid="alarms-empty">
            {status === 'active' && !severity
              ? 'No active alarms: every sensor is quiet.'
              : 'No alarms match these filters.'}
          </p>
        ) : null}
        {items.length > 0 ? (
          <AlarmTable
            alarms={items}
            canOperate={rights.operate}
            sensorLabel={(alarm) => <AlarmSensorLink alarm={alarm} sensors={byId} />}
            highlighted={arrived}
            busy={alarms.isFetching && alarms.isPlaceholderData}
            caption="Alarms, newest first"
          />
        ) : null}
        <Pagination page={alarms.data} onChange={(next) => show({ offset: next })} label="Alarms" />
      </section>
    </>
  );
}
