// The model node: one target after the other (the node's provider and model, then its fallbacks),
// each retried with exponential backoff and jitter on the node's `retryOn` kinds, each attempt
// abandoned when its first token, or the next one, takes longer than the timeout (the upstream fetch
// is aborted) — or, for a request that asked for no stream (an unstreamed upstream call), when the
// whole answer takes longer than the answer timeout; that one is not retried on the same target (it
// would multiply a long wait): the next target takes over. A target that fails before its first token hands over to the next; once a token was
// given out a failure ends the answer with GatewayError upstream (the protocol layer turns it into an
// in-stream error): a different model's answer appended to a partial one would read as one confused
// reply. When every target failed: GatewayError timeout (504) if they all timed out, rate_limit (429)
// if the last one was rate limited, upstream (502) otherwise — naming each target's failure.
//
// Targets: `offline` is the built-in model; `openai` the OpenAI-compatible server of LLM_BASE_URL
// (LLM_API_KEY; https://api.openai.com/v1 with only a key); `anthropic` ANTHROPIC_BASE_URL with
// ANTHROPIC_API_KEY; `default` whichever LLM_PROVIDER selects (auto: Anthropic with a key, else the
// OpenAI-compatible server with a base URL, else offline), as createAi does. A model named `default`
// (or empty) is the server's configured model of that provider. An unconfigured provider fails
// before any network call, so the fallback chain moves on.
import { setTimeout as sleep } from 'node:timers/promises';
import type { AiSettings } from '../../../../platform/ai/ai.ts';
import { OFFLINE_MODEL } from '../../../../platform/ai/offline.ts';
import { OPENAI_BASE_URL } from '../../../../platform/ai/openai.ts';
import {
  GatewayError,
  type ModelNodeConfig,
  type ModelTarget,
  RETRY_ON,
  type RetryOn,
} from '../../contracts.ts';
import { anthropicUpstream } from '../upstream/anthropic.ts';
import { offlineUpstream } from '../upstream/offline.ts';
import { openAiUpstream } from '../upstream/openai.ts';
import {
  type ModelCall,
  type UpstreamEvent,
  UpstreamFailure,
  type UpstreamProvider,
} from '../upstream/types.ts';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
const MAX_FAILURE_TEXT = 600;

export type ModelEvent = UpstreamEvent | { type: 'target'; provider: string; model: string };

export interface ModelRunnerOptions {
  aiSettings: AiSettings;
  /** First retry after about this (× 0.5–1 jitter), doubling each time (default 250 ms). */
  backoffBaseMs?: number;
  /** No wait is longer, a 429's retry-after included (default 4 s). */
  maxBackoffMs?: number;
  random?: () => number;
}

export interface ResolvedTarget {
  provider: UpstreamProvider;
  model: string;
}

export interface ModelRunner {
  /** The provider and model a target names on this server, or why it cannot be called. */
  resolve(target: ModelTarget): ResolvedTarget | UpstreamFailure;
  run(
    config: ModelNodeConfig,
    call: Omit<ModelCall, 'model' | 'signal'>,
    signal?: AbortSignal,
  ): AsyncGenerator<ModelEvent>;
}

/** A failure's message without its provider prefix (the target's label names it). */
const own = (err: Error) => err.message.replace(/^(openai|anthropic|offline): /, '');

const isRetryKind = (kind: string): kind is RetryOn => (RETRY_ON as readonly string[]).includes(kind);

export function createModelRunner(o: ModelRunnerOptions): ModelRunner {
  const s = o.aiSettings;
  const base = o.backoffBaseMs ?? 250;
  const cap = o.maxBackoffMs ?? 4000;
  const random = o.random ?? Math.random;
  const offline = offlineUpstream();
  const openai =
    s.llmBaseUrl || s.llmApiKey
      ? openAiUpstream({ baseUrl: s.llmBaseUrl ?? OPENAI_BASE_URL, apiKey: s.llmApiKey })
      : null;
  const anthropic = s.anthropicApiKey
    ? anthropicUpstream({ baseUrl: s.anthropicBaseUrl ?? ANTHROPIC_BASE_URL, apiKey: s.anthropicApiKey })
    : null;
  const defaultChoice =
    s.llmProvider !== 'auto'
      ? s.llmProvider
      : s.anthropicApiKey
        ? 'anthropic'
        : s.llmBaseUrl
          ? 'openai'
          : 'offline';

  function resolve(target: ModelTarget): ResolvedTarget | UpstreamFailure {
    const provider = target.provider === 'default' ? defaultChoice : target.provider;
    const named = target.model !== '' && target.model !== 'default' ? target.model : null;
    switch (provider) {
      case 'offline':
        return { provider: offline, model: named ?? OFFLINE_MODEL };
      case 'openai':
        if (!openai)
          return new UpstreamFailure('unconfigured', 'openai: not configured (LLM_BASE_URL or LLM_API_KEY)');
        return { provider: openai, model: named ?? s.llmModel };
      case 'anthropic':
        if (!anthropic)
          return new UpstreamFailure('unconfigured', 'anthropic: not configured (ANTHROPIC_API_KEY)');
        return { provider: anthropic, model: named ?? s.anthropicModel };
    }
  }

  async function* run(
    config: ModelNodeConfig,
    call: Omit<ModelCall, 'model' | 'signal'>,
    signal?: AbortSignal,
  ): AsyncGenerator<ModelEvent> {
    const retries = config.retries ?? s.llmRetries;
    const retryOn = new Set<string>(config.retryOn ?? RETRY_ON);
    const timeoutMs = config.timeoutMs ?? s.llmTimeoutMs;
    const limits: WaitLimits =
      call.stream === false
        ? { firstMs: config.answerTimeoutMs ?? s.llmAnswerTimeoutMs, nextMs: timeoutMs, first: 'answer' }
        : { firstMs: timeoutMs, nextMs: timeoutMs, first: 'first token' };
    const failures: string[] = [];
    const kinds: string[] = [];
    for (const target of [config, ...(config.fallbacks ?? [])]) {
      const resolved = resolve(target);
      const label = `${target.provider}/${target.model}`;
      if (resolved instanceof UpstreamFailure) {
        failures.push(`${label}: ${own(resolved)}`);
        kinds.push(resolved.kind);
        continue;
      }
      for (let attempt = 0; ; attempt++) {
        let started = false;
        try {
          const events = attemptWithTimeout(resolved, { ...call, model: resolved.model }, limits, signal);
          for await (const event of events) {
            if (!started) {
              started = true;
              yield { type: 'target', provider: resolved.provider.name, model: resolved.model };
            }
            yield event;
          }
          return;
        } catch (err) {
          if (signal?.aborted) throw signal.reason ?? err;
          if (!(err instanceof UpstreamFailure)) throw err;
          if (started) {
            throw new GatewayError('upstream', 502, `the answer of ${label} broke off: ${own(err)}`, {
              cause: err,
            });
          }
          // A whole answer that took too long is not asked for again from the same target.
          const answerTimedOut = call.stream === false && err.kind === 'timeout' && err.status === undefined;
          if (attempt < retries && !answerTimedOut && isRetryKind(err.kind) && retryOn.has(err.kind)) {
            const backoff = base * 2 ** attempt * (0.5 + random() / 2);
            await sleep(
              Math.min(cap, Math.max(backoff, err.retryAfterMs ?? 0)),
              undefined,
              signal ? { signal } : {},
            );
            continue;
          }
          failures.push(`${label}: ${own(err)}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}`);
          kinds.push(err.kind);
          break;
        }
      }
    }
    throw allFailed(failures, kinds);
  }

  return { resolve, run };
}

function allFailed(failures: string[], kinds: string[]): GatewayError {
  let text = failures.join('; ');
  if (text.length > MAX_FAILURE_TEXT) text = `${text.slice(0, MAX_FAILURE_TEXT)}…`;
  const message = `no model answered: ${text}`;
  if (kinds.length > 0 && kinds.every((k) => k === 'timeout'))
    return new GatewayError('timeout', 504, message);
  if (kinds.at(-1) === 'rate_limit') return new GatewayError('rate_limit', 429, message);
  return new GatewayError('upstream', 502, message);
}

/** How long an attempt may wait for its first event (and what it is), and for each one after it. */
interface WaitLimits {
  firstMs: number;
  nextMs: number;
  first: 'first token' | 'answer';
}

/** The abort reason once an attempt is over (a shared one: a DOMException per request costs). */
const ATTEMPT_OVER = new Error('the model attempt is over');

/**
 * One attempt, abandoned (its fetch aborted) when the first event takes longer than `firstMs` or
 * two events are further apart than `nextMs`. The clock stops while the caller handles an event: a slow reader is
 * not an idle model. The abort rejects the wait in progress, so even a provider that ignores its
 * signal cannot hang the stream. One timer per attempt (re-armed for what is left of the current wait when it
 * fires early), not one per event: an answer is dozens of events.
 */
async function* attemptWithTimeout(
  target: ResolvedTarget,
  call: Omit<ModelCall, 'signal'>,
  limits: WaitLimits,
  outer: AbortSignal | undefined,
): AsyncGenerator<UpstreamEvent> {
  const attempt = new AbortController();
  const { signal } = attempt;
  // The abort rejects the wait in progress. (Not a race of every wait against one promise pending
  // for the whole attempt: each race would stay attached to it, with its event, until the end.)
  let rejectWait: ((reason: unknown) => void) | undefined;
  const abort = (reason: unknown) => {
    if (!signal.aborted) attempt.abort(reason);
    rejectWait?.(signal.reason);
  };
  const wait = (iterator: AsyncIterator<UpstreamEvent>) =>
    new Promise<IteratorResult<UpstreamEvent>>((resolve, reject) => {
      rejectWait = reject;
      iterator.next().then(resolve, reject);
      if (signal.aborted) reject(signal.reason);
    });
  const onOuter = () => abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });

  let timer: NodeJS.Timeout | undefined;
  /** When the current wait for the next event began; null while the caller handles one. */
  let waitingSince: number | null = null;
  let first = true;
  const check = () => {
    timer = undefined;
    if (waitingSince === null) return;
    const limit = first ? limits.firstMs : limits.nextMs;
    const left = waitingSince + limit - performance.now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    abort(
      new UpstreamFailure(
        'timeout',
        `${target.provider.name}: no ${first ? limits.first : 'further token'} within ${limit} ms`,
      ),
    );
  };
  const iterator = target.provider.stream({ ...call, signal })[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      waitingSince = performance.now();
      timer ??= setTimeout(check, first ? limits.firstMs : limits.nextMs);
      const next = await wait(iterator);
      rejectWait = undefined;
      waitingSince = null;
      if (next.done) {
        finished = true;
        return;
      }
      if (first && limits.firstMs !== limits.nextMs) {
        // The timer was armed for the first wait's limit: the next waits have their own.
        clearTimeout(timer);
        timer = undefined;
      }
      first = false;
      if (next.value.type === 'end') finished = true;
      yield next.value;
      if (finished) return;
    }
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
    // Stopped before the end (a failure, a timeout, the caller went away): the provider's request
    // is aborted so its connection closes.
    if (!finished) abort(ATTEMPT_OVER);
    // Lets the provider close its connection; its own failure on the way out is of no interest.
    void iterator.return?.()?.catch?.(() => {});
  }
}
