// Queries, mutations and live push of the analysis pages and the analyzer configuration, over the
// query keys of ./analysis-api.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AnalysisDetail,
  type AnalysisFilter,
  analysesApi,
  analysisEventOf,
  analysisKeys,
  analysisTopic,
  type ConfigValues,
  isAnalysisFinished,
  type PresetType,
} from './analysis-api';
import { useLiveRun } from './live';

/** The list reloads this often while one of its analyses runs. */
const RUNNING_LIST_POLL_MS = 5_000;
/** After its import completes, the analysis it starts is looked for this often, this many times. */
const NEW_ANALYSIS_POLL_MS = 1_000;
const NEW_ANALYSIS_POLLS = 60;

export function useAnalyses(filter: AnalysisFilter) {
  return useQuery({
    queryKey: analysisKeys.list(filter),
    queryFn: ({ signal }) => analysesApi.list(filter, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((item) => !isAnalysisFinished(item.status)) ? RUNNING_LIST_POLL_MS : false,
  });
}

/**
 * The newest analyses of an import. Every completed import starts one as it ends, a moment after
 * its completion is pushed: `awaitFirst` looks again until it is there.
 */
export function useImportAnalyses(importId: string, awaitFirst: boolean) {
  const filter = { importId, limit: 5, offset: 0 };
  return useQuery({
    queryKey: analysisKeys.list(filter),
    queryFn: ({ signal }) => analysesApi.list(filter, signal),
    refetchInterval: (q) => {
      const items = q.state.data?.items;
      if (items?.some((item) => !isAnalysisFinished(item.status))) return RUNNING_LIST_POLL_MS;
      const waiting = awaitFirst && items?.length === 0 && q.state.dataUpdateCount < NEW_ANALYSIS_POLLS;
      return waiting ? NEW_ANALYSIS_POLL_MS : false;
    },
  });
}

/** An analysis, live while it processes: its percent and step as they are pushed. */
export function useLiveAnalysis(analysisId: string) {
  return useLiveRun({
    id: analysisId,
    key: analysisKeys.detail(analysisId),
    load: (id, signal) => analysesApi.get(id, signal),
    topic: analysisTopic,
    read: (event) => {
      const figures = analysisEventOf(event);
      return figures && { ...figures, id: figures.analysisId };
    },
    merge: (row: AnalysisDetail, { status, insightCount, errorMessage }) => ({
      ...row,
      status,
      insightCount,
      errorMessage,
    }),
    isFinished: isAnalysisFinished,
    onFinished: (queryClient) => void queryClient.invalidateQueries({ queryKey: analysisKeys.all }),
  });
}

export function useStartAnalysis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => analysesApi.start(importId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: analysisKeys.all }),
  });
}

export function useDeleteAnalysis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => analysesApi.remove(id),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: analysisKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: analysisKeys.all });
    },
  });
}

export function useInsightRows(analysisId: string, rank: number, offset: number, limit: number) {
  return useQuery({
    queryKey: analysisKeys.rows(analysisId, rank, offset),
    queryFn: ({ signal }) => analysesApi.insightRows(analysisId, rank, { limit, offset }, signal),
    placeholderData: keepPreviousData,
    // The rows behind an insight do not change while the analysis exists.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useChatMessages(analysisId: string) {
  return useQuery({
    queryKey: analysisKeys.messages(analysisId),
    queryFn: ({ signal }) => analysesApi.messages(analysisId, signal),
  });
}

export function useConfigPresets() {
  return useQuery({
    queryKey: analysisKeys.presets,
    queryFn: ({ signal }) => analysesApi.presets(signal),
    // The variables and presets are part of the server's code.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAnalyzerConfig(facilityId: string | null) {
  return useQuery({
    queryKey: analysisKeys.config(facilityId),
    queryFn: ({ signal }) => analysesApi.config(facilityId, signal),
  });
}

export function useConfigHistory(facilityId: string | null) {
  return useQuery({
    queryKey: analysisKeys.history(facilityId),
    queryFn: ({ signal }) => analysesApi.configHistory(facilityId, signal),
  });
}

export function useSaveConfig(facilityId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ presetType, config }: { presetType: PresetType; config: ConfigValues }) =>
      analysesApi.saveConfig(facilityId, presetType, config),
    onSuccess: (saved) => {
      queryClient.setQueryData(analysisKeys.config(facilityId), saved);
      void queryClient.invalidateQueries({ queryKey: analysisKeys.history(facilityId) });
      // A facility without its own configuration inherits the tenant's.
      if (facilityId === null)
        void queryClient.invalidateQueries({ queryKey: ['analytics', 'config', 'values'] });
    },
  });
}
