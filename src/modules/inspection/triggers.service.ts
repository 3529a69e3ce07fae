import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant, tenantOf } from '../../platform/db/scope.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { type DefectInput, type PlacedDefect, placeDefect } from './defect-geometry.ts';
import { lockTrigger } from './defects.repo.ts';
import { detectImage } from './detect.ts';
import type { ImageInfo } from './images/validate.ts';
import { assignmentsOf, judgeDefects, judgedDefects, partVerdict, regionSetOf, regionsFor } from './judge.ts';
import type { InspectionLive } from './live.ts';
import {
  type CameraRow,
  camerasOfStation,
  findCurrentPart,
  findStation,
  touchCameras,
} from './stations.repo.ts';
import {
  assignDefects,
  type DefectInsert,
  defectsOfImages,
  findTrigger,
  imagesOfTrigger,
  insertDefects,
  insertImages,
  insertTrigger,
  listTriggers,
  referencedFileKeys,
  type TriggerFilter,
  updateImageVerdict,
  updateTrigger,
} from './triggers.repo.ts';

// A part passing a station: its images (already in the file store, validated), the vision
// system's defects or the built-in detector's, the region rules' verdict — all stored in one
// transaction, pushed live once committed. Anything that fails leaves no row, and the files it
// brought are removed unless another image already refers to the same bytes.

/** One camera's image of a trigger, stored and validated by the route. */
export interface IncomingImage {
  serial: string;
  key: string;
  bytes: number;
  path: string;
  info: ImageInfo;
}

export interface TriggerInput {
  stationId: string;
  partNumber?: string | undefined;
  partSerial?: string | undefined;
  ts?: string | undefined;
  /** Per camera serial number: the defects the vision system found (absent → detect, if enabled). */
  defects?: Record<string, DefectInput[]> | undefined;
  images: IncomingImage[];
}

/** Who sends a trigger: a signed-in principal, or the demo simulator (no user). */
export type Actor = Pick<Principal, 'tenantId'> & { userId: string | null };

export interface TriggersDeps {
  db: Db;
  files: FileStore;
  compute: Pick<Compute, 'run'>;
  live: InspectionLive;
  /** Tests: runs inside the ingest transaction just before it commits. */
  beforeCommit?: () => Promise<void> | void;
}

export function createTriggersService({ db, files, compute, live, beforeCommit }: TriggersDeps) {
  /** Removes stored files no image refers to (after a failed ingest). */
  async function discard(principal: Actor, keys: string[]) {
    const used = await readInCallerTenant(db, principal, (tx) => referencedFileKeys(tx, keys)).catch(
      () => new Set(keys),
    );
    await Promise.all(keys.filter((k) => !used.has(k)).map((k) => files.remove(k)));
  }

  async function ingest(principal: Actor, input: TriggerInput) {
    const tenantId = tenantOf(principal);
    try {
      if (input.images.length === 0)
        throw badRequest(
          'A trigger needs at least one image (one file part per camera, named by its serial number)',
        );
      const setup = await readInCallerTenant(db, principal, async (tx) => {
        const station = await findStation(tx, input.stationId);
        if (!station) throw badRequest('Unknown stationId');
        return {
          cameras: await camerasOfStation(tx, station.id),
          current: await findCurrentPart(tx, station.id),
        };
      });
      const partNumber = input.partNumber ?? setup.current?.partNumber;
      const partSerial = input.partSerial ?? setup.current?.partSerial ?? undefined;
      if (!partNumber) throw badRequest('partNumber is required (the station has no current part)');
      if (!partSerial) throw badRequest('partSerial is required (the station has no current part serial)');
      const bySerial = new Map(setup.cameras.map((c) => [c.serialNumber, c]));
      const seen = new Set<string>();
      for (const serial of Object.keys(input.defects ?? {}))
        if (!input.images.some((i) => i.serial === serial))
          throw badRequest(`defects: camera ${serial} sent no image`);
      const ts = input.ts ? new Date(input.ts) : new Date();
      // Defects per image: reported ones placed, or detected (outside any transaction: it is slow).
      const prepared: {
        image: IncomingImage;
        camera: CameraRow;
        geometry: { width: number; height: number; mmPerPixel: number };
        source: 'vision' | 'detector';
        defects: (PlacedDefect & { id: string })[];
      }[] = [];
      for (const image of input.images) {
        const camera = bySerial.get(image.serial);
        if (!camera) throw badRequest(`Camera ${image.serial} is not a camera of this station`);
        if (seen.has(image.serial)) throw badRequest(`Camera ${image.serial} sent two images`);
        seen.add(image.serial);
        const geometry = {
          width: image.info.width,
          height: image.info.height,
          mmPerPixel: camera.mmPerPixel,
        };
        const reported = input.defects?.[image.serial];
        const source = reported ? ('vision' as const) : ('detector' as const);
        const placed = reported
          ? reported.map((d, i) => placeDefect(d, geometry, `defects.${image.serial}[${i}]`))
          : camera.detectOnIngest
            ? await detectImage(compute, image.path, image.info, camera.mmPerPixel, camera.detector)
            : [];
        prepared.push({
          image,
          camera,
          geometry,
          source,
          defects: placed.map((d) => ({ ...d, id: randomUUID() })),
        });
      }
      const stored = await inCallerTenant(db, principal, async (tx) => {
        const regionSet = await regionSetOf(tx, partNumber);
        const judged = [];
        for (const p of prepared) {
          const regions = await regionsFor(tx, p.camera.id, regionSet);
          judged.push({ ...p, verdict: judgeDefects(p.geometry, regions, p.defects) });
        }
        const part = partVerdict(judged.map((j) => ({ cameraName: j.camera.name, verdict: j.verdict })));
        const trigger = await insertTrigger(tx, {
          tenantId,
          stationId: input.stationId,
          partNumber,
          partSerial,
          ts,
          verdict: part.verdict,
          reasons: part.reasons,
          imageCount: judged.length,
          defectCount: judged.reduce((n, j) => n + j.defects.length, 0),
          createdBy: principal.userId ?? null,
        });
        const images = await insertImages(
          tx,
          judged.map((j) => ({
            tenantId,
            triggerId: trigger.id,
            cameraId: j.camera.id,
            fileKey: j.image.key,
            bytes: j.image.bytes,
            format: j.image.info.format,
            width: j.image.info.width,
            height: j.image.info.height,
            bitDepth: j.image.info.bitDepth,
            regionVersion: j.camera.regionVersion,
            verdict: j.verdict.pass ? 'pass' : 'fail',
            verdictDetail: { ...j.verdict, regionSet },
            capturedAt: ts,
          })),
        );
        const defects: DefectInsert[] = judged.flatMap((j, n) => {
          const assigned = new Map(
            assignmentsOf(
              j.verdict,
              j.defects.map((d) => d.id),
            ).map((a) => [a.id, a]),
          );
          return j.defects.map((d) => ({
            id: d.id,
            tenantId,
            imageId: images[n]?.id as string,
            triggerId: trigger.id,
            cameraId: j.camera.id,
            cx: d.cx,
            cy: d.cy,
            bboxX: d.bbox.x,
            bboxY: d.bbox.y,
            bboxW: d.bbox.w,
            bboxH: d.bbox.h,
            contour: d.contour ?? null,
            areaPx: d.areaPx,
            diameterMm: d.diameterMm,
            areaMm2: d.areaMm2,
            type: d.type,
            confidence: d.confidence,
            source: j.source,
            regionIds: assigned.get(d.id)?.regionIds ?? [],
            ignored: assigned.get(d.id)?.ignored ?? false,
          }));
        });
        await insertDefects(tx, defects);
        await touchCameras(
          tx,
          judged.map((j) => j.camera.id),
          new Date(),
        );
        await live.triggerJudged(tx, tenantId, trigger, images);
        await beforeCommit?.();
        return { trigger, images };
      });
      return stored;
    } catch (err) {
      await discard(
        principal,
        input.images.map((i) => i.key),
      );
      throw err;
    }
  }

  /** Judges a stored trigger again by its cameras' current regions. */
  async function rejudge(tx: Executor, tenantId: string, triggerId: string) {
    // Locked first, as every other writer of a trigger's defects does: no deadlock between them.
    const trigger = await lockTrigger(tx, triggerId);
    if (!trigger) throw notFound('Trigger');
    const images = await imagesOfTrigger(tx, trigger.id);
    const defects = await defectsOfImages(
      tx,
      images.map((i) => i.id),
    );
    const regionSet = await regionSetOf(tx, trigger.partNumber);
    const cameras = new Map((await camerasOfStation(tx, trigger.stationId)).map((c) => [c.id, c]));
    const judged = [];
    for (const image of images) {
      const camera = cameras.get(image.cameraId);
      const mine = defects.filter((d) => d.imageId === image.id);
      const regions = camera ? await regionsFor(tx, camera.id, regionSet) : [];
      const geometry = { width: image.width, height: image.height, mmPerPixel: camera?.mmPerPixel ?? 1 };
      const verdict = judgeDefects(geometry, regions, judgedDefects(mine));
      await updateImageVerdict(tx, image.id, {
        verdict: verdict.pass ? 'pass' : 'fail',
        verdictDetail: { ...verdict, regionSet },
        regionVersion: camera?.regionVersion ?? image.regionVersion,
      });
      await assignDefects(
        tx,
        assignmentsOf(
          verdict,
          mine.map((d) => d.id),
        ),
      );
      image.verdict = verdict.pass ? 'pass' : 'fail';
      judged.push({ cameraName: camera?.name ?? image.cameraId, verdict });
    }
    const part = partVerdict(judged);
    const updated = await updateTrigger(tx, trigger.id, {
      verdict: part.verdict,
      reasons: part.reasons,
      defectCount: defects.length,
    });
    await live.triggerJudged(tx, tenantId, updated ?? trigger, images);
    return updated ?? trigger;
  }

  return {
    ingest,
    discard,
    rejudge,
    reanalyze: (principal: Principal, triggerId: string) =>
      inCallerTenant(db, principal, (tx, tenantId) => rejudge(tx, tenantId, triggerId)),
    list: (principal: Principal, filter: TriggerFilter) =>
      readInCallerTenant(db, principal, (tx) => listTriggers(tx, filter)),
    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const trigger = await findTrigger(tx, id);
        if (!trigger) throw notFound('Trigger');
        const images = await imagesOfTrigger(tx, id);
        return {
          trigger,
          images,
          defects: await defectsOfImages(
            tx,
            images.map((i) => i.id),
          ),
        };
      }),
  };
}

export type TriggersService = ReturnType<typeof createTriggersService>;
