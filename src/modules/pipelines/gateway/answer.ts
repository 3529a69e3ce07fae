// What both protocol layers share: the pipeline a `model` names, a whole answer gathered from the
// executor's events (non-streaming requests), ids in the providers' styles. Pure.
import { randomBytes } from 'node:crypto';
import {
  type CacheOutcome,
  type FinishReason,
  GatewayError,
  type GatewayEvent,
  type ToolCall,
  type Usage,
} from '../contracts.ts';
import { ProtocolError } from './failure.ts';
import { MODEL_PREFIX } from './limits.ts';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** The slug of `pipeline/<slug>`: 404 in the caller's protocol for any other model name. */
export function slugOfModel(model: string): string {
  const slug = model.startsWith(MODEL_PREFIX) ? model.slice(MODEL_PREFIX.length) : '';
  if (!SLUG.test(slug)) {
    throw new ProtocolError(
      'not_found',
      404,
      `The model \`${model.slice(0, 120)}\` does not exist: models here are pipelines, named pipeline/<slug> (GET /v1/models lists yours)`,
      'model',
    );
  }
  return slug;
}

// Random bytes for ids, drawn 4 KiB at a time: one randomBytes call per request was a visible cost.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolAt = POOL_BYTES;

/** `prefix` and 24 random base-62-ish characters (chatcmpl-…, msg_…). */
export function newId(prefix: string): string {
  if (poolAt + 18 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const bytes = pool.subarray(poolAt, poolAt + 18);
  poolAt += 18;
  return `${prefix}${bytes.toString('base64url').replace(/[-_]/g, '0')}`;
}

export interface Answer {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
  cache: CacheOutcome;
  provider: string;
  model: string;
  warnings: string[];
}

/** The executor ended without its `done` event: a clean error rather than a half answer. */
export const endedEarly = () =>
  new GatewayError('upstream', 502, 'The pipeline ended without completing its answer');

/**
 * The whole answer of an event stream (a non-streaming request), read up to its `done` event with
 * `next()` — not `for await`, whose early exit would end the executor at that `yield` and skip what
 * it does after the answer (recording, caching): the caller drains the rest (see stream.ts).
 */
export async function collectAnswer(first: GatewayEvent, rest: AsyncIterator<GatewayEvent>): Promise<Answer> {
  let text = '';
  const toolCalls: ToolCall[] = [];
  let event: GatewayEvent = first;
  for (;;) {
    if (event.type === 'delta') text += event.text;
    else if (event.type === 'tool_call') toolCalls.push(event.call);
    else if (event.type === 'done') {
      const { finishReason, usage, cache, provider, model, warnings } = event;
      return { text, toolCalls, finishReason, usage, cache, provider, model, warnings };
    }
    const next = await rest.next();
    if (next.done) throw endedEarly();
    event = next.value;
  }
}

/** Seconds since the epoch, as both protocols' `created` fields. */
export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
