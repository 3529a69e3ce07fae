// The analysis report through GET /analytics/analyses/{id}/export?format=pdf on an example export
// uploaded and analysed through the real import path: the PDF names the insights of the API with
// their impacts and evidence; CSV, XLSX and JSON still answer; another tenant gets a 404.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../platform/http/errors.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';
import { figure } from './analysis.report.ts';
import { createReports } from './index.ts';
import { number, winAnsi } from './pdf/layout.ts';
import { inspectPdf } from './testing.ts';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
let t: TestApp;
let acme: TestTenant;
let other: TestSession;
let viewer: TestSession;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plantintel-analysis-report-'));
  t = await createTestApp({ env: { DATA_DIR: dir } });
  acme = await createTestTenant(t.database.db, 'reports-analysis');
  viewer = await signIn(t.app, acme.users.viewer.email);
  const rival = await createTestTenant(t.database.db, 'reports-rival');
  other = await signIn(t.app, rival.users.admin.email);
});
after(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, session = viewer) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers });

/** As the PDF prints it: whitespace collapsed (a title may wrap), in the built-in fonts' characters. */
const flat = (text: string) => winAnsi(text).replace(/\s+/g, ' ');

async function analysedExample(name: string) {
  const analyst = await signIn(t.app, acme.users.analyst.email);
  const body = new FormData();
  body.append('facilityId', acme.facilityId);
  body.append('autoMap', 'true');
  body.append('file', new Blob([await readFile(join(EXAMPLES, name))]), name);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: analyst.headers,
    payload: body,
  });
  assert.equal(res.statusCode, 202, res.body);
  const importId = res.json().importId as string;
  return eventually(
    async () => {
      const list = (await get(`/analytics/analyses?importId=${importId}`)).json();
      const done = list.items?.find((a: { status: string }) => a.status !== 'processing');
      return done ? (await get(`/analytics/analyses/${done.id}`)).json() : undefined;
    },
    `the analysis of ${name}`,
    180_000,
  );
}

describe('analysis report', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read field by field
  let analysis: any;
  before(async () => {
    analysis = await analysedExample('workorders-generic.csv');
    assert.equal(analysis.status, 'completed', JSON.stringify(analysis.errorMessage));
    assert.ok(analysis.insights.length > 0);
  });

  test('the PDF shows the summary, the insights with their impacts and evidence, on numbered pages', async () => {
    const res = await get(`/analytics/analyses/${analysis.id}/export?format=pdf`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['content-disposition'], `attachment; filename="analysis-${analysis.id}.pdf"`);
    const { text, flat: all, pages } = await inspectPdf(res.rawPayload, dir);
    assert.ok(pages >= 2, `${pages} pages`);
    assert.match(text, new RegExp(`Page 1 of ${pages}`));
    assert.ok(all.includes(acme.name));
    assert.ok(all.includes(analysis.name), 'the analysis name');
    for (const insight of analysis.insights.slice(0, 10)) {
      assert.ok(all.includes(flat(insight.title)), `insight "${insight.title}"`);
      assert.ok(all.includes(number(insight.impact.score, 0)), `impact ${insight.impact.score}`);
      assert.ok(all.includes(flat(insight.evidence.metric)), `metric ${insight.evidence.metric}`);
      assert.ok(all.includes(figure(insight.evidence.value)), `value ${insight.evidence.value}`);
      assert.ok(all.includes(`${number(insight.evidence.sampleSize)}`));
    }
    // Every insight is in the table at the end.
    for (const insight of analysis.insights) assert.ok(all.includes(flat(insight.title)), insight.title);
  });

  test('CSV and JSON answer as before; XLSX is new', async () => {
    const csv = await get(`/analytics/analyses/${analysis.id}/export?format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.body.includes(analysis.insights[0].kind));
    const json = await get(`/analytics/analyses/${analysis.id}/export`);
    assert.equal(json.statusCode, 200);
    assert.equal(json.json().insights.length, analysis.insights.length);
    const xlsx = await get(`/analytics/analyses/${analysis.id}/export?format=xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  test('another tenant’s analysis is a 404 in every format, and so is an unknown id', async () => {
    for (const format of ['pdf', 'xlsx', 'csv', 'json'])
      assert.equal(
        (await get(`/analytics/analyses/${analysis.id}/export?format=${format}`, other)).statusCode,
        404,
        format,
      );
    assert.equal(
      (await get(`/analytics/analyses/00000000-0000-4000-8000-000000000000/export?format=pdf`)).statusCode,
      404,
    );
  });

  test('the module API renders the same report for notifications, and refuses another tenant', async () => {
    const reports = createReports({ db: t.database.db, compute: t.runtime.compute });
    const pdf = await reports.analysisPdf(acme.id, analysis.id);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const { flat: all } = await inspectPdf(pdf, dir);
    assert.ok(all.includes(flat(analysis.insights[0].title)));
    await assert.rejects(
      reports.analysisPdf('00000000-0000-4000-8000-000000000000', analysis.id),
      (err) => err instanceof AppError && err.status === 404,
    );
  });
});
