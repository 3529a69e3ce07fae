// Queries, mutations and live push of the inspection pages, over the shared query keys of ./api.
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { useMe } from '../auth/hooks';
import { type PushedEvent, realtime } from '../realtime';
import {
  cameraTopic,
  type Defect,
  type DefectDisposition,
  fetchImage,
  type ImageWithDefects,
  inspectionApi,
  inspectionKeys,
  isDefectEvent,
  isImageEvent,
  isVerdictEvent,
  type Overlay,
  type PartDisposition,
  type ReviewBody,
  type StatisticsQuery,
  stationTopic,
  type Trigger,
  type TriggerDetail,
} from './api';

export function useStations() {
  return useQuery({
    queryKey: inspectionKeys.stations,
    queryFn: ({ signal }) => inspectionApi.stations(signal),
  });
}

/** The cameras of a station (none asked for until the station is known). */
export function useCameras(stationId: string | undefined) {
  return useQuery({
    queryKey: inspectionKeys.cameras(stationId ?? ''),
    queryFn: ({ signal }) => inspectionApi.cameras(stationId ?? '', signal),
    enabled: Boolean(stationId),
  });
}

/** A camera by serial number, with its newest image. */
export function useCamera(serialNumber: string) {
  return useQuery({
    queryKey: inspectionKeys.camera(serialNumber),
    queryFn: ({ signal }) => inspectionApi.camera(serialNumber, signal),
  });
}

export function useParts() {
  return useQuery({ queryKey: inspectionKeys.parts, queryFn: ({ signal }) => inspectionApi.parts(signal) });
}

export function useCurrentPart(stationId: string) {
  return useQuery({
    queryKey: inspectionKeys.currentPart(stationId),
    queryFn: ({ signal }) => inspectionApi.currentPart(stationId, signal),
    // A station without a part answers 404: that is a state, not an error to retry.
    retry: false,
  });
}

export function useSettings() {
  return useQuery({
    queryKey: inspectionKeys.settings,
    queryFn: ({ signal }) => inspectionApi.settings(signal),
  });
}

export function useLatestImages(stationId: string) {
  return useQuery({
    queryKey: inspectionKeys.latest(stationId),
    queryFn: ({ signal }) => inspectionApi.latestImages(stationId, signal),
    placeholderData: keepPreviousData,
  });
}

export function useImageMeta(imageId: string) {
  return useQuery({
    queryKey: inspectionKeys.imageMeta(imageId),
    queryFn: ({ signal }) => inspectionApi.imageMeta(imageId, signal),
  });
}

export function useTrigger(triggerId: string | undefined) {
  return useQuery({
    queryKey: inspectionKeys.trigger(triggerId ?? ''),
    queryFn: ({ signal }) => inspectionApi.trigger(triggerId ?? '', signal),
    enabled: Boolean(triggerId),
  });
}

export function useTriggers(
  query: { stationId?: string; partSerial?: string; limit: number },
  enabled = true,
) {
  return useQuery({
    queryKey: inspectionKeys.triggerList(query),
    queryFn: ({ signal }) => inspectionApi.triggers(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegions(cameraId: string | undefined) {
  return useQuery({
    queryKey: inspectionKeys.regions(cameraId ?? ''),
    queryFn: ({ signal }) => inspectionApi.regions(cameraId ?? '', signal),
    enabled: Boolean(cameraId),
  });
}

export function useStatistics(query: StatisticsQuery) {
  return useQuery({
    queryKey: inspectionKeys.statistics(query),
    queryFn: ({ signal }) => inspectionApi.statistics(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A rendered image as an object URL (revoked when no longer shown), or null while it loads. */
export function useImageUrl(imageId: string | null, width: number | undefined, overlay: Overlay) {
  const blob = useQuery({
    queryKey: inspectionKeys.imageBlob(imageId ?? '', width, overlay),
    queryFn: ({ signal }) => fetchImage(imageId ?? '', { width, overlay }, signal),
    enabled: Boolean(imageId),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.data) return;
    const next = URL.createObjectURL(blob.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob.data]);
  return { url: blob.data ? url : null, error: blob.error, loading: blob.isFetching };
}

/** What the signed-in user may do at the station: disposition (operate), review and edit regions (analyze). */
export function useInspectionRights() {
  const me = useMe().data;
  const scopes = new Set(me?.scopes ?? []);
  const tenant = Boolean(me?.tenant);
  return {
    userId: me?.user.id ?? null,
    operate: tenant && scopes.has('operate'),
    analyze: tenant && scopes.has('analyze'),
  };
}

/** After a part was judged or a defect changed: what shows it reloads (its images' overlays too). */
function partChanged(queryClient: QueryClient, triggerId: string, imageIds: readonly string[]) {
  void queryClient.invalidateQueries({ queryKey: ['inspection', 'latest'] });
  void queryClient.invalidateQueries({ queryKey: inspectionKeys.triggers });
  void queryClient.invalidateQueries({ queryKey: inspectionKeys.trigger(triggerId) });
  for (const imageId of imageIds) {
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.imageMeta(imageId) });
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.imageBlobs(imageId) });
  }
  void queryClient.invalidateQueries({ queryKey: ['inspection', 'camera'] });
}

function applyEvent(queryClient: QueryClient, event: PushedEvent) {
  if (event.type === 'InspectionVerdict' && isVerdictEvent(event.data)) {
    partChanged(
      queryClient,
      event.data.triggerId,
      event.data.images.map((i) => i.imageId),
    );
  } else if (event.type === 'InspectionImage' && isImageEvent(event.data)) {
    partChanged(queryClient, event.data.triggerId, [event.data.imageId]);
  } else if (event.type === 'InspectionDefect' && isDefectEvent(event.data)) {
    partChanged(queryClient, event.data.triggerId, [event.data.imageId]);
  }
}

/**
 * Listens to `station:<id>` (verdicts and dispositions of every camera) while mounted and reloads
 * what they change; `onEvent` hears every event too. After each (re)subscription the station's
 * views reload once: events may have been missed.
 */
export function useStationLive(stationId: string | undefined, onEvent?: (event: PushedEvent) => void) {
  useLive(stationId ? stationTopic(stationId) : null, onEvent);
}

/** As useStationLive, for one camera (`camera:<id>`). */
export function useCameraLive(cameraId: string | undefined, onEvent?: (event: PushedEvent) => void) {
  useLive(cameraId ? cameraTopic(cameraId) : null, onEvent);
}

function useLive(topic: string | null, onEvent?: (event: PushedEvent) => void) {
  const queryClient = useQueryClient();
  const notify = useEffectEvent((event: PushedEvent) => onEvent?.(event));
  useEffect(() => {
    if (!topic) return;
    return realtime.subscribe([topic], {
      onEvent: (event) => {
        applyEvent(queryClient, event);
        notify(event);
      },
      onSubscribed: () => {
        void queryClient.invalidateQueries({ queryKey: ['inspection', 'latest'] });
        void queryClient.invalidateQueries({ queryKey: inspectionKeys.triggers });
      },
    });
  }, [topic, queryClient]);
}

/** Writes a defect's new state into the cached image it belongs to. */
function defectSaved(queryClient: QueryClient, defect: Defect) {
  queryClient.setQueryData<ImageWithDefects>(inspectionKeys.imageMeta(defect.imageId), (meta) =>
    meta ? { ...meta, defects: meta.defects.map((d) => (d.id === defect.id ? defect : d)) } : meta,
  );
  partChanged(queryClient, defect.triggerId, [defect.imageId]);
}

export function useDisposeDefect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      defectId,
      disposition,
      note,
    }: {
      defectId: string;
      disposition: DefectDisposition;
      note: string;
    }) => inspectionApi.disposeDefect(defectId, disposition, note),
    onSuccess: (defect) => defectSaved(queryClient, defect),
  });
}

export function useReviewDefect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ defectId, body }: { defectId: string; body: ReviewBody }) =>
      inspectionApi.reviewDefect(defectId, body),
    onSuccess: (defect) => defectSaved(queryClient, defect),
  });
}

export function useDisposePart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      triggerId,
      disposition,
      note,
    }: {
      triggerId: string;
      disposition: PartDisposition;
      note: string;
    }) => inspectionApi.disposePart(triggerId, disposition, note),
    onSuccess: (trigger: Trigger) => {
      queryClient.setQueryData<TriggerDetail>(inspectionKeys.trigger(trigger.id), (detail) =>
        detail ? { ...detail, trigger } : detail,
      );
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.triggers });
    },
  });
}

export function useSetCurrentPart(stationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { partNumber: string; partSerial?: string | null }) =>
      inspectionApi.setCurrentPart(stationId, body),
    onSuccess: (current) => {
      queryClient.setQueryData(inspectionKeys.currentPart(stationId), current);
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.stations });
    },
  });
}
