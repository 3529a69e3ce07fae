// The dashboard's one realtime connection, signed in through the session layer, and its React hooks.
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { sessionAuthenticator } from '../auth/session';
import { type ConnectionState, RealtimeClient } from './client';
import type { PushedEvent } from './protocol';

export type { ConnectionState, ConnectionStatus, TopicListener } from './client';
export type { PushedEvent } from './protocol';

function socketUrl(): string {
  const url = new URL('/ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export const realtime = new RealtimeClient({
  url: socketUrl,
  accessToken: () => sessionAuthenticator.accessToken(),
  renew: (rejected) => sessionAuthenticator.renew(rejected),
});

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(realtime.onStateChange, realtime.getState, realtime.getState);
}

export interface TopicHandlers {
  onEvent(event: PushedEvent, topic: string): void;
  /** The server (re)confirmed the topic: reload what its events update, some may have been missed. */
  onSubscribed?(topic: string): void;
}

/**
 * Listens to `topic` while the component is mounted (null: not now). Returns the server's reason
 * when it refused the topic, else null.
 */
export function useTopic(topic: string | null, handlers: TopicHandlers): { refused: string | null } {
  const [refusal, setRefusal] = useState<{ topic: string; reason: string } | null>(null);
  const onEvent = useEffectEvent((event: PushedEvent, name: string) => handlers.onEvent(event, name));
  const onSubscribed = useEffectEvent((name: string) => handlers.onSubscribed?.(name));

  useEffect(() => {
    if (!topic) return;
    return realtime.subscribe([topic], {
      onEvent: (event, name) => onEvent(event, name),
      onSubscribed: (name) => onSubscribed(name),
      onRefused: (name, reason) => setRefusal({ topic: name, reason }),
    });
  }, [topic]);

  return { refused: refusal && refusal.topic === topic ? refusal.reason : null };
}
