// The inspection module's public surface (seed 001, issue 15): stations, cameras and parts;
// triggers with their images and defects judged by region rules; rendered images; dispositions
// and statistics; live push; the demo station's simulator.
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/types.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { localFileStore } from '../../platform/storage/file-store.ts';
import { createDefectExport } from './defects.export.ts';
import { defectsRoutes } from './defects.routes.ts';
import { DEFECT_SCHEMAS } from './defects.schemas.ts';
import { createDefectsService } from './defects.service.ts';
import { createVariantCache } from './images/variant-cache.ts';
import { imagesRoutes } from './images.routes.ts';
import { createImagesService } from './images.service.ts';
import { INSPECTION_SCHEMAS } from './inspection.schemas.ts';
import { createInspectionLive } from './live.ts';
import { regionsRoutes } from './regions.routes.ts';
import { createRegionsService } from './regions.service.ts';
import { startInspectionSimulator } from './simulator.ts';
import { stationsRoutes } from './stations.routes.ts';
import { createStationsService } from './stations.service.ts';
import { statisticsRoutes } from './statistics.routes.ts';
import { createStatisticsService } from './statistics.service.ts';
import { sweepOrphanImages } from './sweep.ts';
import { triggersRoutes } from './triggers.routes.ts';
import { createTriggersService } from './triggers.service.ts';

export { seedDemoInspection } from './demo.ts';
export type { InspectionSimulator } from './simulator.ts';

export interface InspectionDeps {
  db: Db;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  compute: Pick<Compute, 'run'>;
  /** Where image bytes are kept (content-addressed). */
  imagesDir: string;
  /** Where rendered variants are cached, and the cache's bound. */
  cacheDir: string;
  cacheMaxBytes: number;
  imageMaxBytes: number;
  maxPixels: number;
  /** Tests: runs inside each ingest transaction just before it commits. */
  beforeCommit?: () => Promise<void> | void;
}

export function createInspection(deps: InspectionDeps) {
  const { db, realtime, compute, imagesDir } = deps;
  const files = localFileStore(imagesDir);
  const cache = createVariantCache({ dir: deps.cacheDir, maxBytes: deps.cacheMaxBytes });
  const live = createInspectionLive({ db, realtime });
  const stations = createStationsService({ db });
  const regions = createRegionsService({ db });
  const triggers = createTriggersService({
    db,
    files,
    compute,
    live,
    ...(deps.beforeCommit ? { beforeCommit: deps.beforeCommit } : {}),
  });
  const images = createImagesService({ db, files, cache, compute, rejudge: triggers.rejudge });
  const defects = createDefectsService({ db, live, rejudge: triggers.rejudge });
  const statistics = createStatisticsService({ db });

  return {
    triggers,
    images,
    files,
    live,
    /** The demo station's simulator, when the demo tenant has one (undefined otherwise). */
    startSimulator: (logger: { warn(obj: object, msg: string): void }) =>
      startInspectionSimulator({ db, files, compute, triggers, logger, maxPixels: deps.maxPixels }),
    /** Resolves once the rendered-image cache has indexed what is on disk (its bound holds from then). */
    ready: () => cache.ready(),
    /** The rendered-image cache, for /metrics (lookups, bytes held). */
    imageCache: cache as Pick<typeof cache, 'lookups' | 'bytes'>,
    sweepOrphans: (graceMs?: number) => sweepOrphanImages({ db, files, dir: imagesDir }, graceMs),
    maintenanceTasks: {
      'inspection.orphan-files': () => sweepOrphanImages({ db, files, dir: imagesDir }),
    },
    routes(app: App) {
      for (const schema of [...INSPECTION_SCHEMAS, ...DEFECT_SCHEMAS]) app.addSchema(schema);
      stationsRoutes(app, { stations, images });
      regionsRoutes(app, { regions });
      triggersRoutes(app, {
        triggers,
        files,
        limits: { imageMaxBytes: deps.imageMaxBytes, maxPixels: deps.maxPixels },
      });
      imagesRoutes(app, { images });
      defectsRoutes(app, { defects, defectExport: createDefectExport({ db }) });
      statisticsRoutes(app, { statistics });
    },
  };
}

export type Inspection = ReturnType<typeof createInspection>;
