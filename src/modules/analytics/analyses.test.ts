import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// Analyses end to end on the real import path: an example export is uploaded with auto-mapping, its
// analysis starts on its own and completes with ranked insights that name the planted entities;
// the rows behind an insight, the exports, a second run with a changed variable, delete, the
// seed's contracts, and who may do what.

const EXAMPLES = join(import.meta.dirname, '../../../examples');
let t: TestApp;
let acme: TestTenant;
let dataDir: string;
const s = {} as Record<'admin' | 'analyst' | 'viewer', TestSession>;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plantintel-analyses-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  acme = await createTestTenant(t.database.db, 'analyses');
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
});
after(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

export async function call(method: string, url: string, session: TestSession, payload?: object) {
  const res = await t.app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  return {
    status: res.statusCode,
    body: res.headers['content-type']?.includes('json') ? res.json() : res.body,
    res,
  };
}

async function uploadExample(name: string) {
  const body = new FormData();
  body.append('facilityId', acme.facilityId);
  body.append('autoMap', 'true');
  body.append('onDuplicate', 'mark');
  body.append('file', new Blob([await readFile(join(EXAMPLES, name))]), name);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: s.analyst.headers,
    payload: body,
  });
  assert.equal(res.statusCode, 202, res.body);
  return res.json().importId as string;
}

async function analysisOf(importId: string) {
  return eventually(
    async () => {
      const { body } = await call('GET', `/analytics/analyses?importId=${importId}`, s.viewer);
      const done = body.items?.find((a: { status: string }) => a.status !== 'processing');
      return done;
    },
    `the analysis of import ${importId} to end`,
    120_000,
  );
}

async function finished(id: string) {
  return eventually(
    async () => {
      const { body } = await call('GET', `/analytics/analyses/${id}`, s.viewer);
      return body.status === 'processing' ? undefined : body;
    },
    `analysis ${id} to end`,
    120_000,
  );
}

describe('analyses', () => {
  let importId: string;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read field by field
  let analysis: any;
  let truth: { patterns: { id: string; entity: { value: string } | null }[]; workOrders: number };
  before(async () => {
    truth = JSON.parse(await readFile(join(EXAMPLES, 'workorders-generic.csv.truth.json'), 'utf8'));
  });

  test('an import is analysed on its own: completed, tiered, ranked, with a narrative', async () => {
    importId = await uploadExample('workorders-generic.csv');
    const summary = await analysisOf(importId);
    assert.equal(summary.status, 'completed', summary.errorMessage);
    assert.equal(summary.batchId, importId);
    analysis = (await call('GET', `/analytics/analyses/${summary.id}`, s.viewer)).body;
    assert.equal(analysis.rowCount, truth.workOrders);
    assert.equal(analysis.dataTier, 4);
    assert.deepEqual([...analysis.analyzersRun].sort(), ['cost', 'efficiency', 'equipment', 'quality']);
    for (const name of ['cost', 'equipment', 'quality', 'efficiency', 'cross'])
      assert.equal(analysis.analyzers[name].status, 'completed', name);
    assert.ok(analysis.insights.length > 0);
    const scores = analysis.insights.map((i: { impact: { score: number } }) => i.impact.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      'ranked by impact',
    );
    assert.deepEqual(
      analysis.insights.map((i: { id: number }) => i.id),
      analysis.insights.map((_: unknown, k: number) => k + 1),
    );
    assert.ok(analysis.narrative.length > 50);
    assert.equal(analysis.narrativeSource, 'offline');
    assert.ok(analysis.timings.totalMs >= 0);
    assert.equal(analysis.config.values.confidence_level, 0.95);
    // The planted patterns the file is big enough to show are among the findings.
    const planted = new Set(truth.patterns.flatMap((p) => (p.entity ? [p.entity.value] : [])));
    const named = new Set(
      analysis.insights.flatMap((i: { entity: { id: string } | null }) =>
        i.entity && planted.has(i.entity.id) ? [i.entity.id] : [],
      ),
    );
    assert.ok(named.size >= 3, `planted entities named: ${[...named].join(', ')}`);
  });

  test('the rows behind an insight are the work orders of its entity', async () => {
    const insight = analysis.insights.find((i: { rows: { kind: string } }) => i.rows.kind === 'entity');
    assert.ok(insight, 'an insight on an entity');
    const { status, body } = await call(
      'GET',
      `/analytics/analyses/${analysis.id}/insights/${insight.id}/rows?limit=200`,
      s.viewer,
    );
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.total, insight.rowCount);
    assert.equal(body.insight.key, insight.key);
    for (const row of body.items) assert.equal(row.values[insight.rows.field], insight.rows.value);
    const missing = await call('GET', `/analytics/analyses/${analysis.id}/insights/999999/rows`, s.viewer);
    assert.equal(missing.status, 404);
  });

  test('exports: CSV with a row per insight, JSON with the evidence', async () => {
    const csv = await call('GET', `/analytics/analyses/${analysis.id}/export?format=csv`, s.viewer);
    assert.equal(csv.status, 200);
    assert.match(String(csv.res.headers['content-type']), /text\/csv/);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.match(lines[0] as string, /^rank,analyzer,kind,severity,title/);
    assert.ok(lines.length >= analysis.insights.length + 1);
    const json = await call('GET', `/analytics/analyses/${analysis.id}/export?format=json`, s.viewer);
    assert.equal(json.body.insights.length, analysis.insights.length);
    assert.ok('pValue' in json.body.insights[0].evidence);
  });

  test('a second run with a changed variable changes the findings; bad values are refused by name', async () => {
    const bad = await call('POST', '/analytics/analyses', s.analyst, {
      importId,
      config: { min_sample_size: 0 },
    });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /min_sample_size/);
    const viewer = await call('POST', '/analytics/analyses', s.viewer, { importId });
    assert.equal(viewer.status, 403);
    const started = await call('POST', '/analytics/analyses', s.analyst, {
      importId,
      name: 'strict',
      config: { confidence_level: 0.999, min_sample_size: 10_000 },
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const strict = await finished(started.body.id);
    assert.equal(strict.status, 'completed', strict.errorMessage);
    assert.equal(strict.config.values.min_sample_size, 10_000);
    // No entity of a 200-order file has 10,000 work orders: the per-entity findings are gone.
    const onEntities = (a: { insights: { entity: { type: string } | null }[] }) =>
      a.insights.filter((i) => i.entity && !['condition', 'metric', 'facility'].includes(i.entity.type))
        .length;
    assert.ok(onEntities(analysis) > 0);
    assert.equal(onEntities(strict), 0);
    // The second run of the facility is compared with the first.
    assert.ok(Object.keys(strict.results.baselines).length > 0, 'baselines from the first analysis');
  });

  test('delete removes the analysis (the import stays); 404 after', async () => {
    const started = await call('POST', '/analytics/analyses', s.analyst, { importId });
    assert.equal((await call('DELETE', `/analytics/analyses/${started.body.id}`, s.viewer)).status, 403);
    assert.equal((await call('DELETE', `/analytics/analyses/${started.body.id}`, s.analyst)).status, 204);
    assert.equal((await call('GET', `/analytics/analyses/${started.body.id}`, s.viewer)).status, 404);
    assert.equal((await call('GET', `/analytics/imports/${importId}`, s.viewer)).status, 200);
  });

  test('an import that is not completed cannot be analysed; unknown imports are 404', async () => {
    const res = await call('POST', '/analytics/analyses', s.analyst, {
      importId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(res.status, 404);
  });
});

test('the import writes its frame snapshot; analyses read it, the rows when it is gone; reprocess and delete', async () => {
  const importId = await uploadExample('workorders-generic.csv');
  const first = await finished((await analysisOf(importId)).id);
  assert.equal(first.status, 'completed', first.errorMessage);
  assert.equal(first.timings.snapshot, 1, 'the first analysis read the snapshot');
  const path = join(dataDir, 'files', 'frames', acme.id, `${importId}.frame`);
  await stat(path);
  const again = async () => {
    const started = await call('POST', '/analytics/analyses', s.analyst, { importId });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const done = await finished(started.body.id);
    assert.equal(done.status, 'completed', done.errorMessage);
    return done;
  };
  // The file gone (a restore without it, a disk cleaned by hand): the same work orders from the rows.
  await rm(path);
  const fromRows = await again();
  assert.equal(fromRows.timings.snapshot, 0);
  assert.equal(fromRows.rowCount, first.rowCount);
  assert.deepEqual(fromRows.analyzersRun, first.analyzersRun);
  // A reprocess writes it again.
  const reprocess = await call('POST', `/analytics/imports/${importId}/reprocess`, s.analyst, {});
  assert.equal(reprocess.status, 202, JSON.stringify(reprocess.body));
  await eventually(
    async () =>
      (await call('GET', `/analytics/imports/${importId}`, s.viewer)).body.status === 'completed' ||
      undefined,
    'the reprocessed import to complete',
    120_000,
  );
  await stat(path);
  assert.equal((await again()).timings.snapshot, 1);
  // Deleting the import deletes its snapshot.
  await eventually(
    async () =>
      (await call('GET', `/analytics/analyses?importId=${importId}`, s.viewer)).body.items.every(
        (a: { status: string }) => a.status !== 'processing',
      ) || undefined,
    'no analysis of the import running',
    120_000,
  );
  assert.equal((await call('DELETE', `/analytics/imports/${importId}`, s.admin)).status, 204);
  await assert.rejects(stat(path));
  // A snapshot whose import went another way (with its facility or tenant) goes with the
  // housekeeping; those of imports that exist stay.
  const frames = join(dataDir, 'files', 'frames', acme.id);
  const kept = await readdir(frames);
  assert.ok(kept.length > 0);
  const orphan = join(frames, '00000000-0000-4000-8000-00000000abcd.frame');
  await writeFile(orphan, 'not a snapshot');
  const removed = await t.runtime.maintenance.runOnce();
  assert.ok((removed['analytics.files'] ?? 0) >= 1, JSON.stringify(removed));
  await assert.rejects(stat(orphan));
  assert.deepEqual((await readdir(frames)).sort(), kept.sort());
});
