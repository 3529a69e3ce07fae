// Queries, mutations and live push of the telemetry pages, over the shared query keys of ./api.
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { useMe } from '../auth/hooks';
import { type PushedEvent, realtime, useTopic } from '../realtime';
import {
  ALARM_EVENTS,
  type Alarm,
  type AlarmFilter,
  type AlarmPage,
  isAlarmEvent,
  isReading,
  isReadingsEvent,
  type SensorDetail,
  type SensorFilter,
  type SensorPage,
  type SensorUpdate,
  type SeriesQuery,
  sensorTopic,
  TENANT_TOPIC,
  telemetryApi,
  telemetryKeys,
} from './api';

/** Sparklines are the last two hours in two-minute means: reloading the list now and then keeps them current. */
const LIST_REFRESH_MS = 120_000;

export function useSensors(filter: SensorFilter) {
  return useQuery({
    queryKey: telemetryKeys.sensorList(filter),
    queryFn: ({ signal }) => telemetryApi.sensors(filter, signal),
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });
}

export function useSensor(sensorId: string) {
  return useQuery({
    queryKey: telemetryKeys.sensor(sensorId),
    queryFn: ({ signal }) => telemetryApi.sensor(sensorId, signal),
  });
}

export function useSeries(sensorId: string, query: SeriesQuery) {
  return useQuery({
    queryKey: telemetryKeys.series(sensorId, query),
    queryFn: ({ signal }) => telemetryApi.series(sensorId, query, signal),
    placeholderData: keepPreviousData,
    // A range is read once; live points are added on the page, and each new range is a new query.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useAlarms(filter: AlarmFilter, enabled = true) {
  return useQuery({
    queryKey: telemetryKeys.alarmList(filter),
    queryFn: ({ signal }) => telemetryApi.alarms(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Alarms not cleared, by status and severity (the plant overview); reloaded by alarm events. */
export function useAlarmSummary() {
  return useQuery({
    queryKey: telemetryKeys.alarmSummary,
    queryFn: ({ signal }) => telemetryApi.alarmSummary(signal),
  });
}

/** What the signed-in user may do with sensors and alarms. */
export function useTelemetryRights() {
  const me = useMe().data;
  const scopes = new Set(me?.scopes ?? []);
  const tenant = Boolean(me?.tenant);
  return { operate: tenant && scopes.has('operate'), admin: tenant && scopes.has('admin') };
}

/** Writes the newest reading of sensors into every cached list and detail (an older one is ignored). */
function applyReadings(queryClient: QueryClient, readings: Map<string, { ts: string; value: number }>) {
  const newer = (current: string | null, ts: string) =>
    current === null || Date.parse(ts) > Date.parse(current);
  queryClient.setQueriesData<SensorPage>({ queryKey: telemetryKeys.sensors }, (page) => {
    if (!page) return page;
    let changed = false;
    const items = page.items.map((item) => {
      const reading = readings.get(item.sensor.id);
      if (!reading || !newer(item.sensor.lastTs, reading.ts)) return item;
      changed = true;
      return { ...item, sensor: { ...item.sensor, lastTs: reading.ts, lastValue: reading.value } };
    });
    return changed ? { ...page, items } : page;
  });
  for (const [sensorId, reading] of readings) {
    queryClient.setQueryData<SensorDetail>(telemetryKeys.sensor(sensorId), (detail) =>
      detail && newer(detail.sensor.lastTs, reading.ts)
        ? { ...detail, sensor: { ...detail.sensor, lastTs: reading.ts, lastValue: reading.value } }
        : detail,
    );
  }
}

/** The readings an event carries, by sensor. */
export function readingsOf(event: PushedEvent): Map<string, { ts: string; value: number }> {
  const found = new Map<string, { ts: string; value: number }>();
  if (event.type !== 'SensorReadings' || !isReadingsEvent(event.data)) return found;
  for (const [sensorId, reading] of Object.entries(event.data.readings)) {
    if (isReading(reading)) found.set(sensorId, reading);
  }
  return found;
}

/** After an alarm opened, was acknowledged or cleared: the lists and counts showing it reload. */
function alarmChanged(queryClient: QueryClient, sensorId: string | null) {
  void queryClient.invalidateQueries({ queryKey: telemetryKeys.alarms });
  void queryClient.invalidateQueries({ queryKey: telemetryKeys.sensors });
  if (sensorId) void queryClient.invalidateQueries({ queryKey: telemetryKeys.sensor(sensorId) });
}

function applyEvent(queryClient: QueryClient, event: PushedEvent) {
  const readings = readingsOf(event);
  if (readings.size > 0) return applyReadings(queryClient, readings);
  if (ALARM_EVENTS.has(event.type) && isAlarmEvent(event.data))
    alarmChanged(queryClient, event.data.sensorId);
}

/**
 * Listens to the topics of `sensorIds` while mounted and keeps the telemetry caches current (newest
 * readings written in place, alarm changes reloaded); `onEvent` hears every event too (e.g. a chart
 * adding points). After each (re)subscription the sensors reload once: events may have been missed.
 */
export function useSensorsLive(sensorIds: readonly string[], onEvent?: (event: PushedEvent) => void) {
  const queryClient = useQueryClient();
  const notify = useEffectEvent((event: PushedEvent) => onEvent?.(event));
  const topics = [...sensorIds].map(sensorTopic).sort().join(' ');

  useEffect(() => {
    if (!topics) return;
    let reloadQueued = false;
    return realtime.subscribe(topics.split(' '), {
      onEvent: (event) => {
        applyEvent(queryClient, event);
        notify(event);
      },
      // One confirmation lists many topics: reload once for all of them.
      onSubscribed: () => {
        if (reloadQueued) return;
        reloadQueued = true;
        queueMicrotask(() => {
          reloadQueued = false;
          void queryClient.invalidateQueries({ queryKey: telemetryKeys.sensors });
          for (const id of topics.split(' ')) {
            void queryClient.invalidateQueries({
              queryKey: telemetryKeys.sensor(id.slice('sensor:'.length)),
            });
          }
        });
      },
    });
  }, [topics, queryClient]);
}

/** Every alarm change of the organisation (topic `tenant`): alarm lists reload; `onAlarm` hears each. */
export function useAlarmsLive(onAlarm?: (type: string, alarmId: string) => void) {
  const queryClient = useQueryClient();
  useTopic(TENANT_TOPIC, {
    onEvent: (event) => {
      if (!ALARM_EVENTS.has(event.type) || !isAlarmEvent(event.data)) return;
      alarmChanged(queryClient, event.data.sensorId);
      onAlarm?.(event.type, event.data.alarmId);
    },
    onSubscribed: () => void queryClient.invalidateQueries({ queryKey: telemetryKeys.alarms }),
  });
}

/** Writes an alarm's new state into the cached lists and reloads what counts it. */
function useAlarmSaved() {
  const queryClient = useQueryClient();
  return (alarm: Alarm) => {
    queryClient.setQueriesData<AlarmPage>({ queryKey: telemetryKeys.alarms }, (page) =>
      page ? { ...page, items: page.items.map((a) => (a.id === alarm.id ? alarm : a)) } : page,
    );
    queryClient.setQueryData<SensorDetail>(telemetryKeys.sensor(alarm.sensorId ?? ''), (detail) =>
      detail
        ? {
            ...detail,
            activeAlarms:
              alarm.status === 'cleared'
                ? detail.activeAlarms.filter((a) => a.id !== alarm.id)
                : detail.activeAlarms.map((a) => (a.id === alarm.id ? alarm : a)),
          }
        : detail,
    );
    alarmChanged(queryClient, alarm.sensorId);
  };
}

export function useAcknowledgeAlarm() {
  const saved = useAlarmSaved();
  return useMutation({
    mutationFn: ({ alarmId, note }: { alarmId: string; note: string }) =>
      telemetryApi.acknowledge(alarmId, note),
    onSuccess: saved,
  });
}

export function useClearAlarm() {
  const saved = useAlarmSaved();
  return useMutation({
    mutationFn: ({ alarmId, note }: { alarmId: string; note: string }) => telemetryApi.clear(alarmId, note),
    onSuccess: saved,
  });
}

export function useUpdateSensor(sensorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SensorUpdate) => telemetryApi.updateSensor(sensorId, patch),
    onSuccess: (sensor) => {
      queryClient.setQueryData<SensorDetail>(telemetryKeys.sensor(sensorId), (detail) =>
        detail ? { ...detail, sensor } : detail,
      );
      void queryClient.invalidateQueries({ queryKey: telemetryKeys.sensors });
    },
  });
}
