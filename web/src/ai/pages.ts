// The AI gateway's pages as the navigation lists them (issue 18). Kept apart from the pages
// themselves, which load on demand; modules.ts lists them under the "AI gateway" module.
import type { GuardedPageInfo } from '../modules';

export const AI_OVERVIEW_PAGE: GuardedPageInfo = {
  path: '/ai',
  label: 'Gateway overview',
  title: 'AI gateway',
  description:
    'Every AI call PlantIntel makes and every integrator’s request runs through a pipeline: requests, cache hits, latency, tokens and cost over the last 24 hours, by sector and pipeline, updated live.',
  allowed: (p) => p.plant,
};

export const AI_PIPELINES_PAGE: GuardedPageInfo = {
  path: '/ai/pipelines',
  label: 'Pipelines',
  title: 'Pipelines',
  description:
    'Graphs of nodes (retrieve context, guard, cache, model, post-process) that answer the gateway’s requests, with their complexity, estimated monthly cost and last 24 hours.',
  allowed: (p) => p.plant,
};

export const AI_QUERY_MAP_PAGE: GuardedPageInfo = {
  path: '/ai/query-map',
  label: 'Query map',
  title: 'Query map',
  description:
    'The questions sent through the gateway laid out by meaning: clusters of similar queries with their sizes, cache hit rates and examples, and how traffic flows between workspaces and sectors.',
  allowed: (p) => p.plant,
};

export const AI_WORKSPACES_PAGE: GuardedPageInfo = {
  path: '/ai/workspaces',
  label: 'Workspaces',
  title: 'Workspaces',
  description:
    'Team spaces that group pipelines, each with a sector, monthly budgets and its own API keys for the gateway.',
  allowed: (p) => p.plant,
};

export const AI_PAGES: readonly GuardedPageInfo[] = [
  AI_OVERVIEW_PAGE,
  AI_PIPELINES_PAGE,
  AI_QUERY_MAP_PAGE,
  AI_WORKSPACES_PAGE,
];
