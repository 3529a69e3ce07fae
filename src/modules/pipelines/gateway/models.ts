// GET /v1/models: the caller's pipelines as one list both SDKs read — OpenAI's
// `{ object: 'list', data: [{ id, object: 'model', created, owned_by }] }` and Anthropic's
// `{ data: [{ id, type: 'model', display_name, created_at }], has_more, first_id, last_id }` side by
// side in every entry (each SDK ignores the other's fields). Newest first, as Anthropic lists;
// Anthropic's `limit`, `after_id` and `before_id` page it, OpenAI's client sends none and gets all.
import Type, { type Static } from 'typebox';
import { Text } from '../../../platform/http/schemas.ts';
import type { RunnablePipeline } from '../contracts.ts';
import { unixSeconds } from './answer.ts';
import { MAX_MODEL, MODEL_PREFIX } from './limits.ts';
import type { PipelineLabel } from './models.repo.ts';

const ModelId = Text({ maxLength: MAX_MODEL });

export const ModelsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    after_id: Type.Optional(ModelId),
    before_id: Type.Optional(ModelId),
  },
  { additionalProperties: false },
);
export type ModelsQueryInput = Static<typeof ModelsQuery>;

const ModelEntry = Type.Object({
  id: Type.String({ description: 'pipeline/<slug>: the `model` of a request' }),
  object: Type.Literal('model'),
  type: Type.Literal('model'),
  created: Type.Integer({ description: 'Seconds since the epoch (OpenAI)' }),
  created_at: Type.String({ description: 'RFC 3339 (Anthropic)' }),
  owned_by: Type.String({ description: 'The workspace of the pipeline' }),
  display_name: Type.String(),
  plantintel: Type.Object({
    pipelineId: Type.String(),
    workspaceId: Type.String(),
    status: Type.String(),
    sector: Type.String(),
    version: Type.Integer(),
  }),
});

export const ModelList = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(ModelEntry),
  has_more: Type.Boolean(),
  first_id: Type.Union([Type.String(), Type.Null()]),
  last_id: Type.Union([Type.String(), Type.Null()]),
});
export type ModelListAnswer = Static<typeof ModelList>;

export function modelList(
  pipelines: RunnablePipeline[],
  labels: Map<string, PipelineLabel>,
  query: ModelsQueryInput,
): ModelListAnswer {
  const epoch = new Date(0);
  const entries = pipelines
    .map((p) => {
      const label = labels.get(p.id);
      const createdAt = label?.createdAt ?? epoch;
      return {
        id: `${MODEL_PREFIX}${p.slug}`,
        object: 'model' as const,
        type: 'model' as const,
        created: unixSeconds(createdAt),
        created_at: createdAt.toISOString(),
        owned_by: p.workspaceId,
        display_name: label?.name ?? p.slug,
        plantintel: {
          pipelineId: p.id,
          workspaceId: p.workspaceId,
          status: p.status,
          sector: p.sector,
          version: p.version,
        },
      };
    })
    .sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
  let start = 0;
  let end = entries.length;
  if (query.after_id !== undefined) start = entries.findIndex((e) => e.id === query.after_id) + 1;
  if (query.before_id !== undefined) {
    const at = entries.findIndex((e) => e.id === query.before_id);
    end = at < 0 ? 0 : at;
  }
  let page = entries.slice(start, Math.max(start, end));
  let hasMore = false;
  if (query.limit !== undefined && page.length > query.limit) {
    hasMore = true;
    page = query.before_id !== undefined ? page.slice(-query.limit) : page.slice(0, query.limit);
  }
  return {
    object: 'list',
    data: page,
    has_more: hasMore,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
  };
}
