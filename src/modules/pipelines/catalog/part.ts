// SCAFFOLD (lead): the catalog helper replaces this file.
import { GatewayError, type PipelineResolver } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';

export function createCatalog(_deps: PipelinesDeps): Part & { resolver: PipelineResolver } {
  const missing = () => Promise.reject(new GatewayError('not_found', 404, 'no pipelines yet'));
  return {
    resolver: {
      callerContext: async (p) => ({
        tenantId: p.tenantId ?? '',
        userId: p.userId,
        apiKeyId: p.apiKeyId,
        workspaceId: null,
      }),
      resolve: missing,
      list: async () => [],
      defaultFor: missing,
    },
  };
}
