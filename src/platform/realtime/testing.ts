// A WebSocket test client speaking the /ws protocol, with waits on the messages it received.
import WebSocket from 'ws';

export interface WsMessage {
  type: string;
  topic?: string;
  code?: string;
  topics?: string[];
  event?: { id: string | number; type: string; occurredAt: string; data: Record<string, unknown> };
  [key: string]: unknown;
}

export interface TestSocket {
  messages: WsMessage[];
  send(message: object): void;
  /** Resolves with the first message (already received or coming) that matches. */
  next(match: (m: WsMessage) => boolean, what: string, timeoutMs?: number): Promise<WsMessage>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function connectWs(baseUrl: string, token?: string): Promise<TestSocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const socket = new WebSocket(url);
  const messages: WsMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as WsMessage);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    messages,
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    close: () => socket.close(),
    next(match, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
