// SCAFFOLD (lead): the gateway helper replaces this file.
import type { Executor, PipelineResolver } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';

export interface GatewayDeps extends PipelinesDeps {
  resolver: PipelineResolver;
  executor: Executor;
}

export function createGateway(_deps: GatewayDeps): Part {
  return {};
}
