// One streaming POST to a model API, its failures classified for the model node (retry on timeouts,
// 429s, 5xx and network errors; fall back on anything before the first token) and the API key kept
// out of every message (error bodies sometimes quote the key they refused).
import { readSse, type SseEvent } from '../../../../platform/ai/sse.ts';
import { UpstreamFailure, type UpstreamFailureKind } from './types.ts';

const MAX_ERROR_BYTES = 4096;
const MAX_DETAIL_CHARS = 300;

function kindOfStatus(status: number): UpstreamFailureKind {
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server_error';
  return 'client';
}

/** retry-after in seconds or as an HTTP date, or OpenAI's retry-after-ms; undefined when absent. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
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

/** POSTs the body as JSON and yields the server-sent events of the answer. */
export async function* postStream(o: PostOptions): AsyncGenerator<SseEvent> {
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
    const code = (err as { cause?: { code?: unknown } }).cause?.code;
    return fail('network', `${what} (${typeof code === 'string' ? code : (err as Error).message})`);
  };
  let response: Response;
  try {
    response = await fetch(o.url, {
      method: 'POST',
      headers: { ...o.headers, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(o.body),
      signal: o.signal,
    });
  } catch (err) {
    throw asFailure(err, 'connection failed');
  }
  try {
    if (!response.ok) {
      const detail = await errorDetail(response);
      throw fail(kindOfStatus(response.status), `answered ${response.status}${detail ? `: ${detail}` : ''}`, {
        status: response.status,
        ...(response.status === 429 && { retryAfterMs: retryAfterMs(response.headers) }),
      });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream') || !response.body) {
      throw fail('protocol', `answered ${type || 'no content type'} instead of an event stream`);
    }
    yield* readSse(response.body);
  } catch (err) {
    throw asFailure(err, 'the stream broke off');
  } finally {
    await response.body?.cancel().catch(() => {});
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

async function errorDetail(response: Response): Promise<string> {
  let text = '';
  if (response.body) {
    const decoder = new TextDecoder();
    for await (const bytes of response.body) {
      text += decoder.decode(bytes, { stream: true });
      if (text.length >= MAX_ERROR_BYTES) break;
    }
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
