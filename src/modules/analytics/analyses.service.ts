// Analyses (issue 14), the request side: start one for an import (or automatically when an import
// completes), list, read (the seed's analysis object), delete, the rows behind an insight, exports.
// The work itself is the `analytics.analyze` job (analyze.job.ts).
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, inTenant, readInCallerTenant, tenantOf } from '../../platform/db/scope.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import {
  type AnalysisRow,
  deleteAnalysis,
  findAnalysis,
  findInsight,
  insertAnalysis,
  listAnalyses,
  listInsights,
  updateAnalysis,
} from './analyses.repo.ts';
import type { ConfigValue } from './analysis/config.ts';
import { presetOf } from './analysis/config.ts';
import { assertValidConfig, resolveConfig } from './config.service.ts';
import { selectedRows } from './frame.repo.ts';
import { findImport } from './imports.repo.ts';
import { profileConfigVariables } from './profiles.repo.ts';

export interface StartRequest {
  importId: string;
  name?: string | undefined;
  config?: Record<string, unknown> | undefined;
}

export function createAnalysesService({ db, jobs }: { db: Db; jobs: Pick<Jobs, 'enqueue'> }) {
  /**
   * The analysis and its job in one transaction: both exist or neither. Apart, a failed enqueue (the
   * queue stopping while an import finishes during shutdown) left an analysis `processing` for ever.
   */
  async function create(
    tenantId: string,
    createdBy: string | null,
    request: StartRequest,
  ): Promise<AnalysisRow> {
    return inTenant(db, tenantId, async (tx) => {
      const source = await findImport(tx, request.importId);
      if (!source) throw notFound('Import');
      if (source.status !== 'completed')
        throw conflict(`Import ${source.id} is ${source.status}: only a completed import can be analysed`);
      const variables = source.profileId ? await profileConfigVariables(tx, source.profileId) : [];
      const values = {
        ...(await resolveConfig(tx, source.facilityId, variables)),
        ...((request.config ?? {}) as Record<string, ConfigValue>),
      };
      const row = await insertAnalysis(tx, {
        tenantId,
        importId: source.id,
        facilityId: source.facilityId,
        name: request.name ?? source.fileName,
        status: 'processing',
        rowCount: source.workOrders,
        config: { presetType: presetOf(values), values },
        createdBy,
      });
      const jobId = await jobs.enqueue(
        tx,
        'analytics.analyze',
        { analysisId: row.id },
        { tenantId, createdBy },
      );
      return updateAnalysis(tx, row.id, { jobId });
    });
  }

  async function getRow(principal: Principal, id: string) {
    const row = await readInCallerTenant(db, principal, (tx) => findAnalysis(tx, id));
    if (!row) throw notFound('Analysis');
    return row;
  }

  return {
    async start(principal: Principal, request: StartRequest) {
      if (request.config) assertValidConfig(request.config);
      return create(tenantOf(principal), principal.userId, request);
    },

    /** Called by the import job when an import completes: every import gets its analysis. */
    startForImport: (tenantId: string, importId: string, createdBy: string | null) =>
      create(tenantId, createdBy, { importId }),

    list: (
      principal: Principal,
      filter: {
        status?: string | undefined;
        facilityId?: string | undefined;
        importId?: string | undefined;
        q?: string | undefined;
        limit: number;
        offset: number;
      },
    ) => readInCallerTenant(db, principal, (tx) => listAnalyses(tx, filter)),

    async get(principal: Principal, id: string) {
      return readInCallerTenant(db, principal, async (tx) => {
        const row = await findAnalysis(tx, id);
        if (!row) throw notFound('Analysis');
        const source = await findImport(tx, row.importId);
        const insights = row.status === 'completed' ? await listInsights(tx, id) : [];
        return { row, source, insights };
      });
    },

    getRow,

    async remove(principal: Principal, id: string) {
      const deleted = await inCallerTenant(db, principal, (tx) => deleteAnalysis(tx, id));
      if (!deleted) throw notFound('Analysis');
    },

    async insightRows(
      principal: Principal,
      id: string,
      rank: number,
      page: { limit: number; offset: number },
    ) {
      return readInCallerTenant(db, principal, async (tx) => {
        const row = await findAnalysis(tx, id);
        if (!row) throw notFound('Analysis');
        const found = await findInsight(tx, id, rank);
        if (!found) throw notFound('Insight');
        return {
          insight: found.insight,
          ...(await selectedRows(tx, row.importId, found.insight.rows, page)),
        };
      });
    },

    async insights(principal: Principal, id: string) {
      const row = await getRow(principal, id);
      if (row.status !== 'completed')
        throw conflict(`Analysis ${id} is ${row.status}: nothing to export yet`);
      return { row, insights: await readInCallerTenant(db, principal, (tx) => listInsights(tx, id)) };
    },

    assertImportId(importId: string) {
      if (!importId) throw badRequest('importId is required');
    },
  };
}

export type AnalysesService = ReturnType<typeof createAnalysesService>;
