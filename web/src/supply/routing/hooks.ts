// Queries and mutations of routing decisions, over the supply query keys (a change to a decision
// reloads every supply view, as the other decision mutations do).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supplyKeys } from '../api';
import { type ReoptimiseInput, type Route, type RoutingStart, routingApi, routingKeys } from './api';

export function useRoutes(id: string, enabled: boolean) {
  return useQuery({
    queryKey: routingKeys.routes(id),
    queryFn: ({ signal }) => routingApi.routes(id, signal),
    enabled,
  });
}

/** Why one order is where it is (null: no order chosen). */
export function useOrderExplanation(id: string, orderId: string | null) {
  return useQuery({
    queryKey: routingKeys.order(id, orderId ?? ''),
    queryFn: ({ signal }) => routingApi.orderExplanation(id, orderId ?? '', signal),
    enabled: orderId !== null,
    staleTime: 60_000,
  });
}

/** How many of each route's stops have a vehicle assignment (after execution). */
export function useAssignments(id: string, routes: readonly Route[] | undefined, enabled: boolean) {
  return useQuery({
    queryKey: routingKeys.assignments(id),
    queryFn: ({ signal }) => routingApi.assignments(routes ?? [], signal),
    enabled: enabled && routes !== undefined,
  });
}

export function useDemoDay(warehouseId: string) {
  return useQuery({
    queryKey: routingKeys.demoDay(warehouseId),
    queryFn: ({ signal }) => routingApi.demoDay(warehouseId, signal),
    staleTime: 60_000,
  });
}

export function useStartRouting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoutingStart) => routingApi.start(body),
    onSuccess: (decision) => {
      queryClient.setQueryData(supplyKeys.decision(decision.id), decision);
      void queryClient.invalidateQueries({ queryKey: supplyKeys.decisions });
    },
  });
}

export function useReoptimise(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReoptimiseInput) => routingApi.reoptimise(id, body),
    onSuccess: (decision) => {
      queryClient.setQueryData(supplyKeys.decision(decision.id), decision);
      void queryClient.invalidateQueries({ queryKey: supplyKeys.decisions });
    },
  });
}
