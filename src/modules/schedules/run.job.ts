// One run of a schedule, the job side: take the file (claim it in the watched folder, or download
// the URL), import it with the schedule's profile through the analytics upload path, wait for the
// import and the analysis it starts, compare that analysis with the previous successful run's, and
// record the outcome with its domain event (ScheduleRunCompleted / ScheduleRunFailed) in the same
// transaction. A run that fails does so once, with its reason, and its file lands in `failed/`; a
// worker that dies mid-run is retried and carries on with the file it had claimed and the import it
// had started. A run with nothing to take (empty folder, a file still being written) is `skipped`.
import { createReadStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { desc, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor, Tx } from '../../platform/db/database.ts';
import { analyses } from '../../platform/db/schema/index.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import type { JobContext, JobDefinition } from '../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../platform/observability/safe-error.ts';
import type { AnalysesService } from '../analytics/analyses.service.ts';
import { findImport } from '../analytics/imports.repo.ts';
import type { ImportsService } from '../analytics/imports.service.ts';
import { listInsights } from '../analytics/index.ts';
import { type Comparison, compareInsights } from './compare.ts';
import {
  findRun,
  findSchedule,
  previousSuccess,
  type RunRow,
  type ScheduleView,
  updateRun,
} from './schedules.repo.ts';
import {
  alreadyClaimed,
  type Claimed,
  ensureInbox,
  fetchUrl,
  type Inbox,
  pickFromFolder,
  SourceError,
  settle,
} from './sources.ts';

declare module '../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'schedules.run': { runId: string };
  }
}

export interface RunJobDeps {
  db: Db;
  events: Pick<Events, 'record'>;
  imports: Pick<ImportsService, 'store' | 'upload'>;
  analyses: Pick<AnalysesService, 'startForImport'>;
  inboxRoot: string;
  stableMs: number;
  fetchTimeoutMs: number;
  maxBytes: number;
}

const RETRY_LIMIT = 2;
const NIL = '00000000-0000-0000-0000-000000000000';
/** An import that completed without an analysis (its start failed) gets one from us after this. */
const ANALYSIS_GRACE_MS = 15_000;

/** Who a scheduled import is by: the schedule's author, acting with an analyst's scopes. */
function actingFor(schedule: ScheduleView): Principal {
  return {
    kind: 'user',
    userId: schedule.createdBy ?? NIL,
    tenantId: schedule.tenantId,
    role: 'analyst',
    platformRole: null,
    scopes: new Set(['read', 'analyze']),
    apiKeyId: null,
    label: `schedule ${schedule.name}`,
    sessionId: null,
  };
}

class RunFailure extends Error {}

function latestAnalysisOf(tx: Executor, importId: string) {
  return tx
    .select({ id: analyses.id, status: analyses.status, errorMessage: analyses.errorMessage })
    .from(analyses)
    .where(eq(analyses.importId, importId))
    .orderBy(desc(analyses.createdAt))
    .limit(1)
    .then((rows) => rows[0]);
}

/** Polls `probe` until it answers, backing off to 2 s; aborted with the job. */
async function waitFor<T>(probe: () => Promise<T | undefined>, signal: AbortSignal): Promise<T> {
  let delay = 200;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(delay, undefined, { signal });
    delay = Math.min(2000, delay * 1.5);
  }
}

export function scheduleRunJob(deps: RunJobDeps): JobDefinition<'schedules.run'> {
  const { db, events } = deps;

  async function finish(
    tenantId: string,
    run: RunRow,
    schedule: ScheduleView,
    outcome: {
      status: 'completed' | 'failed' | 'skipped';
      error?: string;
      comparison?: Comparison;
      analysisId?: string;
    },
    timings: Record<string, number>,
  ) {
    return inTenant(db, tenantId, async (tx: Tx) => {
      const row = await updateRun(tx, run.id, {
        status: outcome.status,
        error: outcome.error ?? null,
        ...(outcome.comparison
          ? { comparison: outcome.comparison as unknown as Record<string, unknown> }
          : {}),
        ...(outcome.analysisId ? { analysisId: outcome.analysisId } : {}),
        timings,
        completedAt: new Date(),
      });
      if (outcome.status === 'skipped') return row;
      const summary = outcome.comparison?.summary ?? { new: 0, worse: 0, resolved: 0 };
      await events.record(tx, {
        tenantId,
        aggregateType: 'analysis_schedule',
        aggregateId: schedule.id,
        type: outcome.status === 'completed' ? 'ScheduleRunCompleted' : 'ScheduleRunFailed',
        data: {
          scheduleId: schedule.id,
          scheduleName: schedule.name,
          runId: run.id,
          facilityId: schedule.facilityId,
          importId: row.importId,
          fileName: row.fileName,
          ...(row.analysisId ? { analysisId: row.analysisId } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
          summary,
        },
      });
      return row;
    });
  }

  /** Takes the run's file: the one it claimed before a crash, else a new one. */
  async function take(run: RunRow, schedule: ScheduleView, inbox: Inbox, signal: AbortSignal) {
    const earlier = await alreadyClaimed(inbox, run.id);
    if (earlier) return earlier;
    if (schedule.sourceKind === 'url') {
      if (!schedule.url) throw new RunFailure('The schedule has no URL');
      return fetchUrl(
        inbox,
        run.id,
        { url: schedule.url, headers: schedule.headers },
        { timeoutMs: deps.fetchTimeoutMs, maxBytes: deps.maxBytes },
        signal,
      );
    }
    const picked = await pickFromFolder(inbox, run.id, deps.stableMs, signal);
    if ('claimed' in picked) return picked.claimed;
    if ('waiting' in picked)
      return `Still being written: ${picked.waiting.slice(0, 5).join(', ')}; taken by a later run once its size holds still`;
    return `No file in the watched folder (inbox/${inbox.dir.split(/[\\/]/).pop()}/)`;
  }

  async function importFile(run: RunRow, schedule: ScheduleView, claimed: Claimed): Promise<string> {
    if (!schedule.profileId)
      throw new RunFailure('The mapping profile of this schedule was deleted; choose another');
    const principal = actingFor(schedule);
    const stored = await deps.imports.store(principal, createReadStream(claimed.path));
    try {
      const started = await deps.imports.upload(principal, {
        stored,
        fileName: claimed.fileName,
        facilityId: schedule.facilityId,
        profileIds: [schedule.profileId],
        // A source that serves the same bytes again is imported again, marked as a duplicate.
        onDuplicate: 'mark',
      });
      await inTenant(db, schedule.tenantId, (tx) => updateRun(tx, run.id, { importId: started.importId }));
      return started.importId;
    } catch (err) {
      throw new RunFailure(`The import was refused: ${innermostMessage(err)}`);
    }
  }

  async function analysed(tenantId: string, createdBy: string | null, importId: string, signal: AbortSignal) {
    const imported = await waitFor(
      () =>
        readInTenant(db, tenantId, async (tx) => {
          const row = await findImport(tx, importId);
          if (!row) throw new RunFailure('The import was deleted while the run waited for it');
          return row.status === 'completed' || row.status === 'failed' ? row : undefined;
        }),
      signal,
    );
    if (imported.status === 'failed') throw new RunFailure(imported.errorMessage ?? 'The import failed');
    const since = Date.now();
    let started = false;
    const analysis = await waitFor(async () => {
      const found = await readInTenant(db, tenantId, (tx) => latestAnalysisOf(tx, importId));
      if (!found && !started && Date.now() - since > ANALYSIS_GRACE_MS) {
        started = true;
        await deps.analyses.startForImport(tenantId, importId, createdBy);
      }
      return found && found.status !== 'processing' ? found : undefined;
    }, signal);
    if (analysis.status === 'failed') throw new RunFailure(analysis.errorMessage ?? 'The analysis failed');
    return analysis.id;
  }

  async function compare(tenantId: string, run: RunRow, analysisId: string): Promise<Comparison> {
    return readInTenant(db, tenantId, async (tx) => {
      const previous = await previousSuccess(tx, run);
      const before = previous?.analysisId ? await listInsights(tx, previous.analysisId) : [];
      const now = await listInsights(tx, analysisId);
      return {
        ...compareInsights(
          before.map((i) => i.insight),
          now.map((i) => i.insight),
        ),
        previousRunId: previous?.id ?? null,
        previousAnalysisId: previous?.analysisId ?? null,
      } as Comparison;
    });
  }

  return {
    name: 'schedules.run',
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: 5,
    // Imports of large files take a while; the run waits for the import and its analysis.
    timeoutSeconds: 6 * 3600,
    async run({ runId }, ctx: JobContext) {
      const { tenantId } = ctx;
      const t0 = Date.now();
      const begun = await inTenant(db, tenantId, async (tx) => {
        const row = await findRun(tx, runId, true);
        if (!row || row.status === 'completed' || row.status === 'failed' || row.status === 'skipped')
          return undefined;
        const schedule = await findSchedule(tx, row.scheduleId);
        if (!schedule) return undefined;
        const run = await updateRun(tx, runId, {
          status: 'running',
          startedAt: row.startedAt ?? new Date(),
          jobId: ctx.jobId,
        });
        return { run, schedule };
      });
      if (!begun) return { skipped: true };
      const { schedule } = begun;
      let run = begun.run;
      const timings: Record<string, number> = { ...run.timings };
      let claimed: Claimed | undefined;
      let inbox: Inbox | undefined;
      try {
        let importId = run.importId;
        inbox = await ensureInbox(deps.inboxRoot, schedule.facilityCode);
        // A retry after the import started: the file it came from is still claimed.
        if (importId) claimed = await alreadyClaimed(inbox, run.id);
        if (!importId) {
          const took = await take(run, schedule, inbox, ctx.signal);
          timings.fetchMs = Date.now() - t0;
          if (typeof took === 'string') {
            await finish(tenantId, run, schedule, { status: 'skipped', error: took }, timings);
            return { runId, status: 'skipped' };
          }
          claimed = took;
          run = await inTenant(db, tenantId, (tx) => updateRun(tx, runId, { fileName: took.fileName }));
          await ctx.progress(10, `Importing ${took.fileName}`);
          importId = await importFile(run, schedule, took);
        }
        const t1 = Date.now();
        await ctx.progress(30, 'Waiting for the import and its analysis');
        const analysisId = await analysed(tenantId, schedule.createdBy, importId, ctx.signal);
        timings.importAndAnalysisMs = Date.now() - t1;
        const comparison = await compare(tenantId, run, analysisId);
        timings.totalMs = Date.now() - t0;
        await finish(tenantId, run, schedule, { status: 'completed', comparison, analysisId }, timings);
        if (claimed) await settle(inbox, claimed, 'processed');
        return { runId, status: 'completed', analysisId, summary: comparison.summary };
      } catch (err) {
        const lastAttempt = ctx.attempt > RETRY_LIMIT;
        const expected = err instanceof RunFailure || err instanceof SourceError;
        // A worker stopping (or a database hiccup) is retried; the claimed file stays claimed.
        if (!expected && !lastAttempt) throw err;
        const reason = innermostMessage(err).replaceAll('\u0000', '').slice(0, 1000);
        // A file the source left half-taken (a download refused after it arrived) is kept too.
        if (!claimed && inbox) claimed = await alreadyClaimed(inbox, run.id).catch(() => undefined);
        if (claimed && inbox) await settle(inbox, claimed, 'failed', reason).catch(() => {});
        timings.totalMs = Date.now() - t0;
        await finish(tenantId, run, schedule, { status: 'failed', error: reason }, timings);
        return { runId, status: 'failed', error: reason };
      }
    },
  };
}
