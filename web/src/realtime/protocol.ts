// Messages of the server's WebSocket at /ws (see src/platform/realtime/ws.routes.ts on the server).

/** An event pushed on a topic; `data` is shaped by `type` (e.g. JobUpdated). */
export interface PushedEvent<T = Record<string, unknown>> {
  id: string | number;
  type: string;
  occurredAt: string;
  data: T;
}

export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe' | 'unsubscribe'; topics: string[] }
  | { type: 'ping' };

export type ServerMessage =
  | { type: 'ready'; tenantId: string | null; principal: string }
  | { type: 'subscribed' | 'unsubscribed'; topics: string[] }
  | { type: 'event'; topic: string; event: PushedEvent }
  | { type: 'error'; code: string; message: string; topic?: string }
  | { type: 'pong' };

/** Close code of a connection whose credentials the server refused or that ended (sign-out, expiry). */
export const UNAUTHORIZED_CLOSE = 4401;
/** Close code of a connection whose credentials lost read access (still valid, but may not listen). */
export const FORBIDDEN_CLOSE = 4403;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTopicList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((topic) => typeof topic === 'string');

/** The message, or null when it is not one this client understands (ignored, as newer servers may add some). */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'ready':
    case 'pong':
      return message as ServerMessage;
    case 'subscribed':
    case 'unsubscribed':
      return isTopicList(message.topics) ? (message as ServerMessage) : null;
    case 'event': {
      const event = message.event;
      const valid =
        typeof message.topic === 'string' &&
        isRecord(event) &&
        typeof event.type === 'string' &&
        isRecord(event.data);
      return valid ? (message as ServerMessage) : null;
    }
    case 'error':
      return typeof message.code === 'string' ? (message as ServerMessage) : null;
    default:
      return null;
  }
}
