// The alarm report: the alarms GET /plant-ops/alarms lists for a filter (all pages), counted by
// severity, status, rule and sensor, with the time to acknowledge, as a report spec and table rows.
import type { AlarmRow } from '../telemetry/alarms.repo.ts';
import { alarmStats } from './alarms.stats.ts';
import { duration, number, utcStamp } from './pdf/layout.ts';
import type { Block, ReportSpec } from './pdf/spec.ts';

export interface AlarmReportData {
  tenantName: string;
  scope: string;
  period: string;
  generatedAt: string;
  alarms: readonly AlarmRow[];
  /** Every alarm matched; more than `alarms` when the report stopped at its limit. */
  matched: number;
  /** Sensor and group names by id. */
  names: ReadonlyMap<string, string>;
}

export const sourceOf = (a: Pick<AlarmRow, 'sensorId' | 'groupId'>, names: ReadonlyMap<string, string>) => {
  const id = a.sensorId ?? a.groupId ?? '';
  return names.get(id) ?? (a.groupId ? `group ${id.slice(0, 8)}` : `sensor ${id.slice(0, 8)}`);
};

const ackMinutes = (a: AlarmRow) =>
  a.acknowledgedAt ? Math.max(0, (a.acknowledgedAt.getTime() - a.openedAt.getTime()) / 60_000) : null;

/** The most alarms listed one by one in the PDF (the counts cover all of them). */
export const LISTED_ALARMS = 500;

export function alarmSpec(d: AlarmReportData): ReportSpec {
  const base = {
    title: 'Alarm report',
    tenantName: d.tenantName,
    period: d.period,
    generatedAt: d.generatedAt,
  };
  const blocks: Block[] = [{ kind: 'paragraph', text: d.scope, muted: true }];
  if (d.alarms.length === 0) {
    blocks.push({ kind: 'noData', text: `No alarm was raised in this period (${d.scope}).` });
    return { ...base, blocks };
  }
  const s = alarmStats(d.alarms.map((a) => ({ ...a, source: sourceOf(a, d.names) })));
  const count = (list: { key: string; count: number }[], key: string) =>
    list.find((c) => c.key === key)?.count ?? 0;
  blocks.push({
    kind: 'tiles',
    tiles: [
      { label: 'Alarms', value: number(d.matched) },
      { label: 'Critical', value: number(count(s.bySeverity, 'critical')) },
      { label: 'Warning', value: number(count(s.bySeverity, 'warning')) },
      {
        label: 'Still open',
        value: number(count(s.byStatus, 'open')),
        note: `${number(count(s.byStatus, 'acknowledged'))} acknowledged, not cleared`,
      },
      {
        label: 'Median time to ack.',
        value: duration(s.ack.medianMinutes),
        note: `${number(s.ack.acknowledged)} acknowledged`,
      },
      { label: '90th percentile to ack.', value: duration(s.ack.p90Minutes) },
      { label: 'Longest to ack.', value: duration(s.ack.maxMinutes) },
      { label: 'Sensors alarming', value: number(s.bySource.length) },
    ],
  });
  if (d.matched > d.alarms.length)
    blocks.push({
      kind: 'paragraph',
      text: `The figures below cover the newest ${number(d.alarms.length)} of ${number(d.matched)} alarms.`,
    });
  blocks.push(
    { kind: 'heading', text: 'Alarms per day' },
    {
      kind: 'groupedBars',
      title: 'Alarms opened per day',
      series: ['Alarms'],
      groups: s.byDay.map((c) => ({ label: c.key.slice(5), values: [c.count] })),
    },
    { kind: 'heading', text: 'Time to acknowledge' },
    {
      kind: 'table',
      columns: [
        { header: 'Severity', weight: 1.4 },
        { header: 'Acknowledged', align: 'right' },
        { header: 'Median', align: 'right' },
        { header: 'Mean', align: 'right' },
        { header: '90th pct.', align: 'right' },
        { header: 'Longest', align: 'right' },
      ],
      rows: [...s.ackBySeverity, { severity: 'all', ...s.ack }].map((r) => [
        r.severity,
        number(r.acknowledged),
        duration(r.medianMinutes),
        duration(r.meanMinutes),
        duration(r.p90Minutes),
        duration(r.maxMinutes),
      ]),
      note: 'From the alarm opening to its acknowledgement; alarms never acknowledged are not counted.',
    },
    { kind: 'heading', text: 'By sensor' },
    {
      kind: 'pareto',
      title: 'Alarms by sensor',
      unit: 'alarms',
      bars: s.bySource.map((c) => ({ label: c.key, value: c.count })),
    },
    {
      kind: 'table',
      columns: [
        { header: 'Sensor or group', weight: 3 },
        { header: 'Alarms', align: 'right' },
      ],
      rows: s.bySource.map((c) => [c.key, number(c.count)]),
    },
    { kind: 'heading', text: 'By severity, rule and status' },
    {
      kind: 'table',
      columns: [
        { header: 'Severity', weight: 2 },
        { header: 'Alarms', align: 'right' },
      ],
      rows: [
        ...['critical', 'warning'].map((severity) => [severity, number(count(s.bySeverity, severity))]),
        ...s.bySeverity
          .filter((c) => c.key !== 'critical' && c.key !== 'warning')
          .map((c) => [c.key, number(c.count)]),
        ['Total', number(s.total)],
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'Rule', weight: 2 },
        { header: 'Alarms', align: 'right' },
      ],
      rows: s.byRule.map((c) => [c.key, number(c.count)]),
    },
    {
      kind: 'table',
      columns: [
        { header: 'Status', weight: 2 },
        { header: 'Alarms', align: 'right' },
      ],
      rows: s.byStatus.map((c) => [c.key, number(c.count)]),
    },
    { kind: 'heading', text: 'Alarms' },
    {
      kind: 'table',
      columns: [
        { header: 'Opened (UTC)', weight: 1.5 },
        { header: 'Sensor', weight: 1.6 },
        { header: 'Rule', weight: 0.9 },
        { header: 'Severity', weight: 0.9 },
        { header: 'Status', weight: 1 },
        { header: 'Message', weight: 2.6 },
        { header: 'To ack.', align: 'right', weight: 0.9 },
      ],
      rows: d.alarms
        .slice(0, LISTED_ALARMS)
        .map((a) => [
          utcStamp(a.openedAt.toISOString()).replace(' UTC', ''),
          sourceOf(a, d.names),
          a.rule,
          a.severity,
          a.status,
          a.message,
          duration(ackMinutes(a)),
        ]),
      ...(d.alarms.length > LISTED_ALARMS
        ? { note: `The newest ${LISTED_ALARMS} alarms; the CSV export lists all.` }
        : {}),
    },
  );
  return { ...base, blocks };
}

export const ALARM_COLUMNS = [
  { key: 'id', header: 'Alarm' },
  { key: 'openedAt', header: 'Opened (UTC)', type: 'date' },
  { key: 'source', header: 'Sensor or group' },
  { key: 'sensorId', header: 'Sensor id' },
  { key: 'groupId', header: 'Group id' },
  { key: 'rule', header: 'Rule' },
  { key: 'severity', header: 'Severity' },
  { key: 'status', header: 'Status' },
  { key: 'message', header: 'Message' },
  { key: 'value', header: 'Value', type: 'number' },
  { key: 'signalCount', header: 'Signals', type: 'number' },
  { key: 'lastSignalAt', header: 'Last signal (UTC)', type: 'date' },
  { key: 'acknowledgedAt', header: 'Acknowledged (UTC)', type: 'date' },
  { key: 'ackMinutes', header: 'Time to acknowledge (min)', type: 'number' },
  { key: 'ackNote', header: 'Acknowledgement note' },
  { key: 'clearedAt', header: 'Cleared (UTC)', type: 'date' },
  { key: 'clearNote', header: 'Clearing note' },
] as const;

export const alarmRow = (a: AlarmRow, names: ReadonlyMap<string, string>) => ({
  ...a,
  source: sourceOf(a, names),
  ackMinutes: ackMinutes(a),
});
