// Plant data kept current by live push on the `line:<id>` topics: status changes are written into
// the cached lines at once, batch events reload what they change. No polling.
import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { type PushedEvent, realtime } from '../realtime';
import {
  isBatchEvent,
  isLineStatusEvent,
  type Line,
  type LineDetail,
  lineTopic,
  type Page,
  plantKeys,
} from './api';

/** Writes a newer state of a line into every cached view of it (an older one is ignored). */
export function patchLine(queryClient: QueryClient, lineId: string, patch: Partial<Line>) {
  const apply = (line: Line): Line => {
    if (patch.statusSince && Date.parse(patch.statusSince) < Date.parse(line.statusSince)) return line;
    return { ...line, ...patch };
  };
  queryClient.setQueriesData<Page<Line>>({ queryKey: plantKeys.lines }, (page) =>
    page ? { ...page, items: page.items.map((line) => (line.id === lineId ? apply(line) : line)) } : page,
  );
  queryClient.setQueryData<LineDetail>(plantKeys.line(lineId), (detail) =>
    detail ? { ...detail, line: apply(detail.line) } : detail,
  );
}

/** Reloads everything plant-related except the reason catalogue (which no event changes). */
const everythingButReasons = (key: QueryKey) => key[0] === 'plant' && key[1] !== 'reasons';

function applyEvent(queryClient: QueryClient, event: PushedEvent) {
  const { data } = event;
  if (event.type === 'LineStatusChanged' && isLineStatusEvent(data)) {
    patchLine(queryClient, data.lineId, {
      status: data.status,
      statusSince: data.at,
      statusReasonCode: data.reasonCode,
    });
    // A reload begun before the change would bring the old status back: start it over.
    void queryClient.invalidateQueries({ queryKey: plantKeys.line(data.lineId) });
    void queryClient.invalidateQueries({ queryKey: plantKeys.lines });
    return;
  }
  if (!isBatchEvent(data)) return;
  void queryClient.invalidateQueries({ queryKey: plantKeys.batches });
  void queryClient.invalidateQueries({ queryKey: plantKeys.batch(data.batchId) });
  if (event.type === 'BatchStarted' || event.type === 'BatchCompleted') {
    void queryClient.invalidateQueries({ queryKey: plantKeys.line(data.lineId) });
  }
  // Completed batches are what the OEE reports count.
  if (event.type === 'BatchCompleted') void queryClient.invalidateQueries({ queryKey: plantKeys.reports });
}

/**
 * Listens to the topics of `lineIds` while mounted and keeps the plant caches current; `onEvent`
 * hears every event too (e.g. to show a scrap alarm). After each (re)subscription the plant data is
 * reloaded once, as events may have been missed while not subscribed.
 */
export function usePlantLive(lineIds: readonly string[], onEvent?: (event: PushedEvent) => void) {
  const queryClient = useQueryClient();
  const notify = useEffectEvent((event: PushedEvent) => onEvent?.(event));
  const topics = lineIds.map(lineTopic).sort().join(' ');

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
          void queryClient.invalidateQueries({ predicate: (query) => everythingButReasons(query.queryKey) });
        });
      },
    });
  }, [topics, queryClient]);
}

/** The current time, renewed every `intervalMs`, for "since" and progress figures. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
