// Addresses of the inspection pages, kept apart from the pages themselves (which load on demand).
import {
  type GuardedPageInfo,
  INSPECTION_CAMERAS_PAGE,
  INSPECTION_PAGES,
  INSPECTION_STATISTICS_PAGE,
} from '../modules';

const IMAGE_PATH = /^\/inspection\/images\/([^/]+)$/;
const REGIONS_PATH = /^\/inspection\/cameras\/([^/]+)\/regions$/;
const TRIGGER_PATH = /^\/inspection\/triggers\/([^/]+)$/;

/** The camera grid, showing `stationId` (the first station when omitted). */
export const gridPath = (stationId?: string) =>
  stationId
    ? `${INSPECTION_CAMERAS_PAGE.path}?station=${encodeURIComponent(stationId)}`
    : INSPECTION_CAMERAS_PAGE.path;
/** An image's review page; `defectId` selects one of its defects. */
export const imagePath = (imageId: string, defectId?: string) =>
  `/inspection/images/${encodeURIComponent(imageId)}${defectId ? `?defect=${encodeURIComponent(defectId)}` : ''}`;
/** A part's inspection: leads on to the review of its first image. */
export const triggerPath = (triggerId: string) => `/inspection/triggers/${encodeURIComponent(triggerId)}`;
/** The region editor of a camera (by serial number). */
export const regionsPath = (serialNumber: string) =>
  `/inspection/cameras/${encodeURIComponent(serialNumber)}/regions`;

function idOf(pattern: RegExp, path: string): string | null {
  const id = pattern.exec(path)?.[1];
  return id ? decodeURIComponent(id) : null;
}

/** The image id in an image page's address, or null. */
export const imageIdOf = (path: string) => idOf(IMAGE_PATH, path);
/** The trigger id in a part's address, or null. */
export const triggerIdOf = (path: string) => idOf(TRIGGER_PATH, path);
/** The camera serial number in a region editor's address, or null. */
export const regionsSerialOf = (path: string) => idOf(REGIONS_PATH, path);

/** The inspection page `path` is (an image's, a part's and the region editor count as the grid's), or undefined. */
export function inspectionPageOf(path: string): GuardedPageInfo | undefined {
  const page = INSPECTION_PAGES.find((p) => p.path === path);
  if (page) return page;
  if ([IMAGE_PATH, REGIONS_PATH, TRIGGER_PATH].some((pattern) => pattern.test(path)))
    return INSPECTION_CAMERAS_PAGE;
  return undefined;
}

export { INSPECTION_CAMERAS_PAGE, INSPECTION_STATISTICS_PAGE };
