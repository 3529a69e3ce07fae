// Test support for the runtime: in-memory stand-ins for the cache, the recorder, the resolver and
// the budget source (where the database is not the point), pipelines built from a few nodes, and AI
// settings pointing at a fake upstream.
import type { AiSettings } from '../../../platform/ai/ai.ts';
import type {
  AnswerCache,
  CachedAnswer,
  CacheQuery,
  GatewayEvent,
  PipelineNode,
  PipelineResolver,
  Recorder,
  RequestRecord,
  RunnablePipeline,
} from '../contracts.ts';
import type { BudgetSource } from './budgets.ts';
import type { FakeUpstream } from './fake-upstream.ts';

export const TENANT = '00000000-0000-4000-8000-000000000001';
export const WORKSPACE = '00000000-0000-4000-8000-000000000002';

export function settingsFor(fake: FakeUpstream, over: Partial<AiSettings> = {}): AiSettings {
  return {
    llmProvider: 'auto',
    llmBaseUrl: fake.openAiBaseUrl,
    llmApiKey: 'sk-test',
    llmModel: 'gpt-4o-mini',
    anthropicApiKey: 'ak-test',
    anthropicModel: 'claude-3-5-haiku',
    anthropicBaseUrl: fake.url,
    llmTimeoutMs: 5000,
    llmAnswerTimeoutMs: 10_000,
    llmRetries: 0,
    ...over,
  };
}

let pipelines = 0;

/** A pipeline input → (nodes) → output, numbered so each test's cache and budgets start empty. */
export function pipelineOf(
  nodes: Omit<PipelineNode, 'id'>[],
  over: Partial<RunnablePipeline> = {},
): RunnablePipeline {
  pipelines++;
  const all = [
    { id: 'in', type: 'input', config: {} },
    ...nodes.map((n, i) => ({ ...n, id: `n${i}` })),
    { id: 'out', type: 'output', config: {} },
  ] as PipelineNode[];
  return {
    id: `00000000-0000-4000-9000-${String(pipelines).padStart(12, '0')}`,
    tenantId: TENANT,
    workspaceId: WORKSPACE,
    slug: `p${pipelines}`,
    sector: 'automotive',
    status: 'active',
    version: 1,
    storePrompts: false,
    nodes: all,
    connections: all.slice(1).map((n, i) => ({ from: all[i]?.id ?? '', to: n.id })),
    ...over,
  };
}

export interface MemoryCache extends AnswerCache {
  entries: Map<string, { id: string; answer: CachedAnswer }>;
  lookups: number;
}

/** Exact matches on the key (semantic mode too: equal query texts only). */
export function memoryCache(): MemoryCache {
  const entries = new Map<string, { id: string; answer: CachedAnswer }>();
  const cache: MemoryCache = {
    entries,
    lookups: 0,
    async lookup(q: CacheQuery) {
      cache.lookups++;
      const e = entries.get(`${q.pipelineId}:${q.keyHash}`);
      return e ? { kind: 'exact', entryId: e.id, answer: e.answer } : null;
    },
    async store(q: CacheQuery, answer: CachedAnswer) {
      const id = `00000000-0000-4000-a000-${String(entries.size + 1).padStart(12, '0')}`;
      entries.set(`${q.pipelineId}:${q.keyHash}`, { id, answer });
      return id;
    },
  };
  return cache;
}

export interface MemoryRecorder extends Recorder {
  rows: RequestRecord[];
  /** Resolves once `n` rows were recorded (records of cache misses arrive when the store settles). */
  until(n: number): Promise<void>;
}

export function memoryRecorder(): MemoryRecorder {
  const rows: RequestRecord[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  return {
    rows,
    record(row) {
      rows.push(row);
      for (const w of [...waiters]) {
        if (rows.length >= w.n) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    },
    async flush() {},
    until(n) {
      if (rows.length >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
  };
}

export function memoryBudgetSource(
  usage: { tokens: number; usd: number } = { tokens: 0, usd: 0 },
  workspace: { limitTokens: number | null; limitUsd: number | null } | null = null,
): BudgetSource {
  return {
    pipelineUsage: async () => ({ ...usage }),
    workspace: async () => (workspace ? { ...workspace, ...usage } : null),
  };
}

export function staticResolver(pipeline: RunnablePipeline | Error): PipelineResolver {
  const get = async () => {
    if (pipeline instanceof Error) throw pipeline;
    return pipeline;
  };
  return {
    callerContext: async (p) => ({
      tenantId: p.tenantId ?? TENANT,
      userId: p.userId,
      apiKeyId: p.apiKeyId,
      workspaceId: null,
    }),
    resolve: get,
    list: async () => (pipeline instanceof Error ? [] : [pipeline]),
    defaultFor: get,
  };
}

export interface Collected {
  events: GatewayEvent[];
  text: string;
  done: Extract<GatewayEvent, { type: 'done' }> | undefined;
  error: unknown;
}

/** Reads the executor's events to the end, keeping what came before a failure. */
export async function collect(events: AsyncIterable<GatewayEvent>): Promise<Collected> {
  const out: Collected = { events: [], text: '', done: undefined, error: undefined };
  try {
    for await (const e of events) {
      out.events.push(e);
      if (e.type === 'delta') out.text += e.text;
      if (e.type === 'done') out.done = e;
    }
  } catch (err) {
    out.error = err;
  }
  return out;
}
