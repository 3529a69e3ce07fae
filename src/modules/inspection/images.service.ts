import type { Principal } from '../../platform/auth/principal.ts';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { detectImage } from './detect.ts';
import type { ImageVerdict } from './engine/types.ts';
import { renderVariant } from './images/render.ts';
import type { ImageInfo } from './images/validate.ts';
import { type VariantCache, variantKey } from './images/variant-cache.ts';
import { displayWindow } from './images/window.ts';
import { applicableRegions, DEFAULT_REGION_SET } from './judge.ts';
import { regionsOfCamera } from './regions.repo.ts';
import { findCamera, findCameraBySerial } from './stations.repo.ts';
import {
  defectsOfImages,
  deleteDefectsBySource,
  findImage,
  findTrigger,
  type ImageRow,
  imagesOfTrigger,
  insertDefects,
  latestImages,
  setImageWindow,
} from './triggers.repo.ts';

// Stored images: metadata, the newest per camera, rendered variants (web format, resized,
// 16-bit windowed, overlaid) from the disk cache, and the built-in detector on demand.

export type ImageFormat = 'jpeg' | 'webp' | 'png';
export const OVERLAY_PARTS = ['defects', 'regions'] as const;
export type OverlayPart = (typeof OVERLAY_PARTS)[number];

export interface RenderRequest {
  format: ImageFormat;
  width?: number | undefined;
  overlay: OverlayPart[];
}

export interface ImagesDeps {
  db: Db;
  files: FileStore;
  cache: VariantCache;
  compute: Pick<Compute, 'run'>;
  /** Widest variant rendered (wider requests get this). */
  maxOutputWidth?: number;
  /** Re-judges a trigger after its defects changed (the triggers service). */
  rejudge: (tx: Executor, tenantId: string, triggerId: string) => Promise<unknown>;
}

const infoOf = (row: ImageRow): ImageInfo => ({
  format: row.format as ImageInfo['format'],
  width: row.width,
  height: row.height,
  bitDepth: row.bitDepth as 8 | 16,
  channels: row.channels,
});

export function createImagesService({
  db,
  files,
  cache,
  compute,
  maxOutputWidth = 4096,
  rejudge,
}: ImagesDeps) {
  const imageOrThrow = async (tx: Executor, id: string) => {
    const image = await findImage(tx, id);
    if (!image) throw notFound('Image');
    return image;
  };

  /** The overlay's content: defects with their dispositions, regions with their verdicts. */
  async function overlayOf(tx: Executor, image: ImageRow, parts: OverlayPart[]) {
    const detail = image.verdictDetail as unknown as Partial<ImageVerdict> & { regionSet?: string };
    const verdicts = new Map(
      (detail.regions ?? []).map((r) => [r.regionId, r.pass ? ('pass' as const) : ('fail' as const)]),
    );
    // Both reads at once: a read-only scope pipelines them in one round trip.
    const [defectRows, regionRows] = await Promise.all([
      parts.includes('defects') ? defectsOfImages(tx, [image.id]) : [],
      parts.includes('regions') ? regionsOfCamera(tx, image.cameraId) : [],
    ]);
    const defects = defectRows.map((d) => ({
      id: d.id,
      cx: d.cx,
      cy: d.cy,
      bbox: { x: d.bboxX, y: d.bboxY, w: d.bboxW, h: d.bboxH },
      ...(d.contour ? { contour: d.contour } : {}),
      type: d.type,
      sizeMm: d.diameterMm,
      disposition: d.disposition,
    }));
    const regions = applicableRegions(regionRows, detail.regionSet ?? DEFAULT_REGION_SET).map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as 'inspect' | 'ignore',
      polygon: r.polygon,
      ...(verdicts.has(r.id) ? { verdict: verdicts.get(r.id) } : {}),
    }));
    return { defects, regions };
  }

  /** The 16-bit display window, worked out once and kept on the image row. */
  async function windowOf(principal: Principal, image: ImageRow, path: string) {
    if (image.bitDepth <= 8) return undefined;
    if (image.windowLow !== null && image.windowHigh !== null)
      return { low: image.windowLow, high: image.windowHigh };
    const window = await displayWindow(path, infoOf(image));
    await inCallerTenant(db, principal, (tx) => setImageWindow(tx, image.id, window));
    return window;
  }

  return {
    /** Metadata and defects of one image. */
    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const image = await imageOrThrow(tx, id);
        return { image, defects: await defectsOfImages(tx, [id]) };
      }),

    /** The newest image of each camera (optionally of one station), with defects. */
    latest: (principal: Principal, filter: { stationId?: string | undefined }) =>
      readInCallerTenant(db, principal, async (tx) => {
        const images = await latestImages(tx, filter.stationId ? { stationId: filter.stationId } : {});
        return {
          images,
          defects: await defectsOfImages(
            tx,
            images.map((i) => i.id),
          ),
        };
      }),

    latestOfCamera: (principal: Principal, serial: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const camera = await findCameraBySerial(tx, serial);
        if (!camera) throw notFound('Camera');
        const images = await latestImages(tx, { cameraId: camera.id });
        return {
          camera,
          images,
          defects: await defectsOfImages(
            tx,
            images.map((i) => i.id),
          ),
        };
      }),

    ofTrigger: (principal: Principal, triggerId: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        if (!(await findTrigger(tx, triggerId))) throw notFound('Trigger');
        const images = await imagesOfTrigger(tx, triggerId);
        return {
          images,
          defects: await defectsOfImages(
            tx,
            images.map((i) => i.id),
          ),
        };
      }),

    /**
     * A rendered variant: from the cache when the same image, options and overlay content were
     * rendered before (the key is their digest, so it doubles as the ETag).
     */
    async render(principal: Principal, id: string, request: RenderRequest) {
      const { image, overlay } = await readInCallerTenant(db, principal, async (tx) => {
        const image = await imageOrThrow(tx, id);
        return {
          image,
          overlay: request.overlay.length > 0 ? await overlayOf(tx, image, request.overlay) : undefined,
        };
      });
      const width = request.width
        ? Math.min(request.width, image.width, maxOutputWidth)
        : Math.min(image.width, maxOutputWidth);
      const path = await files.localPath(image.fileKey);
      // Stored on the row after the first render of a 16-bit image: only that one works it out.
      const window = await windowOf(principal, image, path);
      const key = variantKey([
        image.fileKey,
        request.format,
        width,
        request.overlay,
        overlay ?? null,
        window ?? null,
      ]);
      const cached = await cache.get(key);
      if (cached) return { key, body: cached, hit: true };
      const body = await renderVariant({
        path,
        info: infoOf(image),
        ...(window ? { window } : {}),
        format: request.format,
        width,
        ...(overlay
          ? {
              overlay: {
                width: image.width,
                height: image.height,
                outWidth: 0,
                outHeight: 0,
                defects: overlay.defects,
                regions: overlay.regions,
              },
            }
          : {}),
        maxOutputWidth,
      });
      await cache.put(key, body);
      return { key, body, hit: false };
    },

    /** Runs the built-in detector on a stored image: its detector defects are replaced, the part re-judged. */
    detect: async (principal: Principal, id: string) => {
      const { image, camera } = await readInCallerTenant(db, principal, async (tx) => {
        const image = await imageOrThrow(tx, id);
        return { image, camera: await findCamera(tx, image.cameraId) };
      });
      const mmPerPixel = camera?.mmPerPixel ?? 1;
      const found = await detectImage(
        compute,
        await files.localPath(image.fileKey),
        infoOf(image),
        mmPerPixel,
        camera?.detector ?? {},
      );
      return inCallerTenant(db, principal, async (tx, tenantId) => {
        await deleteDefectsBySource(tx, id, 'detector');
        await insertDefects(
          tx,
          found.map((d) => ({
            tenantId,
            imageId: id,
            triggerId: image.triggerId,
            cameraId: image.cameraId,
            cx: d.cx,
            cy: d.cy,
            bboxX: d.bbox.x,
            bboxY: d.bbox.y,
            bboxW: d.bbox.w,
            bboxH: d.bbox.h,
            areaPx: d.areaPx,
            diameterMm: d.diameterMm,
            areaMm2: d.areaMm2,
            type: d.type,
            confidence: d.confidence,
            source: 'detector',
            createdBy: principal.userId ?? null,
          })),
        );
        await rejudge(tx, tenantId, image.triggerId);
        return { image: (await findImage(tx, id)) as ImageRow, defects: await defectsOfImages(tx, [id]) };
      });
    },
  };
}

export type ImagesService = ReturnType<typeof createImagesService>;
