/**
 * One WebSocket to the server's /ws, shared by every part of the dashboard that wants live updates.
 *
 * It opens when the first listener subscribes and closes shortly after the last one leaves. It
 * authenticates with a first `auth` message (so the token stays out of URLs and proxy logs), asks
 * for a fresh token on every connection, and after a lost connection reconnects with exponential
 * backoff and jitter and subscribes to every current topic again. Listeners hear `onSubscribed`
 * each time the server (re)confirms their topic: events may have been missed before that moment, so
 * that is when to reload the state the events update.
 */
import {
  type ClientMessage,
  FORBIDDEN_CLOSE,
  type PushedEvent,
  parseServerMessage,
  type ServerMessage,
  UNAUTHORIZED_CLOSE,
} from './protocol';

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export interface ConnectionState {
  /** `open` once the server has accepted the credentials. */
  status: ConnectionStatus;
  /** While waiting to reconnect after a lost connection: when the next attempt starts (local ms). */
  reconnectAt: number | null;
}

export interface TopicListener {
  onEvent(event: PushedEvent, topic: string): void;
  /** The server confirmed the topic (again, after a reconnect): reload what its events update. */
  onSubscribed?(topic: string): void;
  /** The server refused the topic (unknown id, another organisation's, no read access). */
  onRefused?(topic: string, reason: string): void;
}

export interface RealtimeClientOptions {
  /** Address of /ws (ws: or wss:). */
  url(): string;
  /** A usable access token, or null when signed out. */
  accessToken(): Promise<string | null>;
  /** The server refused `rejected`: a renewed token, or null when the sign-in is over. */
  renew(rejected: string): Promise<string | null>;
  createSocket?(url: string): WebSocket;
}

const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 15_000;
/** Keeps the connection across a page change or React's double-run of effects in development. */
const LINGER_MS = 1_000;
const NORMAL_CLOSE = 1000;
const CLOSED: ConnectionState = { status: 'closed', reconnectAt: null };

export class RealtimeClient {
  private readonly options: RealtimeClientOptions;
  private readonly listeners = new Map<string, Set<TopicListener>>();
  /** Topics the server refused, with its reason: not asked for again until every listener left. */
  private readonly refused = new Map<string, string>();
  /** Topics asked for on the current connection, and those the server confirmed. */
  private readonly requested = new Set<string>();
  private readonly confirmed = new Set<string>();
  private readonly stateListeners = new Set<() => void>();
  private state: ConnectionState = CLOSED;
  private socket: WebSocket | null = null;
  private ready = false;
  /** Bumped by every connect and disconnect, so a stale socket or token lookup is ignored. */
  private generation = 0;
  private attempt = 0;
  /**
   * Set by a close for lost read access (4403) or a 4401 whose token could not be renewed: the server
   * may well accept the credentials (`ready`) and close again, so `ready` must not reset the backoff
   * until the connection is started over (sign-in, or every listener left).
   */
  private backoffHeld = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  private flushQueued = false;

  constructor(options: RealtimeClientOptions) {
    this.options = options;
  }

  getState = (): ConnectionState => this.state;

  onStateChange = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  /** Listens to `topics` (a function is taken as `onEvent`) until the returned function is called. */
  subscribe(topics: readonly string[], listener: TopicListener | TopicListener['onEvent']): () => void {
    const entry: TopicListener = typeof listener === 'function' ? { onEvent: listener } : listener;
    const unique = [...new Set(topics)];
    for (const topic of unique) {
      const set = this.listeners.get(topic) ?? new Set<TopicListener>();
      this.listeners.set(topic, set.add(entry));
      // Joining a topic that is already settled: tell this listener now, as the others were told.
      const reason = this.refused.get(topic);
      if (reason !== undefined) this.later(entry, topic, () => entry.onRefused?.(topic, reason));
      else if (this.confirmed.has(topic)) this.later(entry, topic, () => entry.onSubscribed?.(topic));
    }
    clearTimeout(this.lingerTimer);
    if (this.state.status === 'closed' && this.retryTimer === undefined) void this.connect();
    this.scheduleFlush();

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      for (const topic of unique) {
        const set = this.listeners.get(topic);
        set?.delete(entry);
        if (set?.size === 0) {
          this.listeners.delete(topic);
          this.refused.delete(topic);
        }
      }
      this.scheduleFlush();
      if (this.listeners.size === 0) {
        clearTimeout(this.lingerTimer);
        this.lingerTimer = setTimeout(() => this.disconnect(), LINGER_MS);
      }
    };
  }

  /** The signed-in person changed: drop the connection and, if anyone still listens, start over as them. */
  reset(): void {
    this.disconnect();
    this.refused.clear();
    if (this.listeners.size > 0) void this.connect();
  }

  private setState(next: ConnectionState) {
    if (next.status === this.state.status && next.reconnectAt === this.state.reconnectAt) return;
    this.state = next;
    for (const listener of this.stateListeners) listener();
  }

  /** Runs a listener callback after the caller returns, if the listener still listens to the topic. */
  private later(entry: TopicListener, topic: string, callback: () => void) {
    queueMicrotask(() => {
      if (this.listeners.get(topic)?.has(entry)) callback();
    });
  }

  private async connect() {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const generation = ++this.generation;
    this.setState({ status: 'connecting', reconnectAt: null });
    let token: string | null;
    try {
      token = await this.options.accessToken();
    } catch {
      // The token could not be renewed (server unreachable): try again later.
      if (generation === this.generation) this.scheduleReconnect();
      return;
    }
    if (generation !== this.generation) return;
    // Signed out: stay closed until the next sign-in resets the client.
    if (!token) return this.setState(CLOSED);

    const sentToken = token;
    const createSocket = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    const socket = createSocket(this.options.url());
    this.socket = socket;
    this.ready = false;
    socket.onopen = () => this.send({ type: 'auth', token: sentToken }, socket);
    socket.onmessage = (message: MessageEvent) => {
      if (this.socket !== socket) return;
      const parsed = parseServerMessage(message.data);
      if (parsed) this.receive(parsed);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.ready = false;
      this.setState(CLOSED);
      void this.afterClose(event.code, sentToken, generation);
    };
  }

  private async afterClose(code: number, token: string, generation: number) {
    if (this.listeners.size === 0) return this.setState(CLOSED);
    if (code === UNAUTHORIZED_CLOSE) {
      // Expired or ended: renew before trying again; no token means the sign-in is over.
      const renewed = await this.options.renew(token).then(
        (next) => ({ token: next, failed: false }),
        () => ({ token, failed: true }),
      );
      if (generation !== this.generation) return;
      if (!renewed.token) return this.setState(CLOSED);
      // Not renewed (server unreachable): the same token is likely refused again, so slow down.
      if (renewed.failed) this.backoffHeld = true;
    }
    if (code === FORBIDDEN_CLOSE) this.backoffHeld = true;
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** this.attempt);
    // "Equal jitter": spread the reconnects of many dashboards after a server restart.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.setState({ status: 'closed', reconnectAt: Date.now() + delay });
  }

  private disconnect() {
    this.generation += 1;
    clearTimeout(this.retryTimer);
    clearTimeout(this.lingerTimer);
    this.retryTimer = undefined;
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    this.requested.clear();
    this.confirmed.clear();
    this.attempt = 0;
    this.backoffHeld = false;
    socket?.close(NORMAL_CLOSE, 'no longer needed');
    this.setState(CLOSED);
  }

  private send(message: ClientMessage, socket = this.socket) {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  private receive(message: ServerMessage) {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (!this.backoffHeld) this.attempt = 0;
        this.requested.clear();
        this.confirmed.clear();
        this.setState({ status: 'open', reconnectAt: null });
        this.flush();
        break;
      case 'subscribed':
        for (const topic of message.topics) {
          if (!this.requested.has(topic)) continue;
          this.confirmed.add(topic);
          for (const entry of this.listenersOf(topic)) entry.onSubscribed?.(topic);
        }
        break;
      case 'event':
        for (const entry of this.listenersOf(message.topic)) entry.onEvent(message.event, message.topic);
        break;
      case 'error':
        this.onError(message);
        break;
      default:
        break;
    }
  }

  private onError(error: Extract<ServerMessage, { type: 'error' }>) {
    if (error.topic !== undefined) return this.refuse(error.topic, error.message);
    // Refused for every topic (the principal has no organisation or no read access).
    if (error.code === 'forbidden') {
      for (const topic of this.requested) if (!this.confirmed.has(topic)) this.refuse(topic, error.message);
      return;
    }
    // A fault on the server left the subscriptions unknown: start over on a new connection.
    if (error.code === 'internal') this.socket?.close(NORMAL_CLOSE, 'server error');
    // 'unauthorized' is followed by the server closing the socket (handled in afterClose).
  }

  private refuse(topic: string, reason: string) {
    this.requested.delete(topic);
    if (!this.listeners.has(topic)) return;
    this.refused.set(topic, reason);
    for (const entry of this.listenersOf(topic)) entry.onRefused?.(topic, reason);
  }

  /** A copy, so a listener may unsubscribe while being called. */
  private listenersOf(topic: string): TopicListener[] {
    return [...(this.listeners.get(topic) ?? [])];
  }

  /** Batches the subscription changes of one render (many rows, or React's double-run) into one message each way. */
  private scheduleFlush() {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush() {
    if (!this.ready) return;
    const drop = [...this.requested].filter((topic) => !this.listeners.has(topic));
    const add = [...this.listeners.keys()].filter(
      (topic) => !this.requested.has(topic) && !this.refused.has(topic),
    );
    for (const topic of drop) {
      this.requested.delete(topic);
      this.confirmed.delete(topic);
    }
    for (const topic of add) this.requested.add(topic);
    if (drop.length > 0) this.send({ type: 'unsubscribe', topics: drop });
    if (add.length > 0) this.send({ type: 'subscribe', topics: add });
  }
}
