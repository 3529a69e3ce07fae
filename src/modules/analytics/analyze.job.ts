// The orchestrator (issue 14), the job side: loads the import's work orders as a frame, decides
// from the mapped fields which analyzers can run, runs them in worker threads (in parallel, as many
// as the compute pool has threads), then the cross-analyzer pass, ranks every insight by impact and
// stores the analysis with its narrative. `processing` until everything is stored, then `completed`
// or `failed` with the reason; progress goes to the job and is pushed on `analysis:<id>`.
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../platform/observability/safe-error.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import {
  type AnalysisRow,
  baselinesOf,
  findAnalysis,
  insertInsights,
  insertMetrics,
  updateAnalysis,
} from './analyses.repo.ts';
import type { ConfigValue } from './analysis/config.ts';
import { packFrame } from './analysis/frame-transfer.ts';
import { rankInsights } from './analysis/rank.ts';
import { dataTier, planAnalyzers } from './analysis/requirements.ts';
import { ACROSS_TASK, ANALYZER_TASK } from './analysis/tasks.ts';
import { type AnalyzerResult, type Chart, SEVERITIES } from './analysis/types.ts';
import { dropEmptyColumns, loadFrame, mappedFields, PAGES_AHEAD, snapshotOf } from './frame.repo.ts';
import type { FrameStore } from './frame-snapshot.ts';
import type { Narrator } from './narrative.ts';

/** Loading progress is reported at most this often. */
const LOAD_REPORT_MS = 500;

export interface AnalyzeJobPayload {
  analysisId: string;
}

declare module '../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'analytics.analyze': AnalyzeJobPayload;
  }
}

const RETRY_LIMIT = 1;

export function analyzeJob(deps: {
  db: Db;
  compute: Pick<Compute, 'run'>;
  realtime: Pick<Realtime, 'publish'>;
  narrator: Narrator;
  /** Records the domain event `AnalysisCompleted` with the result (notifications consume it). */
  events?: Pick<Events, 'record'>;
  /** Import frame snapshots (frame-snapshot.ts): read instead of the rows when usable. */
  frames?: FrameStore;
}): JobDefinition<'analytics.analyze'> {
  const { db, compute, realtime, narrator, events, frames } = deps;

  const push = (tenantId: string, row: AnalysisRow, type: string, percent: number, message: string) =>
    inTenant(db, tenantId, (tx) =>
      realtime.publish(tx, tenantId, [`analysis:${row.id}`], {
        id: `${row.id}:${Date.now()}`,
        type,
        occurredAt: new Date().toISOString(),
        data: {
          analysisId: row.id,
          importId: row.importId,
          status: row.status,
          percent: Math.round(percent),
          message,
          insightCount: row.insightCount,
          errorMessage: row.errorMessage,
        },
      }),
    );

  return {
    name: 'analytics.analyze',
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: 5,
    timeoutSeconds: 3600,
    async run({ analysisId }, ctx) {
      const { tenantId } = ctx;
      const t0 = performance.now();
      const timings: Record<string, number> = {};
      const lap = (name: string, since: number) => {
        timings[name] = Math.round(performance.now() - since);
        return performance.now();
      };
      const row = await inTenant(db, tenantId, async (tx) => {
        const found = await findAnalysis(tx, analysisId, true);
        if (found?.status !== 'processing') return undefined;
        return updateAnalysis(tx, analysisId, { errorMessage: null, jobId: ctx.jobId });
      });
      if (!row) return { skipped: true };
      const progress = async (percent: number, message: string) => {
        await ctx.progress(percent, message);
        await push(tenantId, row, 'AnalysisProgress', percent, message);
      };
      try {
        let t = performance.now();
        const config = row.config.values as Record<string, ConfigValue>;
        // The fields the import mapped are loaded; those without a single value are then dropped.
        const [mapped, stored] = await readInTenant(db, tenantId, (tx) =>
          Promise.all([mappedFields(tx, row.importId), snapshotOf(tx, row.importId)]),
        );
        await progress(5, `Loading work orders (${mapped.length} fields mapped)`);
        // Loading progress is written and pushed behind the loader's back, one report at a time and
        // at most every LOAD_REPORT_MS: on the embedded database a write waits for the page
        // statements ahead of it, and the loader must not wait with it.
        let reported = Promise.resolve();
        let lastReport = 0;
        const onLoaded = (loaded: number) => {
          ctx.signal.throwIfAborted();
          const now = performance.now();
          if (now - lastReport < LOAD_REPORT_MS) return;
          lastReport = now;
          const percent = 5 + Math.min(30, (30 * loaded) / Math.max(1, row.rowCount));
          const message = `${loaded.toLocaleString('en')} work orders loaded`;
          reported = reported.then(() => progress(percent, message));
          // Awaited below; until then a failed report is not an unhandled rejection.
          reported.catch(() => {});
        };
        // From the import's frame snapshot when it has a usable one, else from its rows.
        const fromSnapshot =
          stored && frames
            ? await frames.load(tenantId, row.importId, stored.frame, mapped, onLoaded).catch((err) => {
                if (ctx.signal.aborted) throw err;
                return { frame: null, reason: innermostMessage(err) };
              })
            : null;
        timings.snapshot = fromSnapshot?.frame ? 1 : 0;
        if (fromSnapshot && !fromSnapshot.frame)
          await progress(
            5,
            `Reading the work orders from their rows (the snapshot is unusable: ${fromSnapshot.reason})`,
          );
        const loading = fromSnapshot?.frame
          ? Promise.resolve(fromSnapshot.frame)
          : readInTenant(db, tenantId, (tx) =>
              loadFrame(tx, row.importId, mapped, row.rowCount, onLoaded, { ahead: PAGES_AHEAD }),
            );
        // Even when the load fails, no progress report is left to land after the failure's; when it
        // succeeds, a failed report fails the job, as it did when the loader waited for each.
        const frame = dropEmptyColumns(await loading.finally(() => reported.catch(() => {})));
        await reported;
        const fields = new Set([...Object.keys(frame.numbers), ...Object.keys(frame.texts)]);
        const plans = planAnalyzers(fields);
        const tier = dataTier(fields);
        t = lap('loadMs', t);
        const windowDays = Number(config.baseline_window_days);
        const baselines = await readInTenant(db, tenantId, (tx) =>
          baselinesOf(tx, row.facilityId, windowDays, analysisId),
        );

        const runnable = plans.filter((p) => p.runs);
        const packed = packFrame(frame);
        let done = 0;
        await progress(40, `Running ${runnable.map((p) => p.analyzer).join(', ') || 'no analyzer'}`);
        const results = await Promise.all(
          runnable.map(async (plan) => {
            const result = await compute.run(ANALYZER_TASK, {
              analyzer: plan.analyzer,
              frame: packed,
              config,
              baselines,
            });
            done++;
            await progress(
              40 + (40 * done) / runnable.length,
              `${plan.analyzer} done (${result.insights.length} insights)`,
            );
            return result;
          }),
        );
        t = lap('analyzersMs', t);
        ctx.signal.throwIfAborted();
        const across = await compute.run(ACROSS_TASK, {
          frame: packed,
          config,
          baselines,
          results: results.map(({ ms: _ms, ...r }) => r as AnalyzerResult),
        });
        t = lap('crossMs', t);
        const insights = rankInsights([...results.flatMap((r) => r.insights), ...across.insights]);
        const metrics: Record<string, number> = Object.assign(
          {},
          ...results.map((r) => r.metrics),
          across.metrics,
        );
        const charts: Chart[] = [...results.flatMap((r) => r.charts), ...across.charts];
        const analyzers = Object.fromEntries(
          plans.map((p) => {
            const r = results.find((x) => x.analyzer === p.analyzer);
            return [
              p.analyzer,
              r
                ? { status: 'completed', ms: r.ms, insights: r.insights.length, notes: r.notes, lacked: [] }
                : { status: 'skipped', ms: 0, insights: 0, notes: [], lacked: p.lacked },
            ];
          }),
        );
        analyzers.cross = {
          status: 'completed',
          ms: across.ms,
          insights: across.insights.length,
          notes: across.notes,
          lacked: [],
        };
        await progress(85, 'Writing the narrative');
        const summary = {
          workOrders: frame.n,
          dataTier: tier,
          fields: [...fields].sort(),
          baselinesCompared: Object.keys(baselines).length,
        };
        const narrative = await narrator.narrate({ name: row.name, summary, insights, metrics, tenantId });
        t = lap('narrativeMs', t);
        timings.totalMs = Math.round(performance.now() - t0);
        const completed = await inTenant(db, tenantId, async (tx) => {
          const current = await findAnalysis(tx, analysisId, true);
          if (!current) return undefined; // deleted meanwhile
          await insertInsights(tx, tenantId, analysisId, insights);
          await insertMetrics(tx, { tenantId, facilityId: row.facilityId, analysisId }, metrics);
          const done = await updateAnalysis(tx, analysisId, {
            status: 'completed',
            dataTier: tier,
            analyzersRun: runnable.map((p) => p.analyzer),
            analyzers,
            results: { summary, metrics, charts, baselines },
            narrative: narrative.text,
            narrativeSource: narrative.source,
            insightCount: insights.length,
            rowCount: frame.n,
            timings,
            completedAt: new Date(),
          });
          const topSeverity = insights.reduce<string | null>(
            (top, i) =>
              top === null || SEVERITIES.indexOf(i.severity) > SEVERITIES.indexOf(top as never)
                ? i.severity
                : top,
            null,
          );
          await events?.record(tx, {
            tenantId,
            aggregateType: 'analysis',
            aggregateId: analysisId,
            type: 'AnalysisCompleted',
            data: {
              analysisId,
              facilityId: row.facilityId,
              importId: row.importId,
              name: row.name,
              status: 'completed',
              percent: 100,
              insightCount: insights.length,
              topSeverity,
            },
          });
          return done;
        });
        if (!completed) return { analysisId, deleted: true };
        await ctx.progress(100, `Done: ${insights.length} insights`);
        await push(tenantId, completed, 'AnalysisCompleted', 100, `${insights.length} insights`);
        return { analysisId, status: 'completed', insights: insights.length, timings };
      } catch (err) {
        const lastAttempt = ctx.attempt > RETRY_LIMIT;
        const reason = innermostMessage(err).replaceAll('\u0000', '').slice(0, 500);
        const failed = await inTenant(db, tenantId, async (tx) =>
          (await findAnalysis(tx, analysisId))
            ? updateAnalysis(tx, analysisId, {
                status: lastAttempt ? 'failed' : 'processing',
                errorMessage: lastAttempt
                  ? `The analysis failed: ${reason}`
                  : `Attempt ${ctx.attempt} failed (${reason}); it will be retried`,
                completedAt: lastAttempt ? new Date() : null,
              })
            : undefined,
        ).catch(() => undefined);
        if (failed)
          await push(
            tenantId,
            failed,
            lastAttempt ? 'AnalysisFailed' : 'AnalysisProgress',
            0,
            failed.errorMessage ?? '',
          ).catch(() => {});
        throw err;
      }
    },
  };
}
