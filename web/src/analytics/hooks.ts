// Queries, mutations and live push of the work-order import pages, over the shared query keys of ./api.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePermissions } from '../auth/hooks';
import {
  type AnalyticsSettings,
  analyticsApi,
  analyticsKeys,
  IMPORT_EVENTS,
  type ImportDetail,
  type ImportFilter,
  importTopic,
  isFinished,
  isImportEvent,
  type MappingChoice,
  type ProfileFilter,
  type ProfileInput,
} from './api';
import { useLiveRun } from './live';

/** The imports list reloads this often while one of them runs (their rows change as they go). */
const RUNNING_LIST_POLL_MS = 5_000;

/** What the signed-in user may do here: upload and edit profiles (analysts, admins), change settings (admins). */
export function useAnalyticsRights() {
  const permissions = usePermissions();
  return { write: permissions.importWorkOrders, admin: permissions.users && permissions.importWorkOrders };
}

export function useFields() {
  return useQuery({
    queryKey: analyticsKeys.fields,
    queryFn: ({ signal }) => analyticsApi.fields(signal),
    // The canonical schema is part of the server's code: it does not change while the page is open.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSettings() {
  return useQuery({
    queryKey: analyticsKeys.settings,
    queryFn: ({ signal }) => analyticsApi.settings(signal),
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<AnalyticsSettings>) => analyticsApi.updateSettings(patch),
    onSuccess: (settings) => queryClient.setQueryData(analyticsKeys.settings, settings),
  });
}

export function useProfiles(filter: ProfileFilter, enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.profileList(filter),
    queryFn: ({ signal }) => analyticsApi.profiles(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProfile(id: string | null) {
  return useQuery({
    queryKey: analyticsKeys.profile(id ?? ''),
    queryFn: ({ signal }) => analyticsApi.profile(id ?? '', signal),
    enabled: id !== null,
  });
}

export function useProfileVersions(id: string) {
  return useQuery({
    queryKey: analyticsKeys.versions(id),
    queryFn: ({ signal }) => analyticsApi.versions(id, signal),
  });
}

export function useSaveProfile(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) =>
      id === null ? analyticsApi.createProfile(input) : analyticsApi.updateProfile(id, input),
    onSuccess: (profile) => {
      queryClient.setQueryData(analyticsKeys.profile(profile.id), profile);
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.profiles });
    },
  });
}

export function useDeleteProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => analyticsApi.deleteProfile(id),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: analyticsKeys.profile(id) });
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.profiles });
    },
  });
}

export function useImports(filter: ImportFilter) {
  return useQuery({
    queryKey: analyticsKeys.importList(filter),
    queryFn: ({ signal }) => analyticsApi.imports(filter, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((item) => !isFinished(item.status)) ? RUNNING_LIST_POLL_MS : false,
  });
}

export function useImportErrors(id: string, offset: number, limit: number, enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.importErrors(id, offset),
    queryFn: ({ signal }) => analyticsApi.importErrors(id, { limit, offset }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An import (null: none), live while it runs: its counts and percent as they are pushed. */
export function useLiveImport(importId: string | null) {
  return useLiveRun({
    id: importId,
    key: analyticsKeys.import(importId ?? ''),
    load: (id, signal) => analyticsApi.import(id, signal),
    topic: importTopic,
    read: (event) =>
      IMPORT_EVENTS.has(event.type) && isImportEvent(event.data)
        ? { ...event.data, id: event.data.importId }
        : null,
    merge: (
      row: ImportDetail,
      { status, rowsRead, rowsAccepted, rowsRejected, workOrders, errorMessage },
    ) => ({
      ...row,
      status,
      rowsRead,
      rowsAccepted,
      rowsRejected,
      workOrders,
      errorMessage,
    }),
    isFinished,
    onFinished: (queryClient) => {
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.imports, exact: false });
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.profiles });
    },
  });
}

export function useReprocessImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: MappingChoice) => analyticsApi.reprocess(id, choice),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.imports });
    },
  });
}

export function useDeleteImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => analyticsApi.deleteImport(id),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: analyticsKeys.import(id) });
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.imports });
    },
  });
}
