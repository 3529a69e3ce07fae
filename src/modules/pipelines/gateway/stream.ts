// The executor's events as a stream of protocol frames. Every stream ends: with the protocol's
// completion (`[DONE]`, message_stop) or, when the executor fails, ends early or a tool call
// cannot be encoded, with the protocol's in-stream error. The executor's iterator is always run to
// its end (drained after `done`, so what it does after the answer — recording, caching — happens)
// or closed with `return()` when the client is gone. A stream left silent for `keepAliveMs` (a
// model thinking before its first word, or between two) gets the protocol's keep-alive frame, so
// proxies and load balancers that close idle connections (nginx and most cloud balancers after
// 60 s) leave it open.
import type { GatewayEvent } from '../contracts.ts';
import { endedEarly } from './answer.ts';
import { type Failure, failureOf } from './failure.ts';

export interface FrameEncoder {
  /** The frames of one event ('' for none). */
  event(event: GatewayEvent): string;
  /** The in-stream error; the stream ends after it. */
  failure(failure: Failure, requestId: string): string;
  /** Whether the completion or the error has been written. */
  readonly done: boolean;
  /** A frame that carries nothing the client acts on ('' once done). */
  keepAlive(): string;
}

/** What a wait gives when the time passed first. */
export const SILENT = Symbol('silent');

/**
 * Waits on the steps of one stream with a single timer, restarted (`refresh`) at each wait rather
 * than a timer and a race per event: `wait(next)` is `next` once it settles, or SILENT after `ms`
 * without it (`next` stays pending, to be waited on again). `ms` 0: `wait` is the step itself.
 */
export function silenceTimer(ms: number) {
  let wake: ((value: typeof SILENT) => void) | undefined;
  const timer = ms > 0 ? setTimeout(() => wake?.(SILENT), ms).unref() : undefined;
  return {
    wait<T>(next: Promise<T>): Promise<T | typeof SILENT> {
      if (!timer) return next;
      timer.refresh();
      return new Promise((resolve, reject) => {
        wake = resolve;
        next.then(resolve, reject);
      });
    },
    stop() {
      clearTimeout(timer);
      wake = undefined;
    },
  };
}

/** One wait of `silenceTimer`: `next`, or SILENT after `ms` without it (`ms` 0: `next` itself). */
export function within<T>(next: Promise<T>, ms: number): Promise<T | typeof SILENT> {
  if (ms <= 0) return next;
  const silence = silenceTimer(ms);
  return silence.wait(next).finally(silence.stop);
}

/** Runs the rest of the executor's events to their end in the background. */
export function drain(rest: AsyncIterator<GatewayEvent>, onError: (err: unknown) => void): void {
  void (async () => {
    try {
      for (let next = await rest.next(); !next.done; next = await rest.next()) {
        // Nothing after `done` reaches the caller.
      }
    } catch (err) {
      onError(err);
    }
  })();
}

/**
 * The frames of a run: `next` is the executor's pending (or already settled) first step, `rest`
 * its iterator. A keep-alive frame goes out after every `keepAliveMs` without an event (0: never),
 * and first of all when the stream starts `silent` (it has waited that long already).
 */
export async function* sseFrames(
  next: Promise<IteratorResult<GatewayEvent>>,
  rest: AsyncIterator<GatewayEvent>,
  encoder: FrameEncoder,
  requestId: string,
  onError: (err: unknown, failure: Failure) => void,
  { keepAliveMs = 0, silent = false }: { keepAliveMs?: number; silent?: boolean } = {},
): AsyncGenerator<string> {
  /** The executor reached `done`. */
  let completed = false;
  /** The executor's iterator finished on its own (it threw, or ended without `done`). */
  let ended = false;
  /** A step asked of the executor and not yet read (the client may leave while it is pending). */
  let pending: Promise<IteratorResult<GatewayEvent>> | undefined = next;
  const silence = silenceTimer(keepAliveMs);
  try {
    if (silent) yield encoder.keepAlive();
    for (;;) {
      let step: IteratorResult<GatewayEvent> | typeof SILENT;
      try {
        step = await silence.wait(pending);
      } catch (err) {
        pending = undefined;
        ended = true;
        throw err;
      }
      if (step === SILENT) {
        yield encoder.keepAlive();
        continue;
      }
      pending = undefined;
      if (step.done) {
        ended = true;
        throw endedEarly();
      }
      const frames = encoder.event(step.value);
      completed = encoder.done;
      if (frames) yield frames;
      if (completed) break;
      pending = rest.next();
    }
  } catch (err) {
    const failure = failureOf(err);
    onError(err, failure);
    yield encoder.failure(failure, requestId);
  } finally {
    silence.stop();
    // A step the client left before: its failure (the run sees the abort) is nobody's to answer.
    pending?.catch(() => {});
    // Complete: what follows `done` still runs. Otherwise the client went away (the generator was
    // returned at a `yield`) or a frame could not be encoded: the executor is ended there.
    if (completed) drain(rest, (err) => onError(err, failureOf(err)));
    else if (!ended) await rest.return?.().catch((err: unknown) => onError(err, failureOf(err)));
  }
}
