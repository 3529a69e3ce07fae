// The catalog part of the AI gateway: workspaces and their keys, pipelines (validation,
// complexity and cost, versions, status, the wizard) and the resolver the gateway and the runtime
// use to find the pipeline a caller reaches. `service` is the same API without HTTP, for the demo
// seeder: workspaces.create(tenantId, …), pipelines.create(tenantId, …), pipelines.deploy(tenantId, id), …
import type { PipelineResolver } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';
import { CATALOG_SCHEMAS } from './catalog.schemas.ts';
import { pipelinesRoutes } from './pipelines.routes.ts';
import { createPipelinesService } from './pipelines.service.ts';
import { createResolver } from './resolver.ts';
import { workspacesRoutes } from './workspaces.routes.ts';
import { createWorkspacesService } from './workspaces.service.ts';

export function createCatalog(deps: PipelinesDeps) {
  const { db } = deps;
  // The resolver and the services need each other: changes invalidate it, it creates the default pipeline.
  const changes = { changed: (tenantId: string) => resolver.invalidate(tenantId) };
  const pipelines = createPipelinesService({ db, realtime: deps.realtime, changes });
  const workspaces = createWorkspacesService({
    db,
    apiKeys: deps.apiKeys,
    changes,
    onKeyRevoked: (apiKeyId) => resolver.invalidateKey(apiKeyId),
  });
  const resolver = createResolver({ db, ensureDefault: pipelines.ensureDefault });

  const service = {
    workspaces,
    pipelines,
    /** Shortcuts for the demo seeder (all by tenant id, no request). */
    createWorkspace: workspaces.create,
    findWorkspace: workspaces.findByName,
    createPipeline: pipelines.create,
    findPipeline: pipelines.findBySlug,
    deploy: pipelines.deploy,
    pause: pipelines.pause,
    /** A read-scoped key of `userId` bound to the workspace: `{ apiKey, key }` (the secret). */
    createKey: workspaces.createKeyAs,
  };

  return {
    resolver: resolver as PipelineResolver,
    service,
    routes(app) {
      for (const schema of CATALOG_SCHEMAS) app.addSchema(schema);
      workspacesRoutes(app, { workspaces });
      pipelinesRoutes(app, { pipelines });
    },
  } satisfies Part & { resolver: PipelineResolver; service: unknown };
}

export type Catalog = ReturnType<typeof createCatalog>;
export type CatalogService = Catalog['service'];
