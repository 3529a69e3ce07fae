// The analytics module's public surface (seed 000): mapping profiles, auto-mapping suggestions,
// uploads and the import job, import settings (issue 13); analyses with their orchestrator job,
// the analyzer configuration, narrative and chat (issue 14).
import { join } from 'node:path';
import type { Ai } from '../../platform/ai/types.ts';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants, isUuid, readInTenant } from '../../platform/db/scope.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { localFileStore } from '../../platform/storage/file-store.ts';
import { findAnalysis } from './analyses.repo.ts';
import { analysesRoutes } from './analyses.routes.ts';
import { ANALYSES_SCHEMAS } from './analyses.schemas.ts';
import { createAnalysesService } from './analyses.service.ts';
import { ANALYTICS_SCHEMAS } from './analytics.schemas.ts';
import { analyzeJob } from './analyze.job.ts';
import { chatRoutes } from './chat.routes.ts';
import { createChatService } from './chat.service.ts';
import { configRoutes } from './config.routes.ts';
import { createConfigService } from './config.service.ts';
import { importWorkOrdersJob } from './import.job.ts';
import { expiredFiles, findImport, markFileRemoved } from './imports.repo.ts';
import { importsRoutes } from './imports.routes.ts';
import { createImportsService } from './imports.service.ts';
import { createNarrator } from './narrative.ts';
import { profilesRoutes } from './profiles.routes.ts';
import { createProfilesService } from './profiles.service.ts';
import { fileReader } from './reader.ts';
import { analyticsSettingsRoutes } from './settings.routes.ts';
import { suggestRoutes } from './suggest.routes.ts';

// For the AI gateway's retrieve node (pipelines/runtime/retrievers.ts).
export { type AnalysisRow, findAnalysis, listAnalyses, listInsights } from './analyses.repo.ts';

export interface AnalyticsDeps {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  compute: Pick<Compute, 'run'>;
  /** Every AI call (narrative, chat) goes through this one interface. */
  ai: Ai;
  /** Where uploaded files are kept (content addressed). */
  filesDir: string;
  uploadMaxBytes: number;
}

export function createAnalytics({
  db,
  jobs,
  realtime,
  compute,
  ai,
  filesDir,
  uploadMaxBytes,
}: AnalyticsDeps) {
  const files = localFileStore(filesDir);
  const reader = fileReader();
  const profiles = createProfilesService({ db });
  const imports = createImportsService({ db, jobs, files, reader, maxBytes: uploadMaxBytes });
  const analyses = createAnalysesService({ db, jobs });
  const config = createConfigService({ db });
  const chat = createChatService({ db, ai });
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
        return expired.length;
      },
    },
    /** The import job, for the composition root to define on the queue. */
    importJob: importWorkOrdersJob({
      db,
      files,
      reader,
      realtime,
      onCompleted: (tenantId, importId, createdBy) => analyses.startForImport(tenantId, importId, createdBy),
    }),
    /** The orchestrator, for the composition root to define on the queue. */
    analyzeJob: analyzeJob({ db, compute, realtime, narrator: createNarrator(ai) }),
    analyses,
    routes(app: App) {
      for (const schema of [...ANALYTICS_SCHEMAS, ...ANALYSES_SCHEMAS]) app.addSchema(schema);
      profilesRoutes(app, { profiles });
      suggestRoutes(app, { db, reader, tmpDir: join(filesDir, 'incoming') });
      importsRoutes(app, { imports });
      analyticsSettingsRoutes(app, { db });
      analysesRoutes(app, { analyses });
      configRoutes(app, { config });
      chatRoutes(app, { chat });
    },
  };
}

export type Analytics = ReturnType<typeof createAnalytics>;
