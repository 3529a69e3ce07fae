// `plantintel analyze <file>`: a work-order export imported (as `plantintel import` does) and
// analysed in this process — the orchestrator job with its worker threads — then a readable
// summary, or with --json the analysis object the API returns. A database without any tenant (a
// fresh DATA_DIR) gets the demo tenant first, so the command works right after cloning.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../config.ts';
import { createAi } from '../../platform/ai/ai.ts';
import { createCompute, defaultComputeThreads } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { tenants } from '../../platform/db/schema/index.ts';
import { acrossTenants, inTenant } from '../../platform/db/scope.ts';
import { presentAnalysis } from './analyses.presenters.ts';
import { findAnalysis, listInsights } from './analyses.repo.ts';
import { createAnalysesService } from './analyses.service.ts';
import { fmt } from './analysis/frame.ts';
import { analyzeJob } from './analyze.job.ts';
import { checkImportOptions, cliJobContext, importCounts, importFromCli, progressBar } from './cli.ts';
import { ANALYZE_USAGE as USAGE } from './cli-usage.ts';
import { frameStoreIn } from './frame-snapshot.ts';
import { findImport } from './imports.repo.ts';
import { createNarrator } from './narrative.ts';

type WithDatabase = (work: (config: Config, db: Db) => Promise<number>) => Promise<number>;
type SeedDemo = (db: Db, config: Config) => Promise<unknown>;

type Presented = ReturnType<typeof presentAnalysis>;

/** The analysis as a plant manager reads it in a terminal. */
export function analysisSummary(a: Presented, top = 10): string {
  const lines: string[] = [];
  const seconds = ((a.timings.totalMs ?? 0) / 1000).toFixed(1);
  lines.push(
    `Analysis ${a.id} ${a.status} in ${seconds} s: ${fmt(a.rowCount, 0)} work orders, data tier ${a.dataTier ?? '–'} of 4`,
  );
  if (a.errorMessage) lines.push(a.errorMessage);
  const analyzers = a.analyzers as Record<
    string,
    { status: string; ms: number; insights: number; lacked: string[] }
  >;
  lines.push(
    `Analyzers: ${Object.entries(analyzers)
      .map(([name, r]) =>
        r.status === 'completed'
          ? `${name} ${r.insights} (${r.ms} ms)`
          : `${name} skipped (lacks ${r.lacked.join(', ')})`,
      )
      .join(' · ')}`,
  );
  if (a.narrative) lines.push('', a.narrative);
  if (a.insights.length > 0) {
    lines.push('', `Top findings (${Math.min(top, a.insights.length)} of ${a.insights.length}, by impact):`);
    for (const i of a.insights.slice(0, top)) {
      lines.push(`${String(i.id).padStart(3)}. [${i.severity}] ${i.title}`);
      lines.push(`     ${i.detail}`);
      if (i.impact.formula) lines.push(`     Impact: ${i.impact.formula}`);
      lines.push(`     → ${i.recommendation}`);
    }
  }
  return lines.join('\n');
}

export function analyzeCommand(withDatabase: WithDatabase, seedDemo: SeedDemo) {
  return {
    run: async (args: string[]) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          facility: { type: 'string' },
          profile: { type: 'string' },
          'auto-map': { type: 'boolean' },
          tenant: { type: 'string' },
          sheet: { type: 'string' },
          json: { type: 'boolean' },
          top: { type: 'string' },
        },
      });
      const [path] = positionals;
      if (!path) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const top = values.top === undefined ? 10 : Number(values.top);
      if (!Number.isInteger(top) || top < 1 || top > 1000) {
        process.stderr.write('--top is a whole number from 1 to 1000\n');
        return 2;
      }
      const show = progressBar(process.stderr.isTTY === true);
      const options = {
        path,
        facility: values.facility,
        profile: values.profile,
        autoMap: values['auto-map'],
        tenant: values.tenant,
        sheet: values.sheet,
        onDuplicate: 'mark',
        show,
      };
      await checkImportOptions(options);
      return withDatabase(async (config, db) => {
        const anyTenant = await acrossTenants(db, (tx) =>
          tx.select({ id: tenants.id }).from(tenants).limit(1),
        );
        if (anyTenant.length === 0) await seedDemo(db, config);
        const { row, tenantId } = await importFromCli(config, db, options);
        if (row.status !== 'completed') {
          process.stdout.write(`${importCounts(row)}\n`);
          return 1;
        }
        if (!values.json) process.stderr.write(`${importCounts(row)}\n`);
        const compute = createCompute({ threads: config.computeThreads || defaultComputeThreads() });
        try {
          const analyses = createAnalysesService({
            db,
            jobs: { enqueue: async () => 'cli' as never },
          });
          const started = await analyses.startForImport(tenantId, row.id, row.createdBy);
          const job = analyzeJob({
            db,
            compute,
            realtime: { publish: async () => {} },
            narrator: createNarrator(createAi(config)),
            frames: frameStoreIn(join(config.dataDir, 'files')),
          });
          await job.run({ analysisId: started.id }, cliJobContext(db, tenantId, show)).catch(() => undefined);
          if (process.stderr.isTTY) process.stderr.write('\n');
          const presented = await inTenant(db, tenantId, async (tx) => {
            const analysis = await findAnalysis(tx, started.id);
            if (!analysis) throw new Error('the analysis vanished');
            return presentAnalysis(
              analysis,
              await findImport(tx, row.id),
              await listInsights(tx, started.id),
            );
          });
          process.stdout.write(
            `${values.json ? JSON.stringify(presented, null, 2) : analysisSummary(presented, top)}\n`,
          );
          return presented.status === 'completed' ? 0 : 1;
        } finally {
          await compute.stop();
        }
      });
    },
  };
}
