// The gateway part: the OpenAI- and Anthropic-compatible endpoints (gateway.routes.ts) over the
// catalog's resolver and the runtime's executor.
import type { Executor, PipelineResolver } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';
import { gatewayRoutes } from './gateway.routes.ts';

export interface GatewayDeps extends PipelinesDeps {
  resolver: PipelineResolver;
  executor: Executor;
}

export function createGateway(
  deps: GatewayDeps,
): Part & { routes(app: Parameters<typeof gatewayRoutes>[0]): void } {
  return {
    routes(app) {
      gatewayRoutes(app, {
        db: deps.db,
        resolver: deps.resolver,
        executor: deps.executor,
        ...(deps.streamKeepAliveMs !== undefined ? { keepAliveMs: deps.streamKeepAliveMs } : {}),
      });
    },
  };
}
