// Addresses of the AI gateway's pages, kept apart from the pages themselves (which load on demand).
import type { GuardedPageInfo } from '../modules';
import { AI_OVERVIEW_PAGE, AI_PAGES, AI_PIPELINES_PAGE } from './pages';

export const NEW_PIPELINE_PATH = '/ai/pipelines/new';
const PIPELINE_PATH = /^\/ai\/pipelines\/([^/]+)$/;
const EDIT_PATH = /^\/ai\/pipelines\/([^/]+)\/edit$/;
const SECTOR_PATH = /^\/ai\/sectors\/([^/]+)$/;

export const pipelinePath = (id: string) => `/ai/pipelines/${encodeURIComponent(id)}`;
export const editPipelinePath = (id: string) => `/ai/pipelines/${encodeURIComponent(id)}/edit`;
export const sectorPath = (sector: string) => `/ai/sectors/${encodeURIComponent(sector)}`;

function idOf(pattern: RegExp, path: string): string | null {
  const id = pattern.exec(path)?.[1];
  return id ? decodeURIComponent(id) : null;
}

/** The pipeline id of a detail page's address (not of `/ai/pipelines/new`), or null. */
export const pipelineIdOf = (path: string) => (path === NEW_PIPELINE_PATH ? null : idOf(PIPELINE_PATH, path));
/** The pipeline id of an editor's address, or null. */
export const editIdOf = (path: string) => idOf(EDIT_PATH, path);
/** The sector of a sector dashboard's address, or null. */
export const sectorOf = (path: string) => idOf(SECTOR_PATH, path);

/** The AI page `path` is (a pipeline's pages count as the list's, a sector's as the overview's), or undefined. */
export function aiPageOf(path: string): GuardedPageInfo | undefined {
  const page = AI_PAGES.find((p) => p.path === path);
  if (page) return page;
  if (path === NEW_PIPELINE_PATH || PIPELINE_PATH.test(path) || EDIT_PATH.test(path))
    return AI_PIPELINES_PAGE;
  if (SECTOR_PATH.test(path)) return AI_OVERVIEW_PAGE;
  return undefined;
}
