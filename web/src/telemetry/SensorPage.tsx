// One sensor: its newest reading (live), limits, chart, active alarms, and detection settings for admins.
import { ErrorNotice } from '../components/ErrorNotice';
import { Fact } from '../components/Fact';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { useLines } from '../plant/hooks';
import { useNow } from '../plant/live';
import { Link } from '../router';
import { AlarmTable } from './AlarmTable';
import type { Sensor } from './api';
import { DetectionForm } from './DetectionForm';
import {
  formatAge,
  formatSpec,
  formatValue,
  SPEC_STATUS_BADGE,
  SPEC_STATUS_LABEL,
  specStatus,
} from './format';
import { useSensor, useTelemetryRights } from './hooks';
import { TelemetryLiveIndicator } from './LiveIndicator';
import { TELEMETRY_ALARMS_PAGE } from './paths';
import { SensorChart } from './SensorChart';

function SensorFacts({ sensor, lineName }: { sensor: Sensor; lineName: string }) {
  const now = useNow(1000);
  const status = specStatus(sensor, sensor.lastValue, sensor.lastTs, now);
  const limits = sensor.controlLimits;
  return (
    <section className="card" aria-labelledby="sensor-facts-heading">
      <h2 id="sensor-facts-heading">Now</h2>
      <div className="sensor-now">
        <span className="sensor-now-value" data-testid="sensor-last-value" data-ts={sensor.lastTs ?? ''}>
          {formatValue(sensor.lastValue, sensor.unit)}
        </span>
        <span className={`badge ${SPEC_STATUS_BADGE[status]}`} data-testid="sensor-spec" data-status={status}>
          {SPEC_STATUS_LABEL[status]}
        </span>
        <span className="muted" title={formatDateTime(sensor.lastTs)}>
          {formatAge(sensor.lastTs, now)}
        </span>
      </div>
      <dl className="facts">
        <Fact label="Key">
          <code>{sensor.key}</code>
        </Fact>
        <Fact label="Type">{sensor.type}</Fact>
        <Fact label="Line">{lineName}</Fact>
        <Fact label="Equipment">{sensor.equipment ?? '—'}</Fact>
        <Fact label="Spec limits" testId="sensor-spec-limits">
          {formatSpec(sensor)}
        </Fact>
        <Fact label="Target">{formatValue(sensor.target, sensor.unit)}</Fact>
        <Fact label="Control lines" testId="sensor-control-limits">
          {limits ? (
            <>
              {formatValue(limits.center - 3 * limits.sigma)} · {formatValue(limits.center)} ·{' '}
              {formatValue(limits.center + 3 * limits.sigma)}
              <span className="muted"> ({limits.source === 'manual' ? 'set by hand' : 'learned'})</span>
            </>
          ) : (
            'being learned'
          )}
        </Fact>
        <Fact label="Sampling">{sensor.samplingSeconds ? `every ${sensor.samplingSeconds} s` : '—'}</Fact>
      </dl>
    </section>
  );
}

export function SensorPage({ id }: { id: string }) {
  const rights = useTelemetryRights();
  const detail = useSensor(id);
  const lines = useLines();
  const sensor = detail.data?.sensor;
  const lineName = sensor?.lineId
    ? (lines.data?.items.find((line) => line.id === sensor.lineId)?.name ?? '—')
    : '—';
  const alarms = detail.data?.activeAlarms ?? [];

  return (
    <>
      <PageHeader
        title={sensor ? sensor.name : 'Sensor'}
        description={
          sensor
            ? `${sensor.key} · ${sensor.type}${lineName !== '—' ? ` on ${lineName}` : ''}${
                sensor.equipment ? ` · ${sensor.equipment}` : ''
              }`
            : 'A sensor, its readings and its alarms.'
        }
        actions={<TelemetryLiveIndicator />}
      />
      <p className="back-link">
        <Link to="/telemetry">← All sensors</Link>
      </p>
      {detail.isPending ? <p className="state-message">Loading the sensor…</p> : null}
      {detail.isError ? <ErrorNotice error={detail.error} title="Could not load the sensor" /> : null}
      {sensor ? (
        <>
          <SensorFacts sensor={sensor} lineName={lineName} />
          <SensorChart sensor={sensor} activeAlarms={alarms} />
          <section className="card" aria-labelledby="sensor-alarms-heading" data-testid="sensor-alarms-card">
            <h2 id="sensor-alarms-heading">
              Active alarms <span className="muted">({alarms.length})</span>
            </h2>
            {alarms.length === 0 ? (
              <p className="state-message" data-testid="sensor-alarms-empty">
                No active alarms.
              </p>
            ) : (
              <AlarmTable
                alarms={alarms}
                canOperate={rights.operate}
                caption={`Active alarms of ${sensor.key}`}
              />
            )}
            <p className="field-hint">
              <Link to={`${TELEMETRY_ALARMS_PAGE.path}?sensor=${encodeURIComponent(sensor.id)}&status=all`}>
                Every alarm of this sensor
              </Link>
            </p>
          </section>
          {rights.admin ? <DetectionForm key={sensor.id} sensor={sensor} /> : null}
        </>
      ) : null}
    </>
  );
}
