// Test support: local stand-ins for an OpenAI-compatible server and for Anthropic's API that speak
// each one's real streaming wire protocol over a real socket, scripted per test (what to stream,
// delays, failures, stalls, disconnects) and recording the requests they received.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatChunk } from './types.ts';

/** What the server does with one request. */
export interface FakeReply {
  /** The text the answer streams, one delta event each (default: ['Hello', ' from', ' the fake']). */
  deltas?: string[];
  /** Fail with this HTTP status and the provider's JSON error body instead. */
  status?: number;
  /** The message of that error body (or of `errorEvent`). */
  errorMessage?: string;
  /** Use this reply for this many requests before the next one (default 1). */
  times?: number;
  /** Wait before answering the headers. */
  delayMs?: number;
  /** Wait between two events. */
  gapMs?: number;
  /**
   * Stop sending after this many deltas (before the closing events), keeping the connection open;
   * 'headers' = not even the status line.
   */
  stallAfter?: 'headers' | number;
  /** Destroy the connection after this many deltas (before the closing events). */
  disconnectAfter?: number;
  /** After the deltas, report a failure inside the stream (Anthropic: this error type). */
  errorEvent?: string;
  /** Write the stream in pieces of this many bytes (each in its own write), to split lines and characters. */
  chunkBytes?: number;
  /** Line ending of the event stream (default LF). */
  lineEnding?: '\n' | '\r\n';
}

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Set when the connection closed before the answer was complete (client gone, or a scripted disconnect). */
  abandoned: boolean;
}

export interface FakeAiServer {
  /** The base URL to configure: LLM_BASE_URL (…/v1) or ANTHROPIC_BASE_URL. */
  url: string;
  requests: FakeRequest[];
  /** Scripts the next requests, in order; the last reply keeps answering once the others are used. */
  respond(...replies: FakeReply[]): void;
  /** Resolves once `condition` holds for the recorded requests (checked on every change). */
  until(condition: (requests: FakeRequest[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Protocol {
  /** The API's path under the host; `basePath` is the part that belongs in the configured base URL. */
  basePath: string;
  path: string;
  /** An error answer the real API would give this request, if any (e.g. a wrong key). */
  refuse(
    req: IncomingMessage,
    body: Record<string, unknown>,
  ): { status: number; message: string } | undefined;
  errorBody(status: number, message: string): unknown;
  /** The answer's events in wire format (LF line ends); the deltas' events are consecutive from `deltaStart`. */
  events(reply: FakeReply, model: string): { frames: string[]; deltaStart: number };
}

const DEFAULT_DELTAS = ['Hello', ' from', ' the fake'];

/** A fake OpenAI-compatible server; base URL …/v1. With `apiKey`, other bearer tokens get 401. */
export function startFakeOpenAi(options: { apiKey?: string } = {}): Promise<FakeAiServer> {
  const chunk = (model: string, delta: object, finish: string | null) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  return startFake({
    basePath: '/v1',
    path: '/v1/chat/completions',
    refuse(req) {
      if (options.apiKey === undefined || req.headers.authorization === `Bearer ${options.apiKey}`) return;
      const shown = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      // Quotes the refused key, as OpenAI does (it masks part of it; a lax server might not).
      return { status: 401, message: `Incorrect API key provided: ${shown}` };
    },
    errorBody: (status, message) => ({
      error: { message, type: status === 401 ? 'invalid_request_error' : 'server_error', code: null },
    }),
    events(reply, model) {
      const frames = [': keep-alive\n\n', chunk(model, { role: 'assistant', content: '' }, null)];
      const deltaStart = frames.length;
      for (const text of reply.deltas ?? DEFAULT_DELTAS) frames.push(chunk(model, { content: text }, null));
      if (reply.errorEvent !== undefined) {
        frames.push(
          `data: ${JSON.stringify({ error: { message: reply.errorMessage ?? reply.errorEvent } })}\n\n`,
        );
        return { frames, deltaStart };
      }
      frames.push(chunk(model, {}, 'stop'), 'data: [DONE]\n\n');
      return { frames, deltaStart };
    },
  });
}

/** A fake Anthropic API; base URL without /v1. Requests without `apiKey` as x-api-key get 401. */
export function startFakeAnthropic(options: { apiKey: string }): Promise<FakeAiServer> {
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  return startFake({
    basePath: '',
    path: '/v1/messages',
    refuse(req, body) {
      if (req.headers['x-api-key'] !== options.apiKey) return { status: 401, message: 'invalid x-api-key' };
      if (!req.headers['anthropic-version'])
        return { status: 400, message: 'anthropic-version: header is required' };
      if (typeof body.max_tokens !== 'number') return { status: 400, message: 'max_tokens: Field required' };
      return;
    },
    errorBody: (status, message) => ({
      type: 'error',
      error: {
        type: status === 401 ? 'authentication_error' : status === 529 ? 'overloaded_error' : 'api_error',
        message,
      },
    }),
    events(reply, model) {
      const frames = [
        event('message_start', {
          message: {
            id: 'msg_fake',
            type: 'message',
            role: 'assistant',
            model,
            content: [],
            stop_reason: null,
          },
        }),
        event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
        event('ping', {}),
      ];
      const deltaStart = frames.length;
      for (const text of reply.deltas ?? DEFAULT_DELTAS) {
        frames.push(event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }));
      }
      if (reply.errorEvent !== undefined) {
        frames.push(
          event('error', { error: { type: reply.errorEvent, message: reply.errorMessage ?? 'Overloaded' } }),
        );
        return { frames, deltaStart };
      }
      frames.push(
        event('content_block_stop', { index: 0 }),
        event('message_delta', {
          delta: { stop_reason: 'end_turn', stop_sequence: null },
          usage: { output_tokens: 3 },
        }),
        event('message_stop', {}),
      );
      return { frames, deltaStart };
    },
  });
}

async function startFake(protocol: Protocol): Promise<FakeAiServer> {
  const requests: FakeRequest[] = [];
  let script: FakeReply[] = [{}];
  const watchers = new Set<() => void>();
  const changed = () => {
    for (const check of watchers) check();
  };

  function nextReply(): FakeReply {
    const [reply = {}, ...rest] = script;
    const times = (reply.times ?? 1) - 1;
    if (rest.length > 0) script = times > 0 ? [{ ...reply, times }, ...rest] : rest;
    return reply;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let text = '';
    for await (const piece of req) text += String(piece);
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const recorded: FakeRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      abandoned: false,
    };
    requests.push(recorded);
    res.on('close', () => {
      if (!res.writableFinished) recorded.abandoned = true;
      changed();
    });
    changed();
    if (req.method !== 'POST' || req.url !== protocol.path)
      return sendJson(res, 404, { error: { message: 'no such route' } });
    const reply = nextReply();
    if (reply.delayMs) await pause(reply.delayMs);
    if (reply.stallAfter === 'headers') return;
    const refused = protocol.refuse(req, body);
    if (refused) return sendJson(res, refused.status, protocol.errorBody(refused.status, refused.message));
    if (reply.status) {
      return sendJson(
        res,
        reply.status,
        protocol.errorBody(reply.status, reply.errorMessage ?? 'scripted failure'),
      );
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.flushHeaders();
    const { frames, deltaStart } = protocol.events(reply, String(body.model));
    const deltaCount = (reply.deltas ?? DEFAULT_DELTAS).length;
    // The index of the frame after the first `n` deltas: the closing frames always come after it.
    const afterDeltas = (n: number | 'headers' | undefined) =>
      typeof n === 'number' ? deltaStart + Math.min(n, deltaCount) : frames.length;
    const stall = afterDeltas(reply.stallAfter);
    const disconnect = afterDeltas(reply.disconnectAfter);
    for (const [i, frame] of frames.entries()) {
      if (i === stall) return;
      if (i === disconnect) return res.destroy();
      if (reply.gapMs && i > 0) await pause(reply.gapMs);
      await write(
        res,
        reply.lineEnding === '\r\n' ? frame.replaceAll('\n', '\r\n') : frame,
        reply.chunkBytes,
      );
    }
    res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => res.destroy(err));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${protocol.basePath}`,
    requests,
    respond(...replies) {
      script = replies.length > 0 ? replies : [{}];
    },
    until(condition, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!condition(requests)) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(
            new Error(`fake AI server: no ${what} within ${timeoutMs} ms (${requests.length} requests)`),
          );
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Writes `text`, in separate writes of `chunkBytes` bytes if set, each flushed before the next. */
async function write(res: ServerResponse, text: string, chunkBytes?: number) {
  const bytes = Buffer.from(text);
  const size = chunkBytes ?? bytes.length;
  for (let at = 0; at < bytes.length; at += size) {
    if (res.destroyed) return;
    await new Promise<void>((resolve) => res.write(bytes.subarray(at, at + size), () => resolve()));
    // Let the event loop run so the pieces leave as separate TCP segments.
    if (chunkBytes) await new Promise((resolve) => setImmediate(resolve));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReadChat {
  deltas: string[];
  text: string;
  done: Extract<ChatChunk, { type: 'done' }> | undefined;
  /** What the stream threw, if it did (after `deltas`). */
  error: unknown;
}

/** Reads a chat stream to its end, keeping what arrived before an error. */
export async function readChat(chunks: AsyncIterable<ChatChunk>): Promise<ReadChat> {
  const deltas: string[] = [];
  let done: ReadChat['done'];
  let error: unknown;
  try {
    for await (const chunk of chunks) {
      if (chunk.type === 'delta') deltas.push(chunk.text);
      else done = chunk;
    }
  } catch (err) {
    error = err;
  }
  return { deltas, text: deltas.join(''), done, error };
}
