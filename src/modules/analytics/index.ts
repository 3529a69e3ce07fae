// The analytics module's public surface (seed 000; issue 13: work-order import): mapping profiles,
// auto-mapping suggestions, uploads and the import job, import settings.
import { join } from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import { acrossTenants, isUuid, readInTenant } from '../../platform/db/scope.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { localFileStore } from '../../platform/storage/file-store.ts';
import { ANALYTICS_SCHEMAS } from './analytics.schemas.ts';
import { importWorkOrdersJob } from './import.job.ts';
import { expiredFiles, findImport, markFileRemoved } from './imports.repo.ts';
import { importsRoutes } from './imports.routes.ts';
import { createImportsService } from './imports.service.ts';
import { profilesRoutes } from './profiles.routes.ts';
import { createProfilesService } from './profiles.service.ts';
import { fileReader } from './reader.ts';
import { analyticsSettingsRoutes } from './settings.routes.ts';
import { suggestRoutes } from './suggest.routes.ts';

export interface AnalyticsDeps {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  /** Where uploaded files are kept (content addressed). */
  filesDir: string;
  uploadMaxBytes: number;
}

export function createAnalytics({ db, jobs, realtime, filesDir, uploadMaxBytes }: AnalyticsDeps) {
  const files = localFileStore(filesDir);
  const reader = fileReader();
  const profiles = createProfilesService({ db });
  const imports = createImportsService({ db, jobs, files, reader, maxBytes: uploadMaxBytes });

  realtime.registerTopic(
    'import',
    async (principal, id) =>
      principal.tenantId !== null &&
      isUuid(id) &&
      (await readInTenant(db, principal.tenantId, async (tx) => (await findImport(tx, id)) !== undefined)),
  );

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
    importJob: importWorkOrdersJob({ db, files, reader, realtime }),
    routes(app: App) {
      for (const schema of ANALYTICS_SCHEMAS) app.addSchema(schema);
      profilesRoutes(app, { profiles });
      suggestRoutes(app, { db, reader, tmpDir: join(filesDir, 'incoming') });
      importsRoutes(app, { imports });
      analyticsSettingsRoutes(app, { db });
    },
  };
}

export type Analytics = ReturnType<typeof createAnalytics>;
