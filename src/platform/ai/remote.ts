// What the OpenAI-compatible and Anthropic providers share: one streaming POST, the HTTP and network
// failures turned into ProviderFailure (which createAi retries or falls back on), and the API key
// kept out of every message — upstream error bodies sometimes quote the key they refused.
import { readSse, type SseEvent } from './sse.ts';
import type { ProviderName } from './types.ts';

/**
 * A provider call that failed. Stays inside the AI layer: createAi turns it into a fallback note or
 * an AppError. `message` never holds the API key.
 */
export class ProviderFailure extends Error {
  override name = 'ProviderFailure';
  /** Worth another attempt if nothing was streamed yet: connection errors, 429, 5xx. */
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

export interface Remote {
  /** POSTs `body` as JSON and yields the events of the streamed answer. */
  post(
    url: string,
    headers: Record<string, string>,
    body: unknown,
    signal?: AbortSignal,
  ): AsyncGenerator<SseEvent>;
  /** A failure named after the provider, with the key removed from `message`. */
  failure(message: string, retryable: boolean): ProviderFailure;
  /** The JSON object in an event's data, or a failure. */
  json(data: string): Record<string, unknown>;
}

// Enough for any provider's error message; the rest of a large error page is not read.
const MAX_ERROR_BYTES = 4096;
const MAX_DETAIL_CHARS = 300;

const isRetryableStatus = (status: number) => status === 429 || status >= 500;

export function createRemote(provider: ProviderName, apiKey: string | undefined): Remote {
  const redact = (text: string) => (apiKey ? text.replaceAll(apiKey, '[redacted]') : text);
  const failure = (message: string, retryable: boolean) =>
    new ProviderFailure(`${provider}: ${redact(message)}`, retryable);

  /** A thrown value as a failure; an abort rethrows its reason (a timeout's failure, or the caller's). */
  function asFailure(err: unknown, signal: AbortSignal | undefined, what: string): unknown {
    if (err instanceof ProviderFailure) return err;
    if (signal?.aborted) return signal.reason;
    // fetch's own messages ('fetch failed', 'terminated') say less than the cause's code (ECONNREFUSED).
    const code = (err as { cause?: { code?: unknown } }).cause?.code;
    const why = typeof code === 'string' ? code : (err as Error).message;
    return failure(`${what} (${why})`, true);
  }

  async function* post(
    url: string,
    headers: Record<string, string>,
    body: unknown,
    signal?: AbortSignal,
  ): AsyncGenerator<SseEvent> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (err) {
      throw asFailure(err, signal, 'connection failed');
    }
    try {
      if (!response.ok) {
        const detail = await errorDetail(response);
        throw failure(
          `answered ${response.status}${detail ? `: ${detail}` : ''}`,
          isRetryableStatus(response.status),
        );
      }
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('text/event-stream') || !response.body) {
        throw failure(`answered ${type || 'no content type'} instead of an event stream`, false);
      }
      yield* readSse(response.body);
    } catch (err) {
      throw asFailure(err, signal, 'the stream broke off');
    } finally {
      // Ends the connection when the answer is abandoned early (no-op once the body was read).
      await response.body?.cancel().catch(() => {});
    }
  }

  function json(data: string): Record<string, unknown> {
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      throw failure('sent an event that is not JSON', false);
    }
    if (typeof value !== 'object' || value === null)
      throw failure('sent an event that is not an object', false);
    return value as Record<string, unknown>;
  }

  return { post, failure, json };
}

/** The message of an error answer: `error.message` (both APIs' shape), else the start of its text. */
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
