// Queries and mutations of the simulation pages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isFinished } from '../../jobs/api';
import { useLiveJob } from '../../jobs/hooks';
import {
  type GenerateBody,
  type RunBody,
  type SimulationStatus,
  simulationKeys,
  simulationsApi,
} from './api';

/** How often a simulation still running is reloaded (its job's progress arrives live). */
const RUNNING_POLL_MS = 2_000;
const isRunning = (status: SimulationStatus | undefined) => status === 'queued' || status === 'running';

export function useSimulations(query: { status?: SimulationStatus; limit: number; offset: number }) {
  return useQuery({
    queryKey: simulationKeys.list(query),
    queryFn: ({ signal }) => simulationsApi.list(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((s) => isRunning(s.status)) ? RUNNING_POLL_MS : false),
  });
}

/** A simulation, reloaded while it runs; its job's progress comes live. */
export function useLiveSimulation(id: string) {
  const queryClient = useQueryClient();
  const simulation = useQuery({
    queryKey: simulationKeys.detail(id),
    queryFn: ({ signal }) => simulationsApi.get(id, signal),
    refetchInterval: (q) => (isRunning(q.state.data?.status) ? RUNNING_POLL_MS : false),
  });
  const running = isRunning(simulation.data?.status);
  const { query: job } = useLiveJob(running ? (simulation.data?.jobId ?? null) : null);
  const jobDone = isFinished(job.data?.status);
  useEffect(() => {
    if (running && jobDone) void queryClient.invalidateQueries({ queryKey: simulationKeys.detail(id) });
  }, [running, jobDone, queryClient, id]);
  return { simulation, job: running ? job.data : undefined };
}

/** Generates the scenario set when events are asked for, then starts the run over it. */
export function useStartSimulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ run, generate }: { run: RunBody; generate: GenerateBody | null }) => {
      const set = generate ? await simulationsApi.generate(generate) : null;
      return simulationsApi.run(set ? { ...run, scenarioSetId: set.id } : run);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: simulationKeys.all }),
  });
}
