// Every sensor with its newest reading (live), spec status, last two hours and active alarms.
import { useEffect, useState } from 'react';
import { withQuery } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { useDebounced } from '../debounce';
import { useLines } from '../plant/hooks';
import { useNow } from '../plant/live';
import { Link, navigate, useSearchParam } from '../router';
import { SENSOR_TYPES, type SensorItem, type SensorType } from './api';
import {
  formatAge,
  formatValue,
  SPEC_STATUS_BADGE,
  SPEC_STATUS_LABEL,
  type SpecStatus,
  specStatus,
} from './format';
import { useSensors, useSensorsLive } from './hooks';
import { TelemetryLiveIndicator } from './LiveIndicator';
import { sensorPath, TELEMETRY_SENSORS_PAGE } from './paths';
import { Sparkline } from './Sparkline';

const PAGE_SIZE = 50;

const isSensorType = (value: string | null): value is SensorType =>
  SENSOR_TYPES.includes(value as SensorType);

const TONE: Record<SpecStatus, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  none: 'neutral',
  stale: 'neutral',
  ok: 'ok',
  near: 'warn',
  low: 'bad',
  high: 'bad',
};

function SensorRow({ item, lineName, now }: { item: SensorItem; lineName: string; now: number }) {
  const { sensor, activeAlarms, sparkline } = item;
  const status = specStatus(sensor, sensor.lastValue, sensor.lastTs, now);
  return (
    <tr data-testid={`sensor-row-${sensor.key}`} className={`sensor-row sensor-row-${status}`}>
      <td>
        <Link to={sensorPath(sensor.id)} className="sensor-key">
          {sensor.key}
        </Link>
        <br />
        <span className="muted">{sensor.name}</span>
      </td>
      <td>{lineName}</td>
      <td>{sensor.type}</td>
      <td className="cell-number cell-nowrap">
        <span className="sensor-value" data-testid="sensor-value" data-ts={sensor.lastTs ?? ''}>
          {formatValue(sensor.lastValue, sensor.unit)}
        </span>
        <br />
        <span className="muted" data-testid="sensor-age">
          {formatAge(sensor.lastTs, now)}
        </span>
      </td>
      <td>
        <span className={`badge ${SPEC_STATUS_BADGE[status]}`} data-testid="sensor-spec" data-status={status}>
          {SPEC_STATUS_LABEL[status]}
        </span>
      </td>
      <td>
        <Sparkline values={sparkline} unit={sensor.unit} label={sensor.name} tone={TONE[status]} />
      </td>
      <td className="cell-number">
        {activeAlarms > 0 ? (
          <Link
            to={sensorPath(sensor.id)}
            className="badge badge-bad alarm-count"
            data-testid="sensor-alarms"
            aria-label={`${activeAlarms} active alarm${activeAlarms === 1 ? '' : 's'} on ${sensor.key}`}
          >
            {activeAlarms}
          </Link>
        ) : (
          <span className="muted" data-testid="sensor-alarms">
            0
          </span>
        )}
      </td>
    </tr>
  );
}

export function SensorsPage() {
  const lines = useLines();
  const typeParam = useSearchParam('type');
  const type: SensorType | '' = isSensorType(typeParam) ? typeParam : '';
  const lineId = useSearchParam('line') ?? '';
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const [text, setText] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const qParam = useSearchParam('q') ?? '';
  const now = useNow(1000);

  const sensors = useSensors({ q, type, lineId: lineId || undefined, limit: PAGE_SIZE, offset });
  const items = sensors.data?.items ?? [];
  useSensorsLive(items.map((item) => item.sensor.id));

  const lineNames = new Map((lines.data?.items ?? []).map((line) => [line.id, line.name]));
  const show = (next: { type?: string; line?: string; q?: string; offset?: number }) => {
    const params = { type, line: lineId, q, offset: 0, ...next };
    navigate(withQuery('/telemetry', { ...params, offset: params.offset || undefined }), { replace: true });
  };
  const filtered = Boolean(q || type || lineId);

  // The search settles into the address (replacing it), so Back returns to the same list.
  useEffect(() => {
    if (q === qParam) return;
    const params = new URLSearchParams(window.location.search);
    navigate(withQuery('/telemetry', { type: params.get('type'), line: params.get('line'), q }), {
      replace: true,
    });
  }, [q, qParam]);

  return (
    <>
      <PageHeader
        title={TELEMETRY_SENSORS_PAGE.title}
        description={TELEMETRY_SENSORS_PAGE.description}
        actions={<TelemetryLiveIndicator />}
      />
      <section className="card" aria-labelledby="sensors-heading">
        <h2 id="sensors-heading">Sensors</h2>
        <div className="toolbar">
          <InputField
            id="sensors-q"
            label="Search"
            type="search"
            placeholder="Key or name"
            value={text}
            onChange={setText}
          />
          <SelectField
            id="sensors-type"
            label="Type"
            value={type}
            onChange={(value) => show({ type: value })}
          >
            <option value="">All types</option>
            {SENSOR_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </SelectField>
          <SelectField id="sensors-line" label="Line" value={lineId} onChange={(line) => show({ line })}>
            <option value="">All lines</option>
            {(lines.data?.items ?? []).map((line) => (
              <option key={line.id} value={line.id}>
                {line.name}
              </option>
            ))}
          </SelectField>
        </div>
        {sensors.isPending ? <p className="state-message">Loading sensors…</p> : null}
        {sensors.isError ? <ErrorNotice error={sensors.error} title="Could not load the sensors" /> : null}
        {sensors.data && items.length === 0 ? (
          <p className="state-message" data-testid="sensors-empty">
            {filtered
              ? 'No sensors match these filters.'
              : 'No sensors yet. An administrator registers them through the API (POST /api/v1/plant-ops/sensors), or they are created as devices publish.'}
          </p>
        ) : null}
        {items.length > 0 ? (
          <DataTable
            columns={['Sensor', 'Line', 'Type', 'Last value', 'Spec', 'Last 2 h', 'Alarms']}
            dense
            busy={sensors.isFetching && sensors.isPlaceholderData}
            caption="Sensors with their newest reading"
            testId="sensors-table"
          >
            {items.map((item) => (
              <SensorRow
                key={item.sensor.id}
                item={item}
                lineName={item.sensor.lineId ? (lineNames.get(item.sensor.lineId) ?? '—') : '—'}
                now={now}
              />
            ))}
          </DataTable>
        ) : null}
        <Pagination page={sensors.data} onChange={(next) => show({ offset: next })} label="Sensors" />
      </section>
    </>
  );
}
