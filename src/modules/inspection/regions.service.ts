import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, notFound, validationFailed } from '../../platform/http/errors.ts';
import { polygonProblems } from './engine/geometry.ts';
import type { RegionKind, RegionRules, RegionSeverity } from './engine/types.ts';
import { DEFAULT_REGION_SET, judgeDefects, judgedDefects } from './judge.ts';
import {
  deleteRegion,
  findRegion,
  insertRegion,
  recordRegionVersion,
  regionsOfCamera,
  regionVersions,
  updateRegion,
} from './regions.repo.ts';
import { findCamera } from './stations.repo.ts';
import { defectsOfImages, imagesOfTrigger, listTriggers } from './triggers.repo.ts';

// Regions per camera: polygons in normalized coordinates with acceptance rules. Every change is a
// new version of the camera's region set; verdicts keep the version they were judged by.

export interface RegionInput {
  regionSet?: string | undefined;
  name: string;
  severity?: RegionSeverity | undefined;
  kind?: RegionKind | undefined;
  polygon: number[][];
  rules?: RegionRules | undefined;
}

function checkPolygon(polygon: number[][], path = '/body/polygon') {
  const problems = polygonProblems(polygon as [number, number][]);
  if (problems.length > 0)
    throw validationFailed(
      `The polygon is not usable: ${problems.join('; ')}`,
      problems.map((message: string) => ({ path, message })),
    );
}

function checkRules(rules: RegionRules | undefined) {
  if (rules?.spacingMode && rules.minSpacingMm === undefined)
    throw badRequest('rules.spacingMode needs rules.minSpacingMm');
}

export function createRegionsService({ db }: { db: Db }) {
  const cameraOrThrow = async (tx: Executor, id: string) => {
    const camera = await findCamera(tx, id);
    if (!camera) throw notFound('Camera');
    return camera;
  };

  return {
    ofCamera: (principal: Principal, cameraId: string, regionSet?: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const camera = await cameraOrThrow(tx, cameraId);
        return { camera, regions: await regionsOfCamera(tx, cameraId, regionSet) };
      }),

    versions: (principal: Principal, cameraId: string, limit: number) =>
      readInCallerTenant(db, principal, async (tx) => {
        await cameraOrThrow(tx, cameraId);
        return regionVersions(tx, cameraId, limit);
      }),

    create: (principal: Principal, input: RegionInput & { cameraId: string }) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        checkPolygon(input.polygon);
        checkRules(input.rules);
        const camera = await findCamera(tx, input.cameraId);
        if (!camera) throw badRequest('Unknown cameraId');
        const row = await insertRegion(tx, {
          tenantId,
          cameraId: camera.id,
          regionSet: input.regionSet ?? DEFAULT_REGION_SET,
          name: input.name,
          severity: input.severity ?? 'major',
          kind: input.kind ?? 'inspect',
          polygon: input.polygon as [number, number][],
          rules: (input.rules ?? {}) as Record<string, unknown>,
          updatedBy: principal.userId ?? null,
        });
        const version = await recordRegionVersion(tx, {
          tenantId,
          cameraId: camera.id,
          change: `create ${row.name}`,
          changedBy: principal.userId ?? null,
        });
        return { region: row, version };
      }),

    replace: (principal: Principal, id: string, input: RegionInput) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        checkPolygon(input.polygon);
        checkRules(input.rules);
        const existing = await findRegion(tx, id);
        if (!existing) throw notFound('Region');
        const row = await updateRegion(tx, id, {
          regionSet: input.regionSet ?? existing.regionSet,
          name: input.name,
          severity: input.severity ?? existing.severity,
          kind: input.kind ?? existing.kind,
          polygon: input.polygon as [number, number][],
          rules: (input.rules ?? {}) as Record<string, unknown>,
          updatedBy: principal.userId ?? null,
        });
        if (!row) throw notFound('Region');
        const version = await recordRegionVersion(tx, {
          tenantId,
          cameraId: row.cameraId,
          change: `update ${row.name}`,
          changedBy: principal.userId ?? null,
        });
        return { region: row, version };
      }),

    remove: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const existing = await findRegion(tx, id);
        if (!existing) throw notFound('Region');
        await deleteRegion(tx, id);
        await recordRegionVersion(tx, {
          tenantId,
          cameraId: existing.cameraId,
          change: `delete ${existing.name}`,
          changedBy: principal.userId ?? null,
        });
      }),

    /**
     * Judges the camera's recent images by regions not saved yet: what the region editor shows
     * before a quality engineer saves.
     */
    preview: (
      principal: Principal,
      cameraId: string,
      regions: (RegionInput & { id?: string | undefined })[],
      limit: number,
    ) =>
      readInCallerTenant(db, principal, async (tx) => {
        const camera = await cameraOrThrow(tx, cameraId);
        regions.forEach((r, i) => {
          checkPolygon(r.polygon, `/body/regions/${i}/polygon`);
          checkRules(r.rules);
        });
        const defs = regions.map((r, i) => ({
          id: r.id ?? `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          name: r.name,
          severity: r.severity ?? 'major',
          kind: r.kind ?? 'inspect',
          polygon: r.polygon as [number, number][],
          rules: (r.rules ?? {}) as Record<string, unknown>,
        }));
        const triggers = await listTriggers(tx, { stationId: camera.stationId, limit, offset: 0 });
        const results = [];
        for (const trigger of triggers.items) {
          const image = (await imagesOfTrigger(tx, trigger.id)).find((i) => i.cameraId === camera.id);
          if (!image) continue;
          const defects = await defectsOfImages(tx, [image.id]);
          const verdict = judgeDefects(
            { width: image.width, height: image.height, mmPerPixel: camera.mmPerPixel },
            defs,
            judgedDefects(defects),
          );
          results.push({
            triggerId: trigger.id,
            imageId: image.id,
            partSerial: trigger.partSerial,
            ts: trigger.ts,
            current: image.verdict as 'pass' | 'fail',
            proposed: verdict.pass ? ('pass' as const) : ('fail' as const),
            reasons: verdict.reasons,
          });
        }
        return results;
      }),
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
