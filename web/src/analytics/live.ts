// A record that a background job fills in (an import, an analysis), followed live while it runs.
import { type QueryClient, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLiveJob } from '../jobs/hooks';
import { type PushedEvent, useConnectionState, useTopic } from '../realtime';

/** How often a running record is reloaded while the live connection is down. */
const FALLBACK_POLL_MS = 5_000;

/** What an event pushed on the record's topic says. */
export interface Pushed<Status extends string> {
  id: string;
  status: Status;
  percent: number;
  message?: string;
}

export interface LiveRunOptions<
  Status extends string,
  Row extends { status: Status; jobId: string | null },
  P,
> {
  /** null: none. */
  id: string | null;
  key: QueryKey;
  load: (id: string, signal: AbortSignal) => Promise<Row>;
  topic: (id: string) => string;
  /** The event's figures, or null when it is not one of the record's events. */
  read: (event: PushedEvent) => (P & Pushed<Status>) | null;
  /** The cached record with an event's figures merged in. */
  merge: (row: Row, pushed: P & Pushed<Status>) => Row;
  isFinished: (status: Status | undefined) => boolean;
  /** Reloads what else changes once the record has ended (lists, counts). */
  onFinished: (queryClient: QueryClient) => void;
}

/**
 * The record, live while it runs: subscribed to its topic (figures and percent) and to its job
 * (progress while no event of its own has come), reloaded after every (re)subscription and when it
 * ends, polled instead while the live connection is down.
 */
export function useLiveRun<Status extends string, Row extends { status: Status; jobId: string | null }, P>(
  options: LiveRunOptions<Status, Row, P>,
) {
  const { id, key } = options;
  const queryClient = useQueryClient();
  const connected = useConnectionState().status === 'open';
  const [pushed, setPushed] = useState<Pushed<Status> | null>(null);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => options.load(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (q) =>
      !connected && !options.isFinished(q.state.data?.status) ? FALLBACK_POLL_MS : false,
  });
  const running = id !== null && query.data !== undefined && !options.isFinished(query.data.status);
  const { refused } = useTopic(running ? options.topic(id) : null, {
    onEvent: (event) => {
      const figures = options.read(event);
      if (!figures) return;
      setPushed(figures);
      queryClient.setQueryData<Row>(key, (row) => row && options.merge(row, figures));
      if (options.isFinished(figures.status)) {
        void queryClient.invalidateQueries({ queryKey: key });
        options.onFinished(queryClient);
      }
    },
    onSubscribed: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const job = useLiveJob(running ? (query.data?.jobId ?? null) : null).query.data;
  const own = pushed && pushed.id === id ? pushed : null;
  const percent = query.data?.status === 'completed' ? 100 : (own?.percent ?? job?.progress ?? 0);
  const message = own?.message ?? job?.message ?? null;
  return { query, percent, message, refused };
}
