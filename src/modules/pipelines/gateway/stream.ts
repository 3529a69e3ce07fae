// The executor's events as a stream of protocol frames. Every stream ends: with the protocol's
// completion (`[DONE]`, message_stop) or, when the executor fails, ends early or a tool call
// cannot be encoded, with the protocol's in-stream error. The executor's iterator is always run to
// its end (drained after `done`, so what it does after the answer — recording, caching — happens)
// or closed with `return()` when the client is gone.
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

export async function* sseFrames(
  first: GatewayEvent,
  rest: AsyncIterator<GatewayEvent>,
  encoder: FrameEncoder,
  requestId: string,
  onError: (err: unknown, failure: Failure) => void,
): AsyncGenerator<string> {
  /** The executor reached `done`. */
  let completed = false;
  /** The executor's iterator finished on its own (it threw, or ended without `done`). */
  let ended = false;
  try {
    let event = first;
    for (;;) {
      const frames = encoder.event(event);
      completed = encoder.done;
      if (frames) yield frames;
      if (completed) break;
      let next: IteratorResult<GatewayEvent>;
      try {
        next = await rest.next();
      } catch (err) {
        ended = true;
        throw err;
      }
      if (next.done) {
        ended = true;
        throw endedEarly();
      }
      event = next.value;
    }
  } catch (err) {
    const failure = failureOf(err);
    onError(err, failure);
    yield encoder.failure(failure, requestId);
  } finally {
    // Complete: what follows `done` still runs. Otherwise the client went away (the generator was
    // returned at a `yield`) or a frame could not be encoded: the executor is ended there.
    if (completed) drain(rest, (err) => onError(err, failureOf(err)));
    else if (!ended) await rest.return?.().catch((err: unknown) => onError(err, failureOf(err)));
  }
}
