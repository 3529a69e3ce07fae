// Queries and mutations of the supply pages, over the shared query keys of ./api.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../api';
import { isFinished } from '../jobs/api';
import { useLiveJob } from '../jobs/hooks';
import {
  type Bucket,
  type DecisionStart,
  type DecisionStatus,
  type HypotheticalInput,
  type InventoryQuery,
  type OrderQuery,
  type Stage,
  supplyApi,
  supplyKeys,
} from './api';
import { withCodes } from './format';

/** How often a decision still being computed is reloaded (its job's progress arrives live). */
const PENDING_POLL_MS = 2_000;

export function useWarehouses() {
  return useQuery({
    queryKey: supplyKeys.warehouses,
    queryFn: ({ signal }) => supplyApi.warehouses(signal),
    staleTime: 60_000,
  });
}

/** `withCodes` over the tenant's warehouses: the engine's sentences with warehouse codes for ids. */
export function useReadable(): (text: string) => string {
  const warehouses = useWarehouses();
  const byId = new Map((warehouses.data?.items ?? []).map((w) => [w.id, w]));
  return (text) => withCodes(text, byId);
}

export function useInventoryList(query: InventoryQuery) {
  return useQuery({
    queryKey: supplyKeys.inventoryList(query),
    queryFn: ({ signal }) => supplyApi.inventoryList(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInventory(id: string) {
  return useQuery({
    queryKey: supplyKeys.inventory(id),
    queryFn: ({ signal }) => supplyApi.inventory(id, signal),
  });
}

export function useDemand(id: string, bucket: Bucket) {
  return useQuery({
    queryKey: supplyKeys.demand(id, bucket),
    queryFn: ({ signal }) => supplyApi.demand(id, bucket, signal),
    placeholderData: keepPreviousData,
  });
}

/** The SKU's newest forecast; null when it has none yet (the API answers 404: a state, not an error). */
export function useItemForecast(id: string) {
  return useQuery({
    queryKey: supplyKeys.itemForecast(id),
    queryFn: async ({ signal }) => {
      try {
        return await supplyApi.itemForecast(id, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** What the engine would propose for one SKU with `input`'s figures (nothing is stored). */
export function useExplain(input: HypotheticalInput, enabled = true) {
  return useQuery({
    queryKey: supplyKeys.explain(input),
    queryFn: ({ signal }) => supplyApi.explain(input, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useDecisions(query: { status?: DecisionStatus; limit: number; offset: number }) {
  return useQuery({
    queryKey: supplyKeys.decisionList(query),
    queryFn: ({ signal }) => supplyApi.decisions(query, signal),
    placeholderData: keepPreviousData,
    // Decisions being computed change status on their own.
    refetchInterval: (q) =>
      q.state.data?.items.some((d) => d.status === 'pending') ? PENDING_POLL_MS : false,
  });
}

/**
 * A decision, kept current while it is computed: its job's progress arrives live (`job:<id>`), and
 * the decision is reloaded when the job ends (and every few seconds meanwhile, as a fallback).
 */
export function useLiveDecision(id: string) {
  const queryClient = useQueryClient();
  const decision = useQuery({
    queryKey: supplyKeys.decision(id),
    queryFn: ({ signal }) => supplyApi.decision(id, signal),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? PENDING_POLL_MS : false),
  });
  const pending = decision.data?.status === 'pending';
  const { query: job } = useLiveJob(pending ? (decision.data?.jobId ?? null) : null);
  const jobDone = isFinished(job.data?.status);
  useEffect(() => {
    if (pending && jobDone) void queryClient.invalidateQueries({ queryKey: supplyKeys.decision(id) });
  }, [pending, jobDone, queryClient, id]);
  return { decision, job: pending ? job.data : undefined };
}

export function useExplanation(id: string, enabled: boolean) {
  return useQuery({
    queryKey: supplyKeys.explanation(id),
    queryFn: ({ signal }) => supplyApi.explanation(id, signal),
    enabled,
  });
}

/** After a decision changed status: its page, its explanation and the lists show the change. */
// Executing puts quantities on order, so the inventory views reload too: everything supply does.
function useDecisionMutation<V>(call: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: supplyKeys.all }),
  });
}

export const useApprove = (id: string) =>
  useDecisionMutation((note: string) => supplyApi.approve(id, note || undefined));
export const useReject = (id: string) => useDecisionMutation((note: string) => supplyApi.reject(id, note));
export const useExecute = (id: string) => useDecisionMutation(() => supplyApi.execute(id));

export function useStartDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionStart) => supplyApi.startDecision(body),
    onSuccess: (decision) => {
      queryClient.setQueryData(supplyKeys.decision(decision.id), decision);
      void queryClient.invalidateQueries({ queryKey: supplyKeys.decisions });
    },
  });
}

export function useForecastRuns(query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: supplyKeys.forecastList(query),
    queryFn: ({ signal }) => supplyApi.forecasts(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running')
        ? PENDING_POLL_MS
        : false,
  });
}

export function useStartForecast() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: supplyApi.startForecast,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplyKeys.forecasts }),
  });
}

export function useModels() {
  return useQuery({ queryKey: supplyKeys.models, queryFn: ({ signal }) => supplyApi.models(signal) });
}

export function useDeployments() {
  return useQuery({
    queryKey: supplyKeys.deployments,
    queryFn: ({ signal }) => supplyApi.deployments(signal),
  });
}

/** After a registry change: versions (their stages) and the deployment history reload. */
function useRegistryMutation<V>(call: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supplyKeys.models }),
        queryClient.invalidateQueries({ queryKey: supplyKeys.deployments }),
      ]),
  });
}

export const useTrain = () => useRegistryMutation(() => supplyApi.train());
export const usePromote = () =>
  useRegistryMutation((v: { id: string; stage: Stage; reason?: string }) =>
    supplyApi.promote(v.id, v.stage, v.reason),
  );
export const useRollback = () =>
  useRegistryMutation((v: { modelName: string; stage: Stage; reason?: string }) =>
    supplyApi.rollback(v.modelName, v.stage, v.reason),
  );

export function useVehicles(offset: number) {
  const query = { limit: 50, offset };
  return useQuery({
    queryKey: supplyKeys.entityList('vehicles', query),
    queryFn: ({ signal }) => supplyApi.vehicles(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClients(offset: number) {
  const query = { limit: 50, offset };
  return useQuery({
    queryKey: supplyKeys.entityList('clients', query),
    queryFn: ({ signal }) => supplyApi.clients(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrders(query: OrderQuery) {
  return useQuery({
    queryKey: supplyKeys.entityList('orders', query),
    queryFn: ({ signal }) => supplyApi.orders(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A change to an entity: every supply view reloads (stock moves with orders). */
export function useEntityChange<V, R>(call: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplyKeys.all }),
  });
}
