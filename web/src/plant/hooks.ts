// Queries and mutations of the plant pages, over the shared query keys of ./api.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/hooks';
import { useTopic } from '../realtime';
import {
  type Batch,
  type BatchFilter,
  batchTopic,
  type Completion,
  type NewBatch,
  type OeeQuery,
  type ParetoQuery,
  plantApi,
  plantKeys,
  type StatusChange,
} from './api';
import { patchLine } from './live';

export function useLines() {
  return useQuery({ queryKey: plantKeys.lines, queryFn: ({ signal }) => plantApi.lines(signal) });
}

export function useLineDetail(lineId: string) {
  return useQuery({
    queryKey: plantKeys.line(lineId),
    queryFn: ({ signal }) => plantApi.line(lineId, signal),
  });
}

export function useReasons() {
  return useQuery({
    queryKey: plantKeys.reasons,
    queryFn: ({ signal }) => plantApi.reasons(signal),
    staleTime: 5 * 60_000,
  });
}

/** The IANA time zone of a facility (plant days are counted there); UTC when unknown. */
export function useFacilityZone(facilityId: string | undefined): string {
  const facilities = useMe().data?.facilities ?? [];
  return facilities.find((f) => f.id === facilityId)?.timezone ?? facilities[0]?.timezone ?? 'UTC';
}

export function useOeeReport(query: OeeQuery, enabled = true) {
  return useQuery({
    queryKey: plantKeys.oee(query),
    queryFn: ({ signal }) => plantApi.oee(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePareto(query: ParetoQuery) {
  return useQuery({
    queryKey: plantKeys.pareto(query),
    queryFn: ({ signal }) => plantApi.pareto(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBatches(filter: BatchFilter) {
  return useQuery({
    queryKey: plantKeys.batchList(filter),
    queryFn: ({ signal }) => plantApi.batches(filter, signal),
    placeholderData: keepPreviousData,
  });
}

/** A batch, reloaded whenever an event about it is pushed on `batch:<id>`. */
export function useLiveBatch(batchId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: plantKeys.batch(batchId),
    queryFn: ({ signal }) => plantApi.batch(batchId, signal),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: plantKeys.batch(batchId) });
  useTopic(query.data ? batchTopic(batchId) : null, { onEvent: reload, onSubscribed: reload });
  return query;
}

export function useChangeStatus(lineId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: StatusChange) => plantApi.changeStatus(lineId, change),
    onSuccess: (line) => patchLine(queryClient, line.id, line),
  });
}

/** After a batch changed: its cached copy is the answer; lists, its line and the reports reload. */
function useBatchSaved() {
  const queryClient = useQueryClient();
  return (batch: Batch) => {
    queryClient.setQueryData(plantKeys.batch(batch.id), batch);
    void queryClient.invalidateQueries({ queryKey: plantKeys.batches });
    void queryClient.invalidateQueries({ queryKey: plantKeys.line(batch.lineId) });
    if (batch.status === 'completed') void queryClient.invalidateQueries({ queryKey: plantKeys.reports });
  };
}

export function useCreateBatch() {
  const saved = useBatchSaved();
  return useMutation({ mutationFn: (input: NewBatch) => plantApi.createBatch(input), onSuccess: saved });
}

export function useStartBatch(batchId: string) {
  const saved = useBatchSaved();
  return useMutation({ mutationFn: () => plantApi.startBatch(batchId), onSuccess: saved });
}

export function useCompleteBatch(batchId: string) {
  const saved = useBatchSaved();
  return useMutation({
    mutationFn: (input: Completion) => plantApi.completeBatch(batchId, input),
    onSuccess: saved,
  });
}
