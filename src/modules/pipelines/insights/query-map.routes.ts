import Type from 'typebox';
import { tenantOf } from '../../../platform/db/scope.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import type { App } from '../../../platform/http/types.ts';
import type { PipelineResolver } from '../contracts.ts';
import { presentQueryMap } from './presenters.ts';
import type { QueryMapService } from './query-map.service.ts';

const tags = ['ai'];

export function queryMapRoutes(
  app: App,
  { queryMaps, resolver }: { queryMaps: QueryMapService; resolver: PipelineResolver },
) {
  /** The map spans every workspace of the tenant: a key bound to one workspace may not read it. */
  async function tenantWide(request: Parameters<typeof principalOf>[0]) {
    const principal = principalOf(request);
    const tenantId = tenantOf(principal);
    if (principal.apiKeyId) {
      const ctx = await resolver.callerContext({
        tenantId,
        userId: principal.userId,
        apiKeyId: principal.apiKeyId,
      });
      if (ctx.workspaceId)
        throw forbidden('An API key bound to one workspace cannot read the tenant-wide query map');
    }
    return { tenantId, userId: principal.userId };
  }

  app.get(
    '/ai/query-map',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiQueryMap',
        summary:
          'The query map: clusters of similar cached queries (sizes, hit rates, examples), a 2-D layout for drawing, flows between sectors and workspaces, and a 24 h metrics snapshot',
        response: { 200: Type.Ref('AiQueryMap'), ...errorResponses(403) },
      },
    },
    async (request) => {
      const { tenantId } = await tenantWide(request);
      return presentQueryMap(await queryMaps.get(tenantId));
    },
  );

  app.post(
    '/ai/query-map/refresh',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'refreshAiQueryMap',
        summary:
          'Recompute the query map in a job (progress at /jobs/{id}); returns the job already queued if any',
        response: { 202: Type.Ref('AiQueryMapRefresh'), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const { tenantId, userId } = await tenantWide(request);
      return reply.status(202).send(await queryMaps.refresh(tenantId, userId));
    },
  );
}
