// Judging stored images by a camera's regions: which regions apply (the part's region set, else
// the default set), the rules engine's verdict, and the part's verdict from its images'.
import type { Executor } from '../../platform/db/database.ts';
import { judgeImage } from './engine/regions.ts';
import type { ImageVerdict, JudgedDefect } from './engine/types.ts';
import { type RegionRow, regionDef, regionsOfCamera } from './regions.repo.ts';
import { findPart } from './stations.repo.ts';
import type { DefectRow } from './triggers.repo.ts';

export const DEFAULT_REGION_SET = 'default';

/** The region set a part is judged by. */
export async function regionSetOf(tx: Executor, partNumber: string): Promise<string> {
  return (await findPart(tx, partNumber))?.regionSet ?? DEFAULT_REGION_SET;
}

/** The camera's regions of `regionSet`, or of the default set when it has none of that set. */
export function applicableRegions(all: RegionRow[], regionSet: string): RegionRow[] {
  const ofSet = all.filter((r) => r.regionSet === regionSet);
  return ofSet.length > 0 ? ofSet : all.filter((r) => r.regionSet === DEFAULT_REGION_SET);
}

export async function regionsFor(tx: Executor, cameraId: string, regionSet: string) {
  return applicableRegions(await regionsOfCamera(tx, cameraId), regionSet);
}

export function judgeDefects(
  image: { width: number; height: number; mmPerPixel: number },
  regions: Pick<RegionRow, 'id' | 'name' | 'severity' | 'kind' | 'polygon' | 'rules'>[],
  defects: JudgedDefect[],
): ImageVerdict {
  return judgeImage({ ...image, regions: regions.map(regionDef), defects });
}

/** A stored defect as the rules engine takes it. Defects marked false positive are not judged. */
export function judgedDefects(rows: DefectRow[]): JudgedDefect[] {
  return rows
    .filter((d) => d.disposition !== 'false_positive')
    .map((d) => ({
      id: d.id,
      type: d.type as JudgedDefect['type'],
      cx: d.cx,
      cy: d.cy,
      bbox: { x: d.bboxX, y: d.bboxY, w: d.bboxW, h: d.bboxH },
      ...(d.contour ? { contour: d.contour } : {}),
      areaPx: d.areaPx,
    }));
}

/** A part fails when any of its images fails; its reasons are the images', named by camera. */
export function partVerdict(images: { cameraName: string; verdict: ImageVerdict }[]) {
  const reasons = images.flatMap(({ cameraName, verdict }) =>
    verdict.reasons.map((r) => `${cameraName}: ${r}`),
  );
  return { verdict: images.every((i) => i.verdict.pass) ? ('pass' as const) : ('fail' as const), reasons };
}

/** Each defect's regions from a verdict, for storing. */
export function assignmentsOf(verdict: ImageVerdict, defectIds: string[]) {
  const ignored = new Set(verdict.ignored);
  return defectIds.map((id) => ({ id, regionIds: verdict.assignments[id] ?? [], ignored: ignored.has(id) }));
}
