// The reports module (issue 19): PDF reports of an analysis, the plant's OEE, inspection and
// alarms, with CSV/XLSX of the same figures, for the API, the CLI and other modules (notification
// mails attach them).

import type { Principal } from '../../platform/auth/principal.ts';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/types.ts';
import type { StatisticsQuery } from '../inspection/statistics.service.ts';
import { analysisExports, reportsRoutes } from './reports.routes.ts';
import { type AlarmReportFilter, createReportsService, type OeeReportQuery } from './reports.service.ts';

export type { AnalysisExports } from './reports.routes.ts';
export type { AlarmReportFilter, OeeReportQuery } from './reports.service.ts';

/** Acting for a tenant without a person behind it (a mail, a schedule, the CLI): reading only. */
export function systemReader(tenantId: string, label: string): Principal {
  return {
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    tenantId,
    role: 'viewer',
    platformRole: null,
    scopes: new Set(['read']),
    apiKeyId: null,
    label,
    sessionId: null,
  };
}

export function createReports({ db, compute }: { db: Db; compute: Pick<Compute, 'run'> }) {
  const service = createReportsService({ db, compute });
  const as = (tenantId: string) => systemReader(tenantId, 'reports');
  return {
    /** The analysis report PDF (404 for another tenant's or an unknown id, 409 while not completed). */
    analysisPdf: (tenantId: string, analysisId: string): Promise<Buffer> =>
      service.analysisPdf(as(tenantId), analysisId),
    /** The plant OEE report PDF for local days `from`–`to` (default the last 7 days). */
    oeePdf: (tenantId: string, query: OeeReportQuery = {}): Promise<Buffer> =>
      service.oeePdf(as(tenantId), query),
    /** The inspection report PDF (default period: the 30 days up to now). */
    inspectionPdf: (tenantId: string, query: StatisticsQuery = {}): Promise<Buffer> =>
      service.inspectionPdf(as(tenantId), query),
    /** The alarm report PDF. */
    alarmsPdf: (tenantId: string, filter: AlarmReportFilter = {}): Promise<Buffer> =>
      service.alarmsPdf(as(tenantId), filter),
    /** The PDF/XLSX formats of GET /analytics/analyses/{id}/export, for the analytics module's route. */
    analysisExports: analysisExports(service),
    routes(app: App) {
      reportsRoutes(app, { reports: service });
    },
  };
}

export type Reports = ReturnType<typeof createReports>;
