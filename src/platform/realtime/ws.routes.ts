import type { Socket } from 'node:net';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { Principal, Scope } from '../auth/principal.ts';
import { AppError } from '../http/errors.ts';
import type { App } from '../http/types.ts';
import type { Subscriber } from './hub.ts';
import { FlushScheduler, type FrameSink, OutboundBuffer } from './outbound-buffer.ts';
import type { Realtime } from './realtime.ts';

export interface WsDeps {
  realtime: Realtime;
  authenticateToken: (token: string) => Promise<Principal>;
  /**
   * Calls the listener after a committed change that may end or narrow credentials, with a test
   * telling which principals it may affect; returns the unsubscribe function.
   */
  onCredentialsChanged?: (listener: (affects: (principal: Principal) => boolean) => void) => () => void;
  /** How often every open connection's credential is checked again (cheap: it is cached). */
  recheckMs?: number;
  heartbeatSeconds: number;
  /** Frames to one client within this window are written together (see OutboundBuffer). */
  batchMs: number;
  /** Bounds per connection (WS_MAX_SUBSCRIPTIONS, WS_MAX_MESSAGE_BYTES, WS_MAX_BUFFERED_BYTES). */
  limits?: Partial<WsLimits>;
}

export interface WsLimits {
  /** Topics per connection, counting the refused ones: a client cannot probe ids without end. */
  maxSubscriptions: number;
  /** Largest message a client may send (larger: ws closes the connection with 1009). */
  maxMessageBytes: number;
  /** Unsent bytes past which a client is closed as a slow consumer (1013). */
  maxBufferedBytes: number;
}

const DEFAULT_LIMITS: WsLimits = {
  maxSubscriptions: 200,
  maxMessageBytes: 64 * 1024,
  maxBufferedBytes: 8 * 1_048_576,
};

/** The WebSocket as a FrameSink; cork/uncork reach the TCP socket so held frames leave in one write. */
function sinkOf(socket: WebSocket, stats: { framesSent: number }): FrameSink {
  // ws keeps its net.Socket in a private field; corking it is how ws itself groups a frame's parts.
  const raw = () => (socket as unknown as { _socket?: Socket | null })._socket;
  return {
    get bufferedAmount() {
      return socket.bufferedAmount;
    },
    // A Buffer would go out as a binary frame by default; the protocol is text.
    send: (frame) => {
      stats.framesSent += 1;
      socket.send(frame, { binary: false });
    },
    cork: () => raw()?.cork(),
    uncork: () => raw()?.uncork(),
  };
}

const AUTH_TIMEOUT_MS = 10_000;
const RECHECK_MS = 1000;
/** Close codes: the credential ended (sign in or renew, then reconnect) / it lost read access. */
export const WS_UNAUTHORIZED = 4401;
export const WS_FORBIDDEN = 4403;
const MAX_TOPICS_PER_MESSAGE = 50;
const MAX_TOPIC_LENGTH = 200;
// Above this many unsent bytes in the socket a client counts as slow (see OutboundBuffer).
const HIGH_WATER_BYTES = 1 << 20;
// Frames held while a connection's credential is re-checked; past this the client must resync.
const MAX_HELD_FRAMES = 10_000;
export const WS_TRY_AGAIN = 1013;

type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe' | 'unsubscribe'; topics: string[] }
  | { type: 'ping' };

function parse(raw: string): ClientMessage | null {
  try {
    const message = JSON.parse(raw) as Record<string, unknown>;
    if (message.type === 'auth' && typeof message.token === 'string') return message as ClientMessage;
    if (message.type === 'ping') return { type: 'ping' };
    const isList =
      Array.isArray(message.topics) &&
      message.topics.every((t) => typeof t === 'string' && t.length <= MAX_TOPIC_LENGTH);
    if ((message.type === 'subscribe' || message.type === 'unsubscribe') && isList)
      return message as ClientMessage;
  } catch {
    // falls through to "not understood"
  }
  return null;
}

/**
 * `GET /ws`: authenticate with `?token=` or a first `{type:"auth"}` message, then subscribe to
 * topics. Topics live inside the caller's tenant: the same name in another tenant is another topic.
 */
export async function websocketRoutes(root: App, deps: WsDeps) {
  // In a context of its own: @fastify/websocket adds an onRequest and an onResponse hook to every
  // route of the context it is registered in, which would tax every HTTP request of the server.
  await root.register(async (app: App) => websocketContext(app, deps));
}

async function websocketContext(
  app: App,
  {
    realtime,
    authenticateToken,
    onCredentialsChanged,
    recheckMs,
    heartbeatSeconds,
    batchMs,
    ...deps
  }: WsDeps,
) {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const MAX_TOPICS = limits.maxSubscriptions;
  await app.register(websocket, { options: { maxPayload: limits.maxMessageBytes } });
  const scheduler = new FlushScheduler(batchMs);
  // Every authenticated connection's re-check: on every credential change that may affect it, and
  // by timer (which also catches a token that expired while the socket was open).
  const rechecks = new Set<(affects?: (principal: Principal) => boolean) => void>();
  const recheckAll = (affects?: (principal: Principal) => boolean) => {
    for (const recheck of rechecks) recheck(affects);
  };
  // The timer runs only while a connection needs it, so a server without sockets is not woken.
  let timer: NodeJS.Timeout | undefined;
  const watch = (recheck: (affects?: (principal: Principal) => boolean) => void) => {
    rechecks.add(recheck);
    timer ??= setInterval(recheckAll, recheckMs ?? RECHECK_MS).unref();
  };
  const unwatch = (recheck: (affects?: (principal: Principal) => boolean) => void) => {
    rechecks.delete(recheck);
    if (rechecks.size > 0 || !timer) return;
    clearInterval(timer);
    timer = undefined;
  };
  const stopListening = onCredentialsChanged?.((affects) => recheckAll(affects));
  app.addHook('onClose', async () => {
    clearInterval(timer);
    stopListening?.();
    scheduler.stop();
  });

  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket: WebSocket, request) => {
    // A client that does not read while it sends (or while events pour in) is closed, rather than
    // its unsent replies growing without bound; events alone are coalesced (OutboundBuffer) first.
    let slow = false;
    const tooSlow = () => {
      if (slow) return true;
      if (socket.bufferedAmount <= limits.maxBufferedBytes) return false;
      slow = true;
      closing = true;
      held = [];
      buffer.close();
      request.log.warn({ bufferedBytes: socket.bufferedAmount }, 'websocket closed: slow consumer');
      socket.close(WS_TRY_AGAIN, 'slow consumer');
      return true;
    };
    const send = (message: object) => {
      if (!tooSlow()) socket.send(JSON.stringify(message));
    };
    const buffer = new OutboundBuffer(sinkOf(socket, realtime.stats), scheduler, HIGH_WATER_BYTES);
    let principal: Principal | null = null;
    let credential = '';
    // While a credential change that may affect this connection is being checked, frames wait
    // here and are then sent — or not — as the result allows. The change's notification arrives
    // before any event committed after it (one listening connection), so none slips past.
    let verifying = 0;
    let held: { topic: string; frame: Buffer; access: Scope }[] = [];
    const offer = (topic: string, frame: Buffer, access: Scope) => {
      if (closing || !principal?.scopes.has(access) || tooSlow()) return;
      buffer.push(topic, frame);
    };
    const subscriber: Subscriber = {
      deliver: (topic, frame, access) => {
        if (verifying === 0) return offer(topic, frame, access);
        if (held.length < MAX_HELD_FRAMES) held.push({ topic, frame, access });
        else end(WS_TRY_AGAIN, 'too many events while re-checking', 'reconnect to catch up');
      },
    };
    const topics = new Set<string>();
    let refusedTopics = 0;
    realtime.connections.add(socket);
    let alive = true;
    let closing = false;
    let chain: Promise<void> = Promise.resolve();

    const end = (code: number, reason: string, message: string) => {
      if (closing) return;
      closing = true;
      held = [];
      const errorCode = { [WS_FORBIDDEN]: 'forbidden', [WS_TRY_AGAIN]: 'try_again' }[code] ?? 'unauthorized';
      send({ type: 'error', code: errorCode, message });
      socket.close(code, reason);
    };

    /** The connection acts with what its credential stands for now, or ends with it. */
    const recheck = async () => {
      if (!principal || closing) return;
      try {
        principal = await authenticateToken(credential);
      } catch (err) {
        const message = err instanceof AppError ? err.message : 'authentication failed';
        return end(WS_UNAUTHORIZED, 'credential ended', message);
      }
      if (!principal.tenantId || !principal.scopes.has('read')) {
        end(WS_FORBIDDEN, 'forbidden', 'this credential no longer has read access');
      }
    };
    const scheduleRecheck = (affects?: (principal: Principal) => boolean) => {
      if (!principal || closing) return;
      const gate = affects?.(principal) === true;
      if (gate) verifying += 1;
      chain = chain
        .then(recheck)
        .catch((err) => request.log.error({ err }, 'websocket re-check failed'))
        .finally(() => {
          if (!gate) return;
          verifying -= 1;
          if (verifying > 0) return;
          const waiting = held;
          held = [];
          for (const { topic, frame, access } of waiting) offer(topic, frame, access);
        });
    };

    const authenticate = async (token: string) => {
      // One identity per connection: its subscriptions are keyed by that identity's tenant.
      if (principal)
        return send({
          type: 'error',
          code: 'already_authenticated',
          message: 'reconnect to change identity',
        });
      try {
        principal = await authenticateToken(token);
        credential = token;
        clearTimeout(authTimer);
        watch(scheduleRecheck);
        send({ type: 'ready', tenantId: principal.tenantId, principal: principal.kind });
      } catch (err) {
        const message = err instanceof AppError ? err.message : 'authentication failed';
        send({ type: 'error', code: 'unauthorized', message });
        socket.close(WS_UNAUTHORIZED, 'unauthorized');
      }
    };

    const overMessageLimit = (requested: string[]) => {
      if (requested.length <= MAX_TOPICS_PER_MESSAGE) return false;
      const message = `at most ${MAX_TOPICS_PER_MESSAGE} topics per message`;
      send({ type: 'error', code: 'too_many_topics', message });
      return true;
    };

    const subscribe = async (requested: string[]) => {
      if (!principal) return send({ type: 'error', code: 'unauthorized', message: 'authenticate first' });
      await recheck();
      const current = principal;
      if (closing) return;
      if (!current.tenantId || !current.scopes.has('read')) {
        return send({
          type: 'error',
          code: 'forbidden',
          message: 'subscribing needs a tenant and the read scope',
        });
      }
      if (overMessageLimit(requested)) return;
      const accepted: string[] = [];
      for (const topic of requested) {
        if (topics.size + refusedTopics >= MAX_TOPICS) {
          send({ type: 'error', code: 'too_many_topics', topic, message: `at most ${MAX_TOPICS} topics` });
          break;
        }
        const refused = await realtime.checkTopic(current, topic);
        if (refused) {
          refusedTopics += 1;
          send({
            type: 'error',
            code: 'forbidden_topic',
            topic,
            message: `cannot subscribe to ${topic}: ${refused}`,
          });
          continue;
        }
        topics.add(topic);
        realtime.hub.subscribe(subscriber, current.tenantId, topic);
        accepted.push(topic);
      }
      send({ type: 'subscribed', topics: accepted });
    };

    const unsubscribe = (requested: string[]) => {
      if (overMessageLimit(requested)) return;
      for (const topic of requested) {
        if (principal?.tenantId && topics.delete(topic))
          realtime.hub.unsubscribe(subscriber, principal.tenantId, topic);
      }
      send({ type: 'unsubscribed', topics: requested });
    };

    socket.on('message', (data) => {
      realtime.stats.messagesReceived += 1;
      if (closing) return;
      const message = parse(String(data));
      if (!message) return send({ type: 'error', code: 'bad_message', message: 'message not understood' });
      const run = async () => {
        if (message.type === 'ping') send({ type: 'pong' });
        else if (message.type === 'auth') await authenticate(message.token);
        else if (message.type === 'subscribe') await subscribe(message.topics);
        else unsubscribe(message.topics);
      };
      // One message at a time, in order: a subscribe sent right after auth waits for it.
      chain = chain.then(run).catch((err) => {
        request.log.error({ err }, 'websocket message failed');
        send({ type: 'error', code: 'internal', message: 'internal error' });
      });
    });

    const authTimer = setTimeout(() => {
      if (!principal) socket.close(WS_UNAUTHORIZED, 'authentication timeout');
    }, AUTH_TIMEOUT_MS);
    // Heartbeat: a client that did not answer the previous ping is gone.
    socket.on('pong', () => {
      alive = true;
    });
    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, heartbeatSeconds * 1000);

    socket.on('close', () => {
      unwatch(scheduleRecheck);
      realtime.connections.delete(socket);
      clearTimeout(authTimer);
      clearInterval(heartbeat);
      realtime.stats.framesDropped += buffer.dropped;
      buffer.close();
      if (principal?.tenantId) {
        for (const topic of topics) realtime.hub.unsubscribe(subscriber, principal.tenantId, topic);
      }
    });

    const token = (request.query as { token?: unknown }).token;
    if (typeof token === 'string' && token !== '') chain = chain.then(() => authenticate(token));
  });
}
