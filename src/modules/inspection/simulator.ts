// The demo station's live feed: every few seconds a part passes — each camera sends a synthetic
// radiograph (castings with pores of varying size and clustering), the built-in detector finds
// the pores and the region rules judge the part, all through the real ingest path, so the HMI
// shows images, overlays and verdicts arriving. Keeps the newest triggers only (the files of the
// older ones are swept as orphans). PLANTINTEL_SIMULATOR=0 turns it off.
import { Readable } from 'node:stream';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants, inTenant, readInTenant } from '../../platform/db/scope.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { DEMO_TENANT, findTenantByName } from '../identity/index.ts';
import { DEMO_IMAGE, DEMO_PART, DEMO_STATION } from './demo.ts';
import { inspectImageFile } from './images/validate.ts';
import { RADIOGRAPH_TASK } from './simulator.task.ts';
import { camerasOfStation, stationByName } from './stations.repo.ts';
import { deleteTriggersBeyond } from './triggers.repo.ts';
import type { IncomingImage, TriggersService } from './triggers.service.ts';

export const SIMULATOR_INTERVAL_MS = 5000;
/** Demo triggers kept (about 40 minutes at one every 5 s). */
export const SIMULATOR_KEEP = 500;

export interface InspectionSimulator {
  /** Parts sent so far. */
  sent(): number;
  stop(): Promise<void>;
}

export async function startInspectionSimulator({
  db,
  files,
  compute,
  triggers,
  logger,
  intervalMs = SIMULATOR_INTERVAL_MS,
  maxPixels,
}: {
  db: Db;
  files: FileStore;
  compute: Pick<Compute, 'run'>;
  triggers: Pick<TriggersService, 'ingest'>;
  logger: { warn(obj: object, msg: string): void };
  intervalMs?: number;
  maxPixels: number;
}): Promise<InspectionSimulator | undefined> {
  const tenant = await acrossTenants(db, (tx) => findTenantByName(tx, DEMO_TENANT));
  if (!tenant) return undefined;
  const setup = await readInTenant(db, tenant.id, async (tx) => {
    const station = await stationByName(tx, DEMO_STATION);
    return station ? { station, cameras: await camerasOfStation(tx, station.id) } : undefined;
  });
  if (!setup || setup.cameras.length === 0) return undefined;
  const { station, cameras } = setup;
  const tenantId = tenant.id;
  const actor = { tenantId, userId: null };
  let sent = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function onePart() {
    const n = Date.now();
    const images: IncomingImage[] = [];
    for (const [i, camera] of cameras.entries()) {
      const { png } = await compute.run(RADIOGRAPH_TASK, {
        seed: (n / 1000 + i * 7919) >>> 0,
        width: DEMO_IMAGE.width,
        height: DEMO_IMAGE.height,
      });
      const stored = await files.put(
        tenantId,
        Readable.from([Buffer.from(png.buffer, png.byteOffset, png.byteLength)]),
        { maxBytes: 64 * 1_048_576 },
      );
      const path = await files.localPath(stored.key);
      images.push({
        serial: camera.serialNumber,
        key: stored.key,
        bytes: stored.bytes,
        path,
        info: await inspectImageFile(path, { maxPixels }),
      });
    }
    await triggers.ingest(actor, {
      stationId: station.id,
      partNumber: DEMO_PART.partNumber,
      partSerial: `${DEMO_PART.partNumber}-${new Date(n).toISOString().slice(2, 19).replace(/[-:T]/g, '')}`,
      images,
    });
    sent++;
    if (sent % 20 === 0)
      await inTenant(db, tenantId, (tx) => deleteTriggersBeyond(tx, station.id, SIMULATOR_KEEP));
  }

  const tick = () => {
    running = onePart()
      .catch((err) => logger.warn({ err }, 'inspection simulator: a part could not be sent'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, Math.min(intervalMs, 1000));
  return {
    sent: () => sent,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
