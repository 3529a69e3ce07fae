// One streaming POST to a model API, its failures classified for the model node (retry on timeouts,
// 429s, 5xx and network errors; fall back on anything before the first token) and the API key kept
// out of every message (error bodies sometimes quote the key they refused).
//
// On node:http(s), not fetch: the gateway's overhead is mostly this call, and fetch costs several
// times more CPU per request (WHATWG streams, an AbortSignal and a DOMException per call). Requests
// go through one keep-alive agent per protocol with a bounded number of sockets per origin: a
// connection per request, or an unbounded pool when the upstream slows down, is what ran the
// benchmark into ECONNRESET and connect timeouts. A request that fails on a reused idle socket
// before any answer (the server closed it as we sent: ECONNRESET/EPIPE) is sent once more on a
// fresh one, as Node's documentation recommends; it never reached the model.
import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { readSse, type SseEvent } from '../../../../platform/ai/sse.ts';
import { UpstreamFailure, type UpstreamFailureKind } from './types.ts';

const MAX_ERROR_BYTES = 4096;
const MAX_DETAIL_CHARS = 300;
/** Sockets per upstream origin; more requests wait in the agent's queue (the node's timeout runs). */
export const MAX_SOCKETS_PER_ORIGIN = 256;
/** Largest unstreamed answer read (a chat answer of 200,000 tokens is about 1 MB of JSON). */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** Idle sockets are closed after this (below the 5 s of Node servers and most proxies). */
const IDLE_SOCKET_MS = 4000;

const agentOptions = {
  keepAlive: true,
  maxSockets: MAX_SOCKETS_PER_ORIGIN,
  maxFreeSockets: MAX_SOCKETS_PER_ORIGIN,
  timeout: IDLE_SOCKET_MS,
  scheduling: 'lifo' as const,
};
const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

function kindOfStatus(status: number): UpstreamFailureKind {
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server_error';
  return 'client';
}

/** What `retryAfterMs` reads: a fetch Headers, or node's headers through `nodeHeaders`. */
export interface HeaderReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

export function nodeHeaders(headers: IncomingHttpHeaders): HeaderReader {
  const get = (name: string) => {
    const v = headers[name];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  };
  return { get, has: (name) => headers[name] !== undefined };
}

/** retry-after in seconds or as an HTTP date, or OpenAI's retry-after-ms; undefined when absent. */
export function retryAfterMs(headers: HeaderReader, now = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface PostOptions {
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
  apiKey: string | undefined;
}

type Sent = { response: IncomingMessage; detach(): void } | { error: Error; retryable: boolean };

/** Sends the request; resolves with the response head, or the error and whether to send it again. */
function send(
  url: URL,
  headers: Record<string, string>,
  payload: Buffer,
  signal: AbortSignal,
): Promise<Sent> {
  const https = url.protocol === 'https:';
  return new Promise((resolve) => {
    const req = (https ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(payload.length) },
      agent: https ? agents.https : agents.http,
    });
    // Not http.request's own `signal`: its listener outlives a finished request, and an abort then
    // (the model node aborts every attempt when it is over) destroyed the pooled socket another
    // request was using by then.
    const onAbort = () => req.destroy(signal.reason);
    const detach = () => signal.removeEventListener('abort', onAbort);
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('response', (response) => {
      // Errors after this reach whoever reads the body; none may go unheard (a crash).
      response.on('error', () => {});
      resolve({ response, detach });
    });
    req.on('error', (error: Error & { code?: string }) => {
      detach();
      resolve({
        error,
        retryable: req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE'),
      });
    });
    req.end(payload);
  });
}

/** Reads what is left of an answer nobody needs (after `[DONE]`) so its socket can be reused. */
function release(response: IncomingMessage) {
  if (response.complete || response.destroyed) return;
  const timer = setTimeout(() => response.destroy(), IDLE_SOCKET_MS);
  timer.unref();
  response.once('close', () => clearTimeout(timer));
  response.resume();
}

/** The failures of one call: messages prefixed with the provider, the API key never quoted. */
function failuresOf(o: PostOptions) {
  const redact = (text: string) => (o.apiKey ? text.replaceAll(o.apiKey, '[redacted]') : text);
  const fail = (
    kind: UpstreamFailureKind,
    message: string,
    extra?: { status?: number; retryAfterMs?: number },
  ) => new UpstreamFailure(kind, `${o.provider}: ${redact(message)}`, extra);
  /** An abort rethrows its reason (the node's timeout failure, or the caller's abort). */
  const asFailure = (err: unknown, what: string) => {
    if (err instanceof UpstreamFailure) return err;
    if (o.signal.aborted) return o.signal.reason;
    const e = err as { code?: unknown; cause?: { code?: unknown }; message?: string };
    const code = e.code ?? e.cause?.code;
    return fail('network', `${what} (${typeof code === 'string' ? code : String(e.message ?? err)})`);
  };
  return { fail, asFailure };
}

/**
 * Sends the body as JSON (once more on a fresh socket when a reused one was reset) and returns the
 * response of a 2xx; anything else throws its failure (a 429 with its retry-after).
 */
async function open(o: PostOptions, accept: string, { fail, asFailure }: ReturnType<typeof failuresOf>) {
  if (o.signal.aborted) throw o.signal.reason;
  const url = new URL(o.url);
  const headers = { ...o.headers, 'content-type': 'application/json', accept };
  const payload = Buffer.from(JSON.stringify(o.body));
  let sent = await send(url, headers, payload, o.signal);
  if ('error' in sent && sent.retryable && !o.signal.aborted)
    sent = await send(url, headers, payload, o.signal);
  if ('error' in sent) throw asFailure(sent.error, 'connection failed');
  const { response, detach } = sent;
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return sent;
  let detail = '';
  try {
    detail = await errorDetail(response);
  } catch (err) {
    throw asFailure(err, 'the answer broke off');
  } finally {
    detach();
    response.destroy();
  }
  throw fail(kindOfStatus(status), `answered ${status}${detail ? `: ${detail}` : ''}`, {
    status,
    ...(status === 429 && { retryAfterMs: retryAfterMs(nodeHeaders(response.headers)) }),
  });
}

/** POSTs the body as JSON and yields the server-sent events of the answer. */
export async function* postStream(o: PostOptions): AsyncGenerator<SseEvent> {
  const failures = failuresOf(o);
  const { fail, asFailure } = failures;
  const { response, detach } = await open(o, 'text/event-stream', failures);
  let errored = false;
  try {
    const type = response.headers['content-type'] ?? '';
    if (!type.includes('text/event-stream')) {
      throw fail('protocol', `answered ${type || 'no content type'} instead of an event stream`);
    }
    // The reader may stop at its protocol's last event: the rest is drained, not the socket closed.
    yield* readSse(response.iterator({ destroyOnReturn: false }));
    // A body that ends without its end (the connection dropped) is not a whole stream.
    if (!response.complete) throw fail('network', 'the stream broke off (the connection closed)');
  } catch (err) {
    errored = true;
    throw asFailure(err, 'the stream broke off');
  } finally {
    detach();
    // Abandoned on a failure or an abort: nobody reads the rest, the connection is closed. Returned
    // early by the reader: the socket goes back to the agent once the body's end is read.
    if (errored || o.signal.aborted) response.destroy();
    else release(response);
  }
}

/**
 * POSTs the body as JSON and returns the parsed JSON answer (at most `maxBytes`), with the same
 * failure classes, socket reuse and key redaction as `postStream` (embeddings, not chat).
 */
export async function postJson(o: PostOptions & { maxBytes: number }): Promise<unknown> {
  const failures = failuresOf(o);
  const { fail, asFailure } = failures;
  const { response, detach } = await open(o, 'application/json', failures);
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > o.maxBytes) throw fail('protocol', `answered more than ${o.maxBytes} bytes`);
      chunks.push(chunk);
    }
    if (!response.complete) throw fail('network', 'the answer broke off (the connection closed)');
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw fail('protocol', 'answered with a body that is not JSON');
    }
  } catch (err) {
    response.destroy();
    throw asFailure(err, 'the answer broke off');
  } finally {
    detach();
  }
}

/** The JSON object of an event's data, or a protocol failure. */
export function eventJson(provider: string, data: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new UpstreamFailure('protocol', `${provider}: sent an event that is not JSON`);
  }
  if (typeof value !== 'object' || value === null) {
    throw new UpstreamFailure('protocol', `${provider}: sent an event that is not an object`);
  }
  return value as Record<string, unknown>;
}

async function errorDetail(response: IncomingMessage): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const bytes of response as AsyncIterable<Uint8Array>) {
    text += decoder.decode(bytes, { stream: true });
    if (text.length >= MAX_ERROR_BYTES) break;
  }
  let detail = text;
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') detail = message;
  } catch {
    // not JSON: the text itself
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  return detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS)}…` : detail;
}
