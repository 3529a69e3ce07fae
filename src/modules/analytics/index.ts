// The analytics module's public surface (seed 000): mapping profiles, auto-mapping suggestions,
// uploads and the import job, import settings (issue 13); analyses with their orchestrator job,
// the analyzer configuration, narrative and chat (issue 14).
import { join } from 'node:path';
import type { Ai } from '../../platform/ai/types.ts';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants, isUuid, readInTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { localFileStore } from '../../platform/storage/file-store.ts';
import { localToUtc } from '../plant/index.ts';
import { findAnalysis } from './analyses.repo.ts';
import { type AnalysisExportFormats, analysesRoutes } from './analyses.routes.ts';
import { ANALYSES_SCHEMAS } from './analyses.schemas.ts';
import { createAnalysesService } from './analyses.service.ts';
import { ANALYTICS_SCHEMAS } from './analytics.schemas.ts';
import { analyzeJob } from './analyze.job.ts';
import { chatRoutes } from './chat.routes.ts';
import { createChatService } from './chat.service.ts';
import { compareRoutes } from './compare/compare.routes.ts';
import { createCompareService, type PlantReports } from './compare/compare.service.ts';
import { configRoutes } from './config.routes.ts';
import { createConfigService } from './config.service.ts';
import { secondFacilityJob, startSecondFacilityDemo } from './demo/second-facility.ts';
import { type FrameStore, frameStoreIn } from './frame-snapshot.ts';
import { importWorkOrdersJob } from './import.job.ts';
import { expiredFiles, findImport, importsWithFrames, markFileRemoved } from './imports.repo.ts';
import { importsRoutes } from './imports.routes.ts';
import { createImportsService } from './imports.service.ts';
import { createNarrator } from './narrative.ts';
import type { XlsxOptions } from './parse/xlsx.ts';
import { profilesRoutes } from './profiles.routes.ts';
import { createProfilesService } from './profiles.service.ts';
import { fileReader } from './reader.ts';
import { analyticsSettingsRoutes } from './settings.routes.ts';
import { suggestRoutes } from './suggest.routes.ts';

// For the AI gateway's retrieve node (pipelines/runtime/retrievers.ts).
export { type AnalysisRow, findAnalysis, listAnalyses, listInsights } from './analyses.repo.ts';
export { addSecondFacility } from './demo/second-facility.ts';

export interface AnalyticsDeps {
  db: Db;
  jobs: Pick<Jobs, 'submit' | 'enqueue'>;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  compute: Pick<Compute, 'run'>;
  /** Every AI call (narrative, chat) goes through this one interface. */
  ai: Ai;
  /** Where uploaded files are kept (content addressed). */
  filesDir: string;
  uploadMaxBytes: number;
  /** Zip-bomb limits of XLSX uploads (XLSX_MAX_UNPACKED_MB, XLSX_MAX_PART_MB, XLSX_MAX_RATIO). */
  xlsxLimits?: XlsxOptions;
  /** Domain events (AnalysisCompleted); optional so tests can build the module without them. */
  events?: Pick<Events, 'record'>;
  /** The plant's OEE report and downtime Pareto: the facility comparison's (routes only with them). */
  plantReports?: PlantReports;
  /** Where warnings go (a frame snapshot that could not be written). */
  log?: { warn(message: string): void };
}

/**
 * Frame snapshot files no import needs are removed: their import is gone (with its facility or
 * tenant), or completed without recording them (a crash between the file and the record).
 */
async function removeOrphanFrames(db: Db, frames: FrameStore) {
  let removed = 0;
  for (const { tenantId, importIds } of await frames.list()) {
    const kept = new Set(await acrossTenants(db, (tx) => importsWithFrames(tx, importIds)));
    for (const importId of importIds.filter((id) => !kept.has(id)))
      removed += await frames.remove(tenantId, importId).then(
        () => 1,
        () => 0,
      );
  }
  return removed;
}

/** How long after start-up the second demo facility is written (start-up and /health come first). */
const DEMO_DELAY_MS = 5000;

export function createAnalytics({
  db,
  jobs,
  realtime,
  compute,
  ai,
  filesDir,
  uploadMaxBytes,
  xlsxLimits,
  events,
  plantReports,
  log,
}: AnalyticsDeps) {
  const files = localFileStore(filesDir);
  const frames = frameStoreIn(filesDir, (message) => log?.warn(message));
  const reader = fileReader(xlsxLimits);
  const profiles = createProfilesService({ db });
  const imports = createImportsService({ db, jobs, files, frames, reader, maxBytes: uploadMaxBytes });
  const analyses = createAnalysesService({ db, jobs });
  const config = createConfigService({ db });
  const chat = createChatService({ db, ai });
  const compare = plantReports && createCompareService({ db, plant: plantReports, localToUtc });
  const inTopicTenant =
    (find: (tx: Db, id: string) => Promise<unknown>) =>
    async (principal: { tenantId: string | null }, id: string) =>
      principal.tenantId !== null &&
      isUuid(id) &&
      (await readInTenant(db, principal.tenantId, async (tx) => (await find(tx, id)) !== undefined));

  realtime.registerTopic('import', inTopicTenant(findImport));
  realtime.registerTopic('analysis', inTopicTenant(findAnalysis));

  return {
    profiles,
    imports,
    /** Housekeeping: uploads past their tenant's file retention are removed. */
    maintenanceTasks: {
      'analytics.files': async (tx: Db) => {
        const expired = await acrossTenants(tx, (t) => expiredFiles(t));
        for (const { tenant_id: tenantId, file_hash: hash } of expired) {
          await files.remove(`${tenantId}/${hash}`);
          await acrossTenants(tx, (t) => markFileRemoved(t, tenantId, hash));
        }
        return expired.length + (await removeOrphanFrames(tx, frames));
      },
    },
    /** The import job, for the composition root to define on the queue. */
    importJob: importWorkOrdersJob({
      db,
      files,
      reader,
      realtime,
      frames,
      onCompleted: (tenantId, importId, createdBy) => analyses.startForImport(tenantId, importId, createdBy),
    }),
    /** The orchestrator, for the composition root to define on the queue. */
    analyzeJob: analyzeJob({
      db,
      compute,
      realtime,
      narrator: createNarrator(ai),
      frames,
      ...(events ? { events } : {}),
    }),
    analyses,
    /** The demo's second facility (history and imports), for the composition root to define. */
    demoJob: secondFacilityJob({ db, imports, profiles, reader, files }),
    /** With workers: submits the second demo facility's job where it is pending (a few seconds later). */
    startDemo: () => startSecondFacilityDemo({ db, jobs, delayMs: DEMO_DELAY_MS }),
    /** `exports`: the analysis export's PDF and XLSX (the reports module's). */
    routes(app: App, exports?: AnalysisExportFormats) {
      for (const schema of [...ANALYTICS_SCHEMAS, ...ANALYSES_SCHEMAS]) app.addSchema(schema);
      profilesRoutes(app, { profiles });
      suggestRoutes(app, { db, reader, tmpDir: join(filesDir, 'incoming') });
      importsRoutes(app, { imports });
      analyticsSettingsRoutes(app, { db });
      analysesRoutes(app, { analyses, exports });
      configRoutes(app, { config });
      chatRoutes(app, { chat });
      if (compare) compareRoutes(app, { compare });
    },
  };
}

export type Analytics = ReturnType<typeof createAnalytics>;
