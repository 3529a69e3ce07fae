// Test and benchmark support: a local model server speaking OpenAI Chat Completions
// (POST /v1/chat/completions), OpenAI Embeddings (POST /v1/embeddings: `openAiEmbeddings`, a
// bag-of-words stand-in) and Anthropic Messages (POST /v1/messages) over a real socket, streamed
// and not, with deterministic answers derived from the prompt and failures scripted by model name or
// per call. Unlike src/platform/ai/testing.ts (one protocol, text only, scripted per test) it answers
// both protocols on one port, tool calls and usage included, so a pipeline's model node, its fallback
// chain and the gateway benchmark can all point at the same server.
//
// Model names script behaviour (the model a node or a fallback target names):
//   fail-<status>  answers that HTTP status with the protocol's error body (fail-500, fail-503, fail-401)
//   429            rate limited, with `retry-after: 1`
//   slow           never answers (the client's timeout or abort ends it)
//   slow-<ms>      answers after <ms> milliseconds
//   stall          starts the stream, sends one delta, then nothing more (a between-token timeout)
//   garbage        starts a valid stream, sends one delta, then a line that is not JSON, then ends
//   drop           starts a valid stream, sends one delta, then destroys the connection
//   tools…         (any name starting with "tools") calls the request's first tool when it has tools
// Any of the failing names may end in `x<N>` (`fail-500x2`, `429x1`): only the first N calls with that
// model name fail, later ones answer normally — retries and recoveries are testable that way.
// Any other name answers normally. `script(...)` queues behaviours for the next calls whatever the model.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeAnswer } from './fake-upstream.answer.ts';
import { anthropicFrames, anthropicJson } from './fake-upstream.anthropic.ts';
import { openAiEmbeddings, openAiFrames, openAiJson } from './fake-upstream.openai.ts';

export type FakeProtocol = 'openai' | 'anthropic';

export type FakeBehaviour =
  | { kind: 'ok'; text?: string; tools?: boolean; delayMs?: number }
  | { kind: 'error'; status: number; message?: string; retryAfterSeconds?: number }
  | { kind: 'hang' }
  | { kind: 'stall' | 'garbage' | 'drop' };

export interface FakeCall {
  protocol: FakeProtocol | null;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  model: string;
  stream: boolean;
  /** What the server did with it. */
  behaviour: FakeBehaviour['kind'];
  /** Set when the connection closed before the answer was complete (client gone, or a scripted drop). */
  abandoned: boolean;
}

export interface FakeUpstreamOptions {
  /** Wait before every answer's headers (default 0). */
  latencyMs?: number;
  /** Wait between two stream events (default 0: all written at once). */
  gapMs?: number;
  /** When set, requests without it (Bearer or x-api-key) get 401 in the protocol's shape. */
  apiKey?: string;
  /** The answer text for a request (default: an echo of the last user message, see `echoAnswer`). */
  answer?: (body: Record<string, unknown>) => string;
}

export interface FakeUpstream {
  /** http://127.0.0.1:<port> — Anthropic's base URL. */
  url: string;
  /** `${url}/v1` — the OpenAI-compatible base URL (LLM_BASE_URL). */
  openAiBaseUrl: string;
  /** Every request received, in order. */
  calls: FakeCall[];
  /** Queues behaviours for the next calls (any model), consumed in order before the model-name rules. */
  script(...behaviours: FakeBehaviour[]): void;
  /** Forgets the calls, the queue and the per-model failure counts. */
  reset(): void;
  /** Resolves once `condition` holds for the calls (checked on every change). */
  until(condition: (calls: FakeCall[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** ~4 characters a token, as everywhere in the runtime (deterministic, good enough for a fake). */
export const fakeTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/** The default answer: the last user message echoed in a sentence, so tests can predict it. */
export function echoAnswer(body: Record<string, unknown>): string {
  const last = lastUserText(body);
  const words = last.split(/\s+/).filter(Boolean).slice(0, 24).join(' ');
  return `You asked: ${words || '(nothing)'}. This is the fake upstream answering.`;
}

function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages)
    ? (body.messages as { role?: unknown; content?: unknown }[])
    : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === 'user') return contentText(m.content);
  }
  return '';
}

/** Text of a message content: a string, or the text parts of a content array (both protocols). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      const p = part as { type?: unknown; text?: unknown; content?: unknown };
      if (typeof p.text === 'string') return p.text;
      if (p.type === 'tool_result') return contentText(p.content);
      return '';
    })
    .join('');
}

function promptChars(body: Record<string, unknown>): number {
  let chars = typeof body.system === 'string' ? body.system.length : contentText(body.system).length;
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  for (const m of messages) chars += contentText(m.content).length;
  return chars;
}

const FAILING = /^(fail-(\d{3})|429|slow|stall|garbage|drop)(?:x(\d+))?$/;

/** What a model name asks for on its `n`-th call (0-based), or null to answer normally. */
export function behaviourOfModel(model: string, n: number): FakeBehaviour | null {
  const slowFor = /^slow-(\d+)$/.exec(model);
  if (slowFor) return { kind: 'ok', delayMs: Number(slowFor[1]) };
  const m = FAILING.exec(model);
  if (!m) return null;
  if (m[3] !== undefined && n >= Number(m[3])) return null;
  if (m[2]) return { kind: 'error', status: Number(m[2]) };
  switch (m[1]) {
    case '429':
      return { kind: 'error', status: 429, message: 'Rate limit reached', retryAfterSeconds: 1 };
    case 'slow':
      return { kind: 'hang' };
    default:
      return { kind: m[1] as 'stall' | 'garbage' | 'drop' };
  }
}

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const calls: FakeCall[] = [];
  let queue: FakeBehaviour[] = [];
  let perModel = new Map<string, number>();
  const watchers = new Set<() => void>();
  const changed = () => {
    for (const check of watchers) check();
  };
  const answerOf = options.answer ?? echoAnswer;

  function choose(model: string): FakeBehaviour {
    const queued = queue.shift();
    if (queued) return queued;
    const n = perModel.get(model) ?? 0;
    perModel.set(model, n + 1);
    return behaviourOfModel(model, n) ?? { kind: 'ok' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const piece of req) raw += String(piece);
    const embeddings = req.url === '/v1/embeddings';
    const protocol: FakeProtocol | null =
      req.url === '/v1/chat/completions' || embeddings
        ? 'openai'
        : req.url === '/v1/messages'
          ? 'anthropic'
          : null;
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return sendError(res, protocol ?? 'openai', 400, 'body is not JSON');
    }
    const model = typeof body.model === 'string' ? body.model : '';
    const call: FakeCall = {
      protocol,
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      model,
      stream: body.stream === true,
      behaviour: 'ok',
      abandoned: false,
    };
    calls.push(call);
    res.on('close', () => {
      if (!res.writableFinished) call.abandoned = true;
      changed();
    });
    if (req.method !== 'POST' || protocol === null) {
      changed();
      return sendError(res, protocol ?? 'openai', 404, `no route ${req.method} ${req.url}`);
    }
    const behaviour = choose(model);
    call.behaviour = behaviour.kind;
    changed();
    if (behaviour.kind === 'hang') return;
    const delay = (options.latencyMs ?? 0) + (behaviour.kind === 'ok' ? (behaviour.delayMs ?? 0) : 0);
    if (delay > 0) await pause(delay);
    if (res.destroyed) return;
    if (options.apiKey !== undefined && !authorised(req, protocol, options.apiKey)) {
      return sendError(res, protocol, 401, 'invalid api key');
    }
    if (embeddings) return answerEmbeddings(res, body, behaviour);
    if (protocol === 'anthropic' && typeof body.max_tokens !== 'number') {
      return sendError(res, protocol, 400, 'max_tokens: Field required');
    }
    if (behaviour.kind === 'error') return sendScriptedError(res, protocol, behaviour);
    const text = behaviour.kind === 'ok' && behaviour.text !== undefined ? behaviour.text : answerOf(body);
    const tools = Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : [];
    const wantsTool =
      tools.length > 0 && (model.startsWith('tools') || (behaviour.kind === 'ok' && behaviour.tools));
    const answer: FakeAnswer = {
      model,
      text,
      inputTokens: fakeTokens(' '.repeat(promptChars(body))),
      outputTokens: fakeTokens(text),
      includeUsage: (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true,
    };
    if (wantsTool) {
      const name = toolName(tools[0], protocol);
      answer.toolCall = {
        id: protocol === 'openai' ? `call_fake${calls.length}` : `toolu_fake${calls.length}`,
        name,
        arguments: JSON.stringify({ query: lastUserText(body).slice(0, 80) }),
      };
      answer.outputTokens += fakeTokens(answer.toolCall.arguments);
    }
    if (!call.stream) {
      if (behaviour.kind !== 'ok') {
        // A non-streamed answer has no middle: garbage is a broken body, drop and stall as streamed.
        if (behaviour.kind === 'garbage') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end('{"id": "broken", "choices": [');
        }
        if (behaviour.kind === 'drop') return res.destroy();
        return;
      }
      const json = protocol === 'openai' ? openAiJson(answer) : anthropicJson(answer);
      return sendJson(res, 200, json);
    }
    const frames = protocol === 'openai' ? openAiFrames(answer) : anthropicFrames(answer);
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    // A whole answer at once is one write (as a server that has the whole answer sends it): a write
    // per frame would make the benchmark measure this fake's and the kernel's per-write costs.
    if (behaviour.kind === 'ok' && !options.gapMs) return res.end(frames.list.join(''));
    // Failures mid-stream come after the opening frames and the first delta.
    const cut = behaviour.kind === 'ok' ? frames.list.length : Math.min(frames.first + 1, frames.list.length);
    for (let i = 0; i < cut; i++) {
      if (res.destroyed) return;
      if (options.gapMs && i > 0) await pause(options.gapMs);
      await write(res, frames.list[i] ?? '');
    }
    switch (behaviour.kind) {
      case 'stall':
        return;
      case 'drop':
        return res.destroy();
      case 'garbage':
        res.write(
          protocol === 'openai'
            ? 'data: {"id":"chatcmpl-fake","choices":[{"delta":{"content":<<garbage\n\n'
            : 'event: content_block_delta\ndata: {"type":"content_block_delta",<<garbage\n\n',
        );
        return res.end();
      default:
        res.end();
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => res.destroy(err));
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openAiBaseUrl: `${url}/v1`,
    calls,
    script(...behaviours) {
      queue.push(...behaviours);
    },
    reset() {
      calls.length = 0;
      queue = [];
      perModel = new Map();
    },
    until(condition, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!condition(calls)) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`fake upstream: no ${what} within ${timeoutMs} ms (${calls.length} calls)`));
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

/** An embeddings answer, or the scripted failure (a stall never answers, garbage is cut JSON). */
function answerEmbeddings(res: ServerResponse, body: Record<string, unknown>, behaviour: FakeBehaviour) {
  if (behaviour.kind === 'error') return sendScriptedError(res, 'openai', behaviour);
  if (behaviour.kind === 'stall') return;
  if (behaviour.kind === 'drop') return res.destroy();
  if (behaviour.kind === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"object": "list", "data": [');
  }
  const json = openAiEmbeddings(body);
  if (json === null) return sendError(res, 'openai', 400, 'input must be a string or a list of strings');
  sendJson(res, 200, json);
}

function toolName(tool: Record<string, unknown> | undefined, protocol: FakeProtocol): string {
  if (!tool) return 'tool';
  if (protocol === 'openai') {
    const fn = tool.function as { name?: unknown } | undefined;
    return typeof fn?.name === 'string' ? fn.name : 'tool';
  }
  return typeof tool.name === 'string' ? tool.name : 'tool';
}

function authorised(req: IncomingMessage, protocol: FakeProtocol, key: string): boolean {
  if (protocol === 'anthropic' && req.headers['x-api-key'] === key) return true;
  return req.headers.authorization === `Bearer ${key}`;
}

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

function sendError(
  res: ServerResponse,
  protocol: FakeProtocol,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  const body =
    protocol === 'anthropic'
      ? { type: 'error', error: { type: ANTHROPIC_ERROR_TYPES[status] ?? 'api_error', message } }
      : {
          error: {
            message,
            type: status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error',
            param: null,
            code: status === 429 ? 'rate_limit_exceeded' : null,
          },
        };
  sendJson(res, status, body, headers);
}

/** A scripted failure: its status and message in the protocol's shape, a 429's retry-after. */
function sendScriptedError(
  res: ServerResponse,
  protocol: FakeProtocol,
  behaviour: Extract<FakeBehaviour, { kind: 'error' }>,
) {
  const headers: Record<string, string> = behaviour.retryAfterSeconds
    ? { 'retry-after': String(behaviour.retryAfterSeconds) }
    : {};
  sendError(res, protocol, behaviour.status, behaviour.message ?? 'scripted failure', headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Resolves once the frame is handed to the socket, so a scripted drop comes after what was sent. */
const write = (res: ServerResponse, frame: string) =>
  new Promise<void>((resolve) => {
    res.write(frame, () => resolve());
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
