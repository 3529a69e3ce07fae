// Queries and mutations of the dashboard page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supplyKeys } from '../api';
import { dashboardApi, dashboardKeys, type Period } from './api';

export function useFrontendDashboard(days: Period) {
  return useQuery({
    queryKey: dashboardKeys.dashboard(days),
    queryFn: ({ signal }) => dashboardApi.dashboard(days, signal),
    placeholderData: keepPreviousData,
  });
}

/** Dismissing an anomaly changes the dashboard's counts and lists: everything supply reloads. */
export function useDismissAnomaly() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => dashboardApi.dismiss(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: supplyKeys.all }),
  });
}
