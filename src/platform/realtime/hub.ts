import type { Scope } from '../auth/principal.ts';

/** Something that receives pushed frames: a WebSocket connection, or a test probe. */
export interface Subscriber {
  /**
   * `frame` is the UTF-8 JSON text, shared by every subscriber of the topic: do not modify it.
   * `access` is the scope a receiver needs: the subscriber checks it against what its credential
   * stands for at the moment it sends the frame (which may be later, see ws.routes.ts).
   */
  deliver(topic: string, frame: Buffer, access: Scope): void;
}

export interface PushedEvent {
  id: string | number;
  type: string;
  occurredAt: string;
  data: unknown;
}

/**
 * In-process topic fan-out. Subscriptions are keyed by tenant *and* topic, so a frame published for
 * one tenant can only reach that tenant's connections, whatever topic names a client asks for.
 */
export class RealtimeHub {
  private readonly subscriptions = new Map<string, Set<Subscriber>>();

  private static key(tenantId: string, topic: string) {
    return `${tenantId}|${topic}`;
  }

  subscribe(subscriber: Subscriber, tenantId: string, topic: string): void {
    const key = RealtimeHub.key(tenantId, topic);
    let set = this.subscriptions.get(key);
    if (!set) {
      set = new Set();
      this.subscriptions.set(key, set);
    }
    set.add(subscriber);
  }

  unsubscribe(subscriber: Subscriber, tenantId: string, topic: string): void {
    const key = RealtimeHub.key(tenantId, topic);
    const set = this.subscriptions.get(key);
    if (!set) return;
    set.delete(subscriber);
    if (set.size === 0) this.subscriptions.delete(key);
  }

  /**
   * Serialises and encodes each frame once per topic, whatever the number of subscribers; returns
   * how many subscribers were offered a frame.
   */
  publish(tenantId: string, topics: readonly string[], event: PushedEvent, access: Scope = 'read'): number {
    let offered = 0;
    for (const topic of topics) {
      const set = this.subscriptions.get(RealtimeHub.key(tenantId, topic));
      if (!set) continue;
      const frame = Buffer.from(JSON.stringify({ type: 'event', topic, event }));
      for (const subscriber of set) subscriber.deliver(topic, frame, access);
      offered += set.size;
    }
    return offered;
  }
}
