// What the semantic cache embeds questions with: the built-in offline embedder (embedder.ts:
// synchronous, no network, recomputed whenever it is needed) or, when EMBEDDINGS_BASE_URL is set,
// an upstream OpenAI-compatible embeddings endpoint (`POST {base}/embeddings` — OpenAI, Azure,
// Ollama, vLLM, text-embeddings-inference). Upstream vectors cost a call and money, so they are
// kept with the cache entries (ai_cache_entries.embedding, and the embedder's id in the entry) and
// reused on the next load; vectors of another embedder (the model was changed) are embedded again.
//
// An upstream embedder that fails or is slow never fails a request: the lookup is a miss (and the
// entry is stored for exact hits), see cache.service.ts.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { postJson } from '../runtime/upstream/http.ts';
import { UpstreamFailure } from '../runtime/upstream/types.ts';
import { embed, RECOMMENDED_THRESHOLD } from './embedder.ts';

export interface Embedder {
  /** Kept with persisted vectors: a vector is only ever compared with vectors of the same id. */
  readonly id: string;
  /** The upstream model's name; null for the built-in embedder. */
  readonly model: string | null;
  /** The similarity a semantic hit needs when a pipeline's cache node sets no threshold. */
  readonly defaultThreshold: number;
  /** Whether vectors are worth storing with the entries (costly to compute again). */
  readonly persist: boolean;
  /** Texts per call (batches of the warm-up). */
  readonly batchSize: number;
  /**
   * Unit vectors of the texts, in their order; rejects when the embedder fails. A `batch` call (the
   * background, not a lookup someone waits for) gets a longer timeout and retries.
   */
  embed(texts: string[], options?: { batch?: boolean }): Promise<Float32Array[]>;
  /** The vector at once when it costs no I/O (the built-in embedder), else null. */
  embedNow(text: string): Float32Array | null;
}

export const builtinEmbedder: Embedder = {
  id: 'builtin',
  model: null,
  defaultThreshold: RECOMMENDED_THRESHOLD,
  persist: false,
  batchSize: 1024,
  embed: async (texts) => texts.map((t) => embed(t)),
  embedNow: (text) => embed(text),
};

export interface EmbeddingSettings {
  /** OpenAI-compatible API base (…/v1); unset → the built-in embedder. */
  embeddingsBaseUrl: string | undefined;
  embeddingsApiKey: string | undefined;
  embeddingsModel: string;
  embeddingsTimeoutMs: number;
  /** Default semantic threshold with that model (cosines differ from one model to another). */
  embeddingsThreshold: number;
}

/** Inputs per request: OpenAI takes up to 2,048; smaller batches keep one failure cheap. */
const BATCH = 128;
/** Largest answer read: 128 vectors of 3,072 floats as JSON text is about 8 MB. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** A background batch waits at least this long (EMBEDDINGS_TIMEOUT_MS is sized for one question). */
const BATCH_TIMEOUT_MS = 30_000;
/** Retries of a background batch on a 429, a 5xx, a timeout or a network error, and their waits. */
const BATCH_RETRY_MS = [1_000, 5_000];
const RETRIED = new Set(['rate_limit', 'server_error', 'timeout', 'network']);
const MAX_RETRY_AFTER_MS = 30_000;

/** Scales a vector to unit length (a zero vector stays zero); rejects non-finite values. */
function unit(values: unknown, provider: string): Float32Array {
  if (!Array.isArray(values) || values.length === 0 || values.length > 65_536)
    throw new UpstreamFailure('protocol', `${provider}: an embedding is not a list of 1–65,536 numbers`);
  const v = new Float32Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new UpstreamFailure(
        'protocol',
        `${provider}: an embedding holds a value that is not a finite number`,
      );
    v[i] = x;
    sum += x * x;
  }
  if (sum > 0) {
    const inv = 1 / Math.sqrt(sum);
    for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * inv;
  }
  return v;
}

/** The vectors of an OpenAI embeddings answer, in input order (by `index`). */
export function readEmbeddings(answer: unknown, count: number, provider: string): Float32Array[] {
  const data = (answer as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length !== count)
    throw new UpstreamFailure(
      'protocol',
      `${provider}: answered ${Array.isArray(data) ? data.length : 'no'} embeddings for ${count} inputs`,
    );
  const out: (Float32Array | undefined)[] = new Array(count);
  let dims = -1;
  for (const [i, item] of data.entries()) {
    const d = item as { index?: unknown; embedding?: unknown };
    const at = d.index === undefined ? i : d.index;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= count || out[at])
      throw new UpstreamFailure('protocol', `${provider}: an embedding has a missing or repeated index`);
    const v = unit(d.embedding, provider);
    if (dims !== -1 && v.length !== dims)
      throw new UpstreamFailure('protocol', `${provider}: embeddings of different lengths in one answer`);
    dims = v.length;
    out[at] = v;
  }
  return out as Float32Array[];
}

/** The URL without user, password and trailing slashes: what identifies the service. */
function endpointOf(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/+$/, '');
}

export function upstreamEmbedder(settings: EmbeddingSettings & { embeddingsBaseUrl: string }): Embedder {
  const url = `${settings.embeddingsBaseUrl.replace(/\/+$/, '')}/embeddings`;
  const provider = `embeddings (${settings.embeddingsModel})`;
  const headers: Record<string, string> = settings.embeddingsApiKey
    ? { authorization: `Bearer ${settings.embeddingsApiKey}` }
    : {};
  async function call(texts: string[], timeoutMs: number): Promise<Float32Array[]> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const answer = await postJson({
        provider,
        url,
        headers,
        body: { model: settings.embeddingsModel, input: texts, encoding_format: 'float' },
        signal,
        apiKey: settings.embeddingsApiKey,
        maxBytes: MAX_ANSWER_BYTES,
      });
      return readEmbeddings(answer, texts.length, provider);
    } catch (err) {
      if (signal.aborted && !(err instanceof UpstreamFailure))
        throw new UpstreamFailure('timeout', `${provider}: no answer within ${timeoutMs} ms`);
      throw err;
    }
  }
  /** A background batch: a longer timeout, and retries with backoff (a 429's retry-after honoured). */
  async function callBatch(texts: string[]): Promise<Float32Array[]> {
    const timeoutMs = Math.max(settings.embeddingsTimeoutMs, BATCH_TIMEOUT_MS);
    for (let attempt = 0; ; attempt++) {
      try {
        return await call(texts, timeoutMs);
      } catch (err) {
        const wait = BATCH_RETRY_MS[attempt];
        if (wait === undefined || !(err instanceof UpstreamFailure) || !RETRIED.has(err.kind)) throw err;
        await sleep(Math.min(MAX_RETRY_AFTER_MS, Math.max(wait, err.retryAfterMs ?? 0)));
      }
    }
  }
  return {
    // The model and a digest of the URL without credentials (the id is stored with entries, and a
    // new password must not make every stored vector another embedder's).
    id: `openai:${settings.embeddingsModel}:${createHash('sha256').update(endpointOf(settings.embeddingsBaseUrl)).digest('hex').slice(0, 12)}`,
    model: settings.embeddingsModel,
    defaultThreshold: settings.embeddingsThreshold,
    persist: true,
    batchSize: BATCH,
    async embed(texts, options) {
      const out: Float32Array[] = [];
      for (let from = 0; from < texts.length; from += BATCH) {
        const part = texts.slice(from, from + BATCH);
        out.push(...(await (options?.batch ? callBatch(part) : call(part, settings.embeddingsTimeoutMs))));
      }
      return out;
    },
    embedNow: () => null,
  };
}

/** The embedder the settings name: upstream when EMBEDDINGS_BASE_URL is set, else the built-in one. */
export function embedderFrom(settings: EmbeddingSettings | undefined): Embedder {
  const baseUrl = settings?.embeddingsBaseUrl;
  return settings && baseUrl
    ? upstreamEmbedder({ ...settings, embeddingsBaseUrl: baseUrl })
    : builtinEmbedder;
}
