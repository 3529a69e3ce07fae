// The runtime's database reads on a real database: budgets from ai_requests and ai_workspaces
// (through the executor too), and the retrievers' analysis, alarms and sensor summaries — each in
// its tenant only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/database.ts';
import {
  aiWorkspaces,
  alarms,
  analyses,
  analysisInsights,
  imports,
  sensors,
} from '../../../platform/db/schema/index.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import { createTestTenant, type TestTenant } from '../../identity/testing.ts';
import { GatewayError } from '../contracts.ts';
import { insertRequests } from '../metrics/requests.repo.ts';
import { requestRecord, type SeededPipeline, seedPipeline, seedWorkspace } from '../metrics/testing.ts';
import { createBudgets, dbBudgetSource } from './budgets.ts';
import { startFakeUpstream } from './fake-upstream.ts';
import { createRuntime, type RuntimeDeps } from './part.ts';
import { createRetrievers } from './retrievers.ts';
import { collect, memoryCache, memoryRecorder, pipelineOf, settingsFor, staticResolver } from './testing.ts';

let db: TestDatabase;
let a: TestTenant;
let b: TestTenant;
let pa: SeededPipeline;
before(async () => {
  db = await createTestDatabase();
  a = await createTestTenant(db.db, 'rta');
  b = await createTestTenant(db.db, 'rtb');
  const wsA = await seedWorkspace(db.db, a.id, 'Ops', 'automotive');
  const wsB = await seedWorkspace(db.db, b.id, 'Ops', 'automotive');
  pa = await seedPipeline(db.db, a.id, wsA, 'pa');
  const pb = await seedPipeline(db.db, b.id, wsB, 'pb');
  const yesterday = new Date(Date.now() - 86_400_000 - 60_000);
  await inTenant(db.db, a.id, (tx) =>
    insertRequests(tx, [
      requestRecord(a.id, pa, { tokensIn: 100, tokensOut: 50, costUsd: 0.01 }),
      requestRecord(a.id, pa, { tokensIn: 100, tokensOut: 50, costUsd: 0.01 }),
      requestRecord(a.id, pa, { at: yesterday, tokensIn: 5000, tokensOut: 0, costUsd: 9 }),
    ]),
  );
  await inTenant(db.db, b.id, (tx) =>
    insertRequests(tx, [requestRecord(b.id, pb, { tokensIn: 9000, costUsd: 50 })]),
  );
});
after(() => db.dispose());

const runnable = (p: SeededPipeline, tenantId: string) =>
  pipelineOf([{ type: 'model', config: { provider: 'offline', model: 'grounded', dailyTokenBudget: 300 } }], {
    id: p.id,
    tenantId,
    workspaceId: p.workspaceId,
  });

describe('budgets from the database', () => {
  test("today's tokens of the pipeline count, yesterday's and another tenant's do not", async () => {
    const budgets = createBudgets({ source: dbBudgetSource(db.db) });
    const p = runnable(pa, a.id);
    await assert.rejects(
      budgets.check(p, { provider: 'offline', model: 'x', dailyTokenBudget: 300 }),
      (err: GatewayError) =>
        err.kind === 'budget' && err.message === 'daily token budget of 300 reached (used 300)',
    );
    const fresh = createBudgets({ source: dbBudgetSource(db.db) });
    await fresh.check(p, {
      provider: 'offline',
      model: 'x',
      dailyTokenBudget: 301,
      dailyCostBudgetUsd: 0.03,
    });
    fresh.add(p, 1, 0.01);
    await assert.rejects(
      fresh.check(p, { provider: 'offline', model: 'x', dailyTokenBudget: 301 }),
      /daily token budget of 301 reached \(used 301\)/,
    );
    await assert.rejects(
      fresh.check(p, { provider: 'offline', model: 'x', dailyCostBudgetUsd: 0.03 }),
      /daily cost budget of \$0\.0300 reached \(used \$0\.0300\)/,
    );
  });

  test("a workspace's monthly budget counts this month's requests of all its pipelines", async () => {
    await inTenant(db.db, a.id, (tx) =>
      tx.update(aiWorkspaces).set({ monthlyBudgetUsd: 5 }).where(sql`${aiWorkspaces.id} = ${pa.workspaceId}`),
    );
    const budgets = createBudgets({ source: dbBudgetSource(db.db) });
    const p = runnable(pa, a.id);
    const month = new Date().getUTCDate() > 1;
    if (month) {
      // Yesterday's $9 falls in this month unless today is the 1st.
      await assert.rejects(
        budgets.check(p, undefined),
        /workspace's monthly cost budget of \$5\.00 is reached \(used \$9\.02\)/,
      );
    } else {
      await budgets.check(p, undefined);
    }
    await inTenant(db.db, a.id, (tx) =>
      tx
        .update(aiWorkspaces)
        .set({ monthlyBudgetUsd: null })
        .where(sql`${aiWorkspaces.id} = ${pa.workspaceId}`),
    );
  });

  test('the executor answers 429 budget from the real usage and records it', async () => {
    const fake = await startFakeUpstream();
    try {
      const recorder = memoryRecorder();
      const rt = createRuntime({
        db: db.db,
        aiSettings: settingsFor(fake),
        resolver: staticResolver(new Error('unused')),
        cache: memoryCache(),
        recorder,
        retrievers: createRetrievers({ db: db.db }),
        logger: { warn() {} },
      } as unknown as RuntimeDeps);
      const out = await collect(
        rt.executor.run(
          { tenantId: a.id, userId: 'u', apiKeyId: null, workspaceId: null },
          runnable(pa, a.id),
          {
            protocol: 'openai',
            purpose: 'gateway',
            messages: [{ role: 'user', content: 'hi' }],
            stream: true,
          },
        ),
      );
      assert.ok(out.error instanceof GatewayError);
      assert.equal(out.error.status, 429);
      await recorder.until(1);
      assert.equal(recorder.rows[0]?.status, 'budget');
    } finally {
      await fake.close();
    }
  });
});

describe('retrievers', () => {
  test('sensors, alarms and the latest analysis as text, in the tenant only', async () => {
    const retrievers = createRetrievers({ db: db.db });
    const sensorId = await inTenant(db.db, a.id, async (tx) => {
      const [s] = await tx
        .insert(sensors)
        .values({
          tenantId: a.id,
          facilityId: a.facilityId,
          key: 'oven-4',
          name: 'Oven 4',
          type: 'temperature',
          unit: '°C',
          lowerSpec: 60,
          upperSpec: 80,
          detection: {} as never,
        })
        .returning({ id: sensors.id });
      if (!s) throw new Error('no sensor');
      await queryRows(
        tx,
        sql`insert into readings_1m (tenant_id, sensor_id, bucket, n, total, lo, hi, first_ts, first_value, last_ts, last_value)
            values (${a.id}, ${s.id}, date_trunc('minute', now()) - interval '5 minutes', 4, 290, 70, 75.5, now(), 70, now(), 75.5)`,
      );
      await tx.insert(alarms).values({
        tenantId: a.id,
        sensorId: s.id,
        facilityId: a.facilityId,
        rule: 'upper_spec',
        severity: 'critical',
        message: 'Oven 4 above 80 °C',
        value: 82.5,
        openedAt: new Date(Date.now() - 3_600_000),
        lastSignalAt: new Date(),
      });
      const [imp] = await tx
        .insert(imports)
        .values({
          tenantId: a.id,
          facilityId: a.facilityId,
          fileName: 'wo.csv',
          fileSize: 1,
          fileHash: 'h',
          mappings: [],
        })
        .returning({ id: imports.id });
      const [an] = await tx
        .insert(analyses)
        .values({
          tenantId: a.id,
          importId: imp?.id ?? '',
          facilityId: a.facilityId,
          name: 'March',
          status: 'completed',
          rowCount: 200,
          dataTier: 3,
          insightCount: 1,
          narrative: 'Scrap cost 12,400 EUR.',
          results: { metrics: { 'quality.scrapRatePct': 4.25 } },
          completedAt: new Date(),
        })
        .returning({ id: analyses.id });
      await tx.insert(analysisInsights).values({
        analysisId: an?.id ?? '',
        tenantId: a.id,
        rank: 1,
        key: 'k',
        analyzer: 'quality',
        kind: 'quality.scrap',
        severity: 'high',
        score: 1,
        body: { title: 'Supplier ACME scrap', detail: '31 % of scrap', severity: 'high' },
      });
      return s.id;
    });

    const s = await retrievers.sensors(a.id, undefined, 24);
    assert.match(
      s ?? '',
      /- oven-4 \(Oven 4\), limits 60…80 °C, no readings yet, min 70 \/ mean 72\.5 \/ max 75\.5 over 4 readings/,
    );
    assert.equal(await retrievers.sensors(a.id, 'not-a-uuid', 24), null);
    assert.match((await retrievers.sensors(a.id, sensorId, 1)) ?? '', /oven-4/);
    const al = await retrievers.alarms(a.id, 24);
    assert.match(
      al ?? '',
      /1 alarms opened in the last 24 h:\n- .*\[critical, open\] Oven 4 above 80 °C \(value 82\.5\), 1 signals/,
    );
    assert.equal(await retrievers.alarms(a.id, 0.5), 'No alarms were opened in the last 0.5 h.');
    const an = await retrievers.analysis(a.id, undefined);
    assert.match(an ?? '', /^Analysis "March" .*200 work orders, data tier 3 of 4, 1 insights\./);
    assert.match(an ?? '', /Metrics: quality\.scrapRatePct 4\.25\./);
    assert.match(an ?? '', /Narrative: Scrap cost 12,400 EUR\./);
    assert.match(an ?? '', /1\. \[high\] Supplier ACME scrap: 31 % of scrap/);

    assert.equal(await retrievers.sensors(b.id, undefined, 24), null);
    assert.equal(await retrievers.analysis(b.id, undefined), null);
    assert.equal(await retrievers.sensors(b.id, sensorId, 24), null);
  });
});
