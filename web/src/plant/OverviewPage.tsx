// The plant overview: a live card per line, grouped by facility.
import { useState } from 'react';
import { useMe, usePermissions } from '../auth/hooks';
import type { Facility } from '../auth/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { formatDate } from '../format';
import { PLANT_OVERVIEW_PAGE, TELEMETRY_ALARMS_PAGE } from '../modules';
import type { PushedEvent } from '../realtime';
import { Link } from '../router';
import { useAlarmSummary, useAlarmsLive } from '../telemetry/hooks';
import { type DowntimeReason, isBatchEvent, type Line } from './api';
import { plantDay } from './format';
import { useLines, useOeeReport, useReasons } from './hooks';
import { LineCard, type ScrapAlarm } from './LineCard';
import { LiveIndicator } from './LiveIndicator';
import { usePlantLive } from './live';

function FacilityLines({
  facility,
  lines,
  reasons,
  canOperate,
  alarms,
}: {
  facility: Facility | undefined;
  lines: readonly Line[];
  reasons: readonly DowntimeReason[];
  canOperate: boolean;
  alarms: Record<string, ScrapAlarm>;
}) {
  const timezone = facility?.timezone ?? 'UTC';
  const today = plantDay(timezone);
  const oee = useOeeReport({
    groupBy: 'line',
    from: today,
    to: today,
    ...(facility ? { facilityId: facility.id } : {}),
  });
  const byLine = new Map((oee.data?.groups ?? []).map((group) => [group.key, group]));
  return (
    <section className="facility-lines" aria-label={facility?.name ?? 'Lines'}>
      <h2 className="facility-heading">
        {facility?.name ?? 'Lines'}{' '}
        <span className="muted">
          · today is {formatDate(today)} ({timezone})
        </span>
      </h2>
      {oee.isError ? <ErrorNotice error={oee.error} title="Could not load today’s OEE" /> : null}
      <div className="line-grid">
        {lines.map((line) => (
          <LineCard
            key={line.id}
            line={line}
            today={byLine.get(line.id)}
            todayLoading={oee.isPending}
            reasons={reasons}
            canOperate={canOperate}
            alarm={alarms[line.id]}
          />
        ))}
      </div>
    </section>
  );
}

/** Sensor alarms not cleared, live (topic `tenant`), with a way to the alarm list. */
function SensorAlarmsCard() {
  const summary = useAlarmSummary();
  useAlarmsLive();
  if (!summary.data) return null;
  const { open, acknowledged, critical } = summary.data;
  return (
    <section className="card overview-alarms" aria-label="Sensor alarms" data-testid="overview-alarms">
      <p>
        <strong>{open}</strong> open sensor alarm{open === 1 ? '' : 's'}
        {critical > 0 ? <span className="muted"> ({critical} critical, acknowledged included)</span> : null},{' '}
        <strong>{acknowledged}</strong> acknowledged ·{' '}
        <Link to={TELEMETRY_ALARMS_PAGE.path}>Go to the alarms</Link>
      </p>
    </section>
  );
}

export function OverviewPage() {
  const permissions = usePermissions();
  const facilities = useMe().data?.facilities ?? [];
  const lines = useLines();
  const reasons = useReasons();
  const [alarms, setAlarms] = useState<Record<string, ScrapAlarm>>({});
  const items = lines.data?.items ?? [];

  usePlantLive(
    items.map((line) => line.id),
    (event: PushedEvent) => {
      if (event.type !== 'ScrapDetected' || !isBatchEvent(event.data)) return;
      const { batchId, lineId, code } = event.data;
      const { scrapRate, threshold } = event.data as { scrapRate?: unknown; threshold?: unknown };
      if (typeof scrapRate !== 'number' || typeof threshold !== 'number') return;
      setAlarms((current) => ({ ...current, [lineId]: { batchId, code, scrapRate, threshold } }));
    },
  );

  const facilityIds = [...new Set(items.map((line) => line.facilityId))];
  return (
    <>
      <PageHeader
        title={PLANT_OVERVIEW_PAGE.title}
        description={PLANT_OVERVIEW_PAGE.description}
        actions={<LiveIndicator />}
      />
      <SensorAlarmsCard />
      {lines.isPending ? <p className="state-message">Loading lines…</p> : null}
      {lines.isError ? <ErrorNotice error={lines.error} title="Could not load the lines" /> : null}
      {reasons.isError ? (
        <ErrorNotice error={reasons.error} title="Could not load the downtime reasons" />
      ) : null}
      {lines.data && items.length === 0 ? (
        <section className="card" aria-label="No lines">
          <p className="state-message" data-testid="lines-empty">
            No production lines yet. An administrator adds them through the API (
            <a href="/docs">POST /api/v1/plant-ops/lines</a>).
          </p>
        </section>
      ) : null}
      {facilityIds.map((facilityId) => (
        <FacilityLines
          key={facilityId}
          facility={facilities.find((f) => f.id === facilityId)}
          lines={items.filter((line) => line.facilityId === facilityId)}
          reasons={reasons.data ?? []}
          canOperate={permissions.operatePlant}
          alarms={alarms}
        />
      ))}
    </>
  );
}
