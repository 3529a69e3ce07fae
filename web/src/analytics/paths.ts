// Addresses of the work-order pages, kept apart from the pages themselves (which load on demand).
import {
  ANALYTICS_ANALYSES_PAGE,
  ANALYTICS_CONFIG_PAGE,
  ANALYTICS_IMPORTS_PAGE,
  ANALYTICS_PAGES,
  ANALYTICS_PROFILES_PAGE,
  ANALYTICS_UPLOAD_PAGE,
  type GuardedPageInfo,
} from '../modules';

export const ANALYTICS_HOME = '/analytics';
const IMPORT_PATH = /^\/analytics\/imports\/([^/]+)$/;
const PROFILE_PATH = /^\/analytics\/profiles\/([^/]+)$/;
const ANALYSIS_PATH = /^\/analytics\/analyses\/([^/]+)$/;
/** The address of the form that creates a profile (not a profile's id). */
export const NEW_PROFILE = 'new';

export const importPath = (importId: string) => `/analytics/imports/${encodeURIComponent(importId)}`;
export const profilePath = (profileId: string) => `/analytics/profiles/${encodeURIComponent(profileId)}`;
export const newProfilePath = profilePath(NEW_PROFILE);
export const analysisPath = (analysisId: string) => `/analytics/analyses/${encodeURIComponent(analysisId)}`;
/** The analyses list showing only those of one import. */
export const importAnalysesPath = (importId: string) =>
  `${ANALYTICS_ANALYSES_PAGE.path}?import=${encodeURIComponent(importId)}`;

function idOf(pattern: RegExp, path: string): string | null {
  const id = pattern.exec(path)?.[1];
  return id ? decodeURIComponent(id) : null;
}

/** The import id in an import's address, or null. */
export const importIdOf = (path: string) => idOf(IMPORT_PATH, path);
/** The profile id (or `new`) in a profile's address, or null. */
export const profileIdOf = (path: string) => idOf(PROFILE_PATH, path);
/** The analysis id in an analysis's address, or null. */
export const analysisIdOf = (path: string) => idOf(ANALYSIS_PATH, path);

/** The analytics page `path` is (an import's page counts as the imports list's, …), or undefined. */
export function analyticsPageOf(path: string): GuardedPageInfo | undefined {
  const page = ANALYTICS_PAGES.find((p) => p.path === path);
  if (page) return page;
  if (IMPORT_PATH.test(path)) return ANALYTICS_IMPORTS_PAGE;
  if (PROFILE_PATH.test(path)) return ANALYTICS_PROFILES_PAGE;
  if (ANALYSIS_PATH.test(path)) return ANALYTICS_ANALYSES_PAGE;
  return undefined;
}

export {
  ANALYTICS_ANALYSES_PAGE,
  ANALYTICS_CONFIG_PAGE,
  ANALYTICS_IMPORTS_PAGE,
  ANALYTICS_PROFILES_PAGE,
  ANALYTICS_UPLOAD_PAGE,
};
