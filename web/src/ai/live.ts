// Gateway figures kept current by live push: an event on `pipeline:<id>` or `sector:<name>` reloads
// what it changes (at most once a second, however busy the pipeline), and every (re)subscription
// reloads once, as events may have been missed while not subscribed. No polling.
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { type PushedEvent, useTopic } from '../realtime';

const THROTTLE_MS = 1_000;

/**
 * Listens to `topic` while mounted and reloads the queries under `keys` when an event arrives.
 * Returns how many events arrived, when the last did, and the server's refusal if any.
 */
export function useLiveReload(topic: string | null, keys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  const [heard, setHeard] = useState<{ count: number; at: number | null }>({ count: 0, at: null });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  const keysRef = useRef(keys);
  keysRef.current = keys;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const reload = () => {
    if (timer.current) return;
    const wait = Math.max(0, last.current + THROTTLE_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      for (const queryKey of keysRef.current) void queryClient.invalidateQueries({ queryKey });
    }, wait);
  };

  const { refused } = useTopic(topic, {
    onEvent: (_event: PushedEvent) => {
      setHeard((h) => ({ count: h.count + 1, at: Date.now() }));
      reload();
    },
    onSubscribed: () => reload(),
  });
  return { ...heard, refused };
}
