// A scripted resolver and executor implementing the contracts, for the gateway's route tests: each
// slug is a behaviour (an echo, a tool call, a cache hit, a budget refusal, a failure mid-stream, a
// run that waits for its abort), so protocol edge cases are testable without the runtime's upstreams.
import {
  type CallerContext,
  type Executor,
  GatewayError,
  type GatewayEvent,
  type GatewayRequest,
  type PipelineResolver,
  type RunnablePipeline,
} from '../contracts.ts';

export interface ScriptedRun {
  slug: string;
  ctx: CallerContext;
  request: GatewayRequest;
  /** Set when the run saw its signal abort. */
  aborted: boolean;
  /** Set while a `late` or `pause` run waits for `release()`. */
  waiting?: boolean;
  /** Set when the run's iterator finished (ended, threw or was returned). */
  closed: boolean;
}

export interface ScriptedGateway {
  resolver: PipelineResolver;
  executor: Executor;
  runs: ScriptedRun[];
  /** Resolves once `condition` holds for the runs (checked on every change). */
  until(condition: (runs: ScriptedRun[]) => boolean): Promise<void>;
  /** Lets the waiting `late`, `late-broken` and `pause` runs go on (a model's slow word, on cue). */
  release(): void;
}

const SLUGS = [
  'echo',
  'tools',
  'cached',
  'budget',
  'broken',
  'hang',
  'empty',
  'bad-args',
  'late',
  'late-broken',
  'pause',
] as const;

const pipelineOf = (tenantId: string, slug: string, i: number): RunnablePipeline => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  tenantId,
  workspaceId: '00000000-0000-4000-8000-0000000000ff',
  slug,
  sector: 'automotive',
  status: 'active',
  version: 3,
  storePrompts: false,
  nodes: [],
  connections: [],
});

const lastUser = (req: GatewayRequest) => req.messages.findLast((m) => m.role === 'user')?.content ?? '';

export function scriptedGateway(): ScriptedGateway {
  const runs: ScriptedRun[] = [];
  const waiters: { condition: (runs: ScriptedRun[]) => boolean; resolve: () => void }[] = [];
  const changed = () => {
    for (const w of [...waiters]) {
      if (w.condition(runs)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const done = (
    text: string,
    cache: 'miss' | 'exact' = 'miss',
    finishReason: 'stop' | 'tool_calls' = 'stop',
  ) =>
    ({
      type: 'done',
      finishReason,
      usage: { inputTokens: 10, outputTokens: Math.max(1, Math.ceil(text.length / 4)) },
      cache,
      provider: 'scripted',
      model: 'scripted-1',
      warnings: [],
    }) satisfies GatewayEvent;

  /** The `late` runs waiting for release(). */
  const held: (() => void)[] = [];
  const cue = (run: ScriptedRun, signal: AbortSignal | undefined) => {
    const aborted = () => {
      run.aborted = true;
      return signal?.reason ?? new Error('aborted');
    };
    if (signal?.aborted) return Promise.reject(aborted());
    let reject: (reason: unknown) => void = () => {};
    const onAbort = () => reject(aborted());
    return new Promise<void>((resolve, fail) => {
      reject = fail;
      run.waiting = true;
      held.push(resolve);
      signal?.addEventListener('abort', onAbort, { once: true });
      changed();
    }).finally(() => {
      run.waiting = false;
      signal?.removeEventListener('abort', onAbort);
    });
  };

  async function* script(run: ScriptedRun, signal: AbortSignal | undefined): AsyncGenerator<GatewayEvent> {
    const answer = `You said: ${lastUser(run.request)}`;
    switch (run.slug) {
      case 'late':
        await cue(run, signal);
        yield { type: 'start', model: 'scripted-1', cache: 'miss' };
        for (const word of answer.split(/(?<= )/)) yield { type: 'delta', text: word };
        yield done(answer);
        return;
      case 'late-broken':
        await cue(run, signal);
        throw new GatewayError('upstream', 502, 'every target failed: upstream answered 503');
      case 'pause': {
        // A model that stops to think between two words.
        const [head, ...tail] = answer.split(/(?<= )/);
        yield { type: 'start', model: 'scripted-1', cache: 'miss' };
        yield { type: 'delta', text: head ?? '' };
        await cue(run, signal);
        for (const word of tail) yield { type: 'delta', text: word };
        yield done(answer);
        return;
      }
      case 'echo':
        yield { type: 'start', model: 'scripted-1', cache: 'miss' };
        for (const word of answer.split(/(?<= )/)) yield { type: 'delta', text: word };
        yield done(answer);
        return;
      case 'cached':
        yield { type: 'start', model: 'scripted-1', cache: 'exact' };
        yield { type: 'delta', text: answer };
        yield done(answer, 'exact');
        return;
      case 'tools':
      case 'bad-args': {
        const name = run.request.tools?.[0]?.name ?? 'none';
        yield { type: 'start', model: 'scripted-1', cache: 'miss' };
        const args = run.slug === 'tools' ? '{"city":"Oslo"}' : 'not json';
        yield { type: 'tool_call', call: { id: 'call_1', name, arguments: args } };
        yield done('', 'miss', 'tool_calls');
        return;
      }
      case 'budget':
        throw new GatewayError(
          'budget',
          429,
          'pipeline budget: daily token budget of 1000 tokens is spent (1200 used)',
        );
      case 'broken':
        yield { type: 'start', model: 'scripted-1', cache: 'miss' };
        yield { type: 'delta', text: 'The line ' };
        throw new GatewayError('upstream', 502, 'the answer broke off: garbage from the upstream');
      case 'hang':
        yield { type: 'start', model: 'scripted-1', cache: 'miss' };
        yield { type: 'delta', text: 'Thinking' };
        await new Promise<void>((resolve) => {
          if (signal?.aborted) resolve();
          signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        run.aborted = true;
        changed();
        throw signal?.reason ?? new Error('aborted');
      default:
        return;
    }
  }

  const resolver: PipelineResolver = {
    async callerContext(principal) {
      return {
        tenantId: principal.tenantId ?? '',
        userId: principal.userId,
        apiKeyId: principal.apiKeyId,
        workspaceId: null,
      };
    },
    async resolve(ctx, slug) {
      if (slug === 'paused') throw new GatewayError('invalid_request', 400, 'pipeline/paused is paused');
      const i = SLUGS.indexOf(slug as (typeof SLUGS)[number]);
      if (i < 0) throw new GatewayError('not_found', 404, `no pipeline pipeline/${slug}`);
      return pipelineOf(ctx.tenantId, slug, i);
    },
    async list(ctx) {
      return SLUGS.slice(0, 2).map((slug, i) => pipelineOf(ctx.tenantId, slug, i));
    },
    async defaultFor(tenantId) {
      return pipelineOf(tenantId, 'echo', 0);
    },
  };

  const executor: Executor = {
    async *run(ctx, pipeline, request) {
      const run: ScriptedRun = { slug: pipeline.slug, ctx, request, aborted: false, closed: false };
      runs.push(run);
      changed();
      try {
        yield* script(run, request.signal);
      } finally {
        run.closed = true;
        changed();
      }
    },
  };

  return {
    resolver,
    executor,
    runs,
    until(condition) {
      if (condition(runs)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ condition, resolve }));
    },
    release() {
      for (const go of held.splice(0)) go();
    },
  };
}
