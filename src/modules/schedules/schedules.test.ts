import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';
import { compareInsights } from './compare.ts';
import { type Call, caller, createProfile, ended, workOrdersCsv } from './testing.ts';

// Scheduled analyses end to end on the real import and analysis path: CRUD and validation, a
// watched-folder file imported exactly once, a half-written file left to wait, URL sources (a CSV
// with its header, an HTML page, a 500, a timeout) against a real local HTTP server, run now, and
// the comparison of two runs with the domain events it records.

let t: TestApp;
let acme: TestTenant;
let dataDir: string;
let call: Call;
let profileId: string;
let server: Server;
let base: string;
const seenAuth: string[] = [];
const s = {} as Record<'admin' | 'analyst' | 'viewer', TestSession>;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plantintel-schedules-'));
  t = await createTestApp({
    env: { DATA_DIR: dataDir, SCHEDULE_STABLE_SECONDS: '1', SCHEDULE_FETCH_TIMEOUT_SECONDS: '2' },
  });
  acme = await createTestTenant(t.database.db, 'schedules');
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
  call = caller(t.app);
  profileId = await createProfile(call, s.analyst, 'Scheduled export');
  server = createServer((req, res) => {
    if (req.url === '/orders.csv') {
      seenAuth.push(String(req.headers.authorization));
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(workOrdersCsv({ tag: 'URL' }));
    } else if (req.url === '/login') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><form>Sign in</form></body></html>');
    } else if (req.url === '/disguised.csv') {
      // Claims to be CSV; the bytes are a page.
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('\n  <html><head><title>Session expired</title></head></html>');
    } else if (req.url === '/slow.csv') {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('Order,Part\n'); // …and never ends
    } else {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('boom');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

let n = 0;
async function newSchedule(source: object, extra: object = {}) {
  const res = await call('POST', '/analytics/schedules', s.analyst, {
    name: `Schedule ${++n}`,
    facilityId: acme.facilityId,
    cron: '0 6 * * *',
    source,
    profileId,
    ...extra,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function runNow(scheduleId: string, session = s.analyst) {
  const res = await call('POST', `/analytics/schedules/${scheduleId}/run`, session);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return ended(call, s.viewer, scheduleId, res.body.id);
}

const inboxOf = (schedule: { source: { folder: string } }) => join(dataDir, schedule.source.folder);

async function importCount(): Promise<number> {
  const res = await call('GET', `/analytics/imports?facilityId=${acme.facilityId}&limit=1`, s.viewer);
  return res.body.total;
}

describe('scheduled analyses', () => {
  test('create, read, change, pause, resume and delete; bad input is refused with the reason', async () => {
    const bad = await call('POST', '/analytics/schedules', s.analyst, {
      name: 'Bad',
      facilityId: acme.facilityId,
      cron: '0 6 * *',
      source: { kind: 'folder' },
      profileId,
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /five fields/);
    const nonsense = await call('POST', '/analytics/schedules', s.analyst, {
      name: 'Bad',
      facilityId: acme.facilityId,
      cron: '99 6 * * *',
      source: { kind: 'folder' },
      profileId,
    });
    assert.equal(nonsense.status, 400);
    assert.match(nonsense.body.error.message, /does not parse/);
    const ftp = await call('POST', '/analytics/schedules', s.analyst, {
      name: 'Bad',
      facilityId: acme.facilityId,
      cron: '0 6 * * *',
      source: { kind: 'url', url: 'ftp://example.com/x.csv' },
      profileId,
    });
    assert.equal(ftp.status, 400);
    const noProfile = await call('POST', '/analytics/schedules', s.analyst, {
      name: 'Bad',
      facilityId: acme.facilityId,
      cron: '0 6 * * *',
      source: { kind: 'folder' },
      profileId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(noProfile.status, 400);
    assert.equal(
      (
        await call('POST', '/analytics/schedules', s.viewer, {
          name: 'Viewer',
          facilityId: acme.facilityId,
          cron: '0 6 * * *',
          source: { kind: 'folder' },
          profileId,
        })
      ).status,
      403,
    );

    // The facility's time zone decides when 06:00 is.
    await t.database.db.execute(
      sql`update facilities set timezone = 'Europe/Berlin' where id = ${acme.facilityId}`,
    );
    try {
      const created = await newSchedule(
        { kind: 'url', url: `${base}/orders.csv`, headers: { Authorization: 'Bearer sekret-token-123456' } },
        { cron: '30 6 * * 1-5' },
      );
      assert.equal(created.facility.timezone, 'Europe/Berlin');
      assert.equal(created.status, 'active');
      assert.match(created.nextRunLocal, / 06:30$/);
      assert.deepEqual(created.source.headers, { Authorization: '****56' });
      const read = await call('GET', `/analytics/schedules/${created.id}`, s.viewer);
      assert.equal(read.status, 200);
      assert.ok(!JSON.stringify(read.body).includes('sekret'), 'a header value is never shown');

      const preview = await call(
        'GET',
        `/analytics/schedules/preview?cron=${encodeURIComponent('30 6 * * 1-5')}&timezone=Europe/Berlin`,
        s.viewer,
      );
      assert.equal(preview.status, 200);
      assert.equal(preview.body.runs.length, 5);
      for (const run of preview.body.runs) assert.match(run.local, / 06:30$/);
      const badPreview = await call('GET', '/analytics/schedules/preview?cron=nope&timezone=UTC', s.viewer);
      assert.equal(badPreview.status, 400);
      assert.equal(
        (
          await call(
            'GET',
            '/analytics/schedules/preview?cron=0%206%20*%20*%20*&timezone=Mars/Base',
            s.viewer,
          )
        ).status,
        400,
      );

      // An edit of the URL without headers keeps them; the cron moves the next run.
      const edited = await call('PATCH', `/analytics/schedules/${created.id}`, s.analyst, {
        cron: '0 22 * * *',
        source: { kind: 'url', url: `${base}/orders.csv?v=2` },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.match(edited.body.nextRunLocal, / 22:00$/);
      assert.deepEqual(edited.body.source.headers, { Authorization: '****56' });
      assert.equal(
        (await call('PATCH', `/analytics/schedules/${created.id}`, s.analyst, { cron: '* *' })).status,
        400,
      );

      const paused = await call('POST', `/analytics/schedules/${created.id}/pause`, s.analyst);
      assert.equal(paused.body.status, 'paused');
      assert.equal(paused.body.nextRunAt, null);
      const resumed = await call('POST', `/analytics/schedules/${created.id}/resume`, s.analyst);
      assert.equal(resumed.body.status, 'active');
      assert.ok(new Date(resumed.body.nextRunAt).getTime() > Date.now());

      const list = await call('GET', '/analytics/schedules?status=active', s.viewer);
      assert.ok(list.body.items.some((i: { id: string }) => i.id === created.id));
      assert.equal((await call('DELETE', `/analytics/schedules/${created.id}`, s.analyst)).status, 204);
      assert.equal((await call('GET', `/analytics/schedules/${created.id}`, s.viewer)).status, 404);
    } finally {
      await t.database.db.execute(sql`update facilities set timezone = 'UTC' where id = ${acme.facilityId}`);
    }
  });

  test('a watched-folder file is imported once: processed, and the next run finds nothing', async () => {
    const schedule = await newSchedule({ kind: 'folder' });
    const inbox = inboxOf(schedule);
    // The folder exists as soon as the schedule does.
    assert.deepEqual((await readdir(inbox)).sort(), ['.claimed', 'failed', 'processed']);
    writeFileSync(join(inbox, 'orders.csv'), workOrdersCsv({ tag: 'ONCE' }));
    const importsBefore = await importCount();
    const first = await runNow(schedule.id);
    assert.equal(first.status, 'completed', first.error);
    assert.equal(first.fileName, 'orders.csv');
    assert.ok(first.importId && first.analysisId);
    assert.equal(first.trigger, 'manual');
    const processed = await readdir(join(inbox, 'processed'));
    assert.equal(processed.length, 1);
    assert.match(processed[0] ?? '', /orders\.csv$/);
    assert.ok(!(await readdir(inbox)).includes('orders.csv'));

    const second = await runNow(schedule.id);
    assert.equal(second.status, 'skipped');
    assert.match(second.error, /No file/);
    assert.equal(await importCount(), importsBefore + 1, 'one import for one file');

    const analysis = await call('GET', `/analytics/analyses/${first.analysisId}`, s.viewer);
    assert.equal(analysis.body.status ?? analysis.body.analysis?.status, 'completed');
    const listed = await call('GET', `/analytics/schedules/${schedule.id}`, s.viewer);
    assert.equal(listed.body.lastRun.id, second.id);
  });

  test('a half-written file waits until its size holds still', async () => {
    const schedule = await newSchedule({ kind: 'folder' });
    const inbox = inboxOf(schedule);
    const path = join(inbox, 'growing.csv');
    const rows = workOrdersCsv({ tag: 'GROW' }).split('\n');
    writeFileSync(path, `${rows.slice(0, 2).join('\n')}\n`);
    let next = 2;
    // A writer still at work: a row every 100 ms, well inside the 1 s stability window.
    const writer = setInterval(() => {
      if (next < rows.length - 1) appendFileSync(path, `${rows[next++]}\n`);
    }, 100);
    let waited: { status: string; error: string };
    try {
      waited = await runNow(schedule.id);
    } finally {
      clearInterval(writer);
    }
    assert.equal(waited.status, 'skipped');
    assert.match(waited.error, /Still being written: growing\.csv/);
    assert.ok((await readdir(inbox)).includes('growing.csv'), 'the file is left where it is');
    for (; next < rows.length - 1; next++) appendFileSync(path, `${rows[next]}\n`);
    const taken = await runNow(schedule.id);
    assert.equal(taken.status, 'completed', taken.error);
    assert.equal(taken.fileName, 'growing.csv');
  });

  test('URL sources: a CSV with its header; an HTML page, a 500 and a timeout fail with the reason', async () => {
    const good = await newSchedule({
      kind: 'url',
      url: `${base}/orders.csv`,
      headers: { Authorization: 'Bearer url-token-0001' },
    });
    const run = await runNow(good.id);
    assert.equal(run.status, 'completed', run.error);
    assert.equal(run.fileName, 'orders.csv');
    assert.ok(seenAuth.includes('Bearer url-token-0001'), 'the stored header was sent');

    const cases: [string, RegExp][] = [
      ['/login', /returned an HTML page \(content-type text\/html\)/],
      ['/disguised.csv', /returned an HTML page, not a CSV or XLSX file/],
      ['/missing.csv', /answered HTTP 500/],
      ['/slow.csv', /did not send its file within 2 s/],
    ];
    for (const [path, reason] of cases) {
      const schedule = await newSchedule({ kind: 'url', url: `${base}${path}` });
      const failed = await runNow(schedule.id);
      assert.equal(failed.status, 'failed', path);
      assert.match(failed.error, reason, path);
      assert.equal(failed.importId, null);
    }
    // The disguised page was downloaded: it is kept in failed/ with its reason, not lost.
    const failedDir = join(dataDir, good.source.folder ?? `inbox/${good.facility.code}/`, 'failed');
    const kept = await readdir(failedDir);
    const page = kept.find((f) => f.endsWith('disguised.csv'));
    assert.ok(page, kept.join(', '));
    assert.match(await readFile(join(failedDir, `${page}.reason.txt`), 'utf8'), /HTML page/);
  });

  test('a second run compares with the first: new, worse and resolved, and records its events', async () => {
    const schedule = await newSchedule({ kind: 'folder' });
    const inbox = inboxOf(schedule);
    writeFileSync(
      join(inbox, 'week-1.csv'),
      workOrdersCsv({ tag: 'W1', scrap: { M1: 0.2 }, downtime: { M3: 60 } }),
    );
    const first = await runNow(schedule.id);
    assert.equal(first.status, 'completed', first.error);
    assert.equal(first.comparison.previousRunId, null);
    writeFileSync(
      join(inbox, 'week-2.csv'),
      workOrdersCsv({ tag: 'W2', scrap: { M2: 0.25 }, downtime: { M3: 240 } }),
    );
    const second = await runNow(schedule.id);
    assert.equal(second.status, 'completed', second.error);
    assert.equal(second.comparison.previousRunId, first.id);
    assert.equal(second.comparison.previousAnalysisId, first.analysisId);

    // The same matching, recomputed from the two analyses the API serves.
    const insightsOf = async (id: string) => {
      const res = await call('GET', `/analytics/analyses/${id}`, s.viewer);
      return res.body.insights;
    };
    const expected = compareInsights(await insightsOf(first.analysisId), await insightsOf(second.analysisId));
    assert.deepEqual(second.comparison.summary, expected.summary);
    const { summary } = second.comparison;
    assert.ok(summary.new + summary.worse + summary.resolved > 0, JSON.stringify(summary));
    const named = (list: { entity: { id: string } | null }[], id: string) =>
      list.some((i) => i.entity?.id === id);
    assert.ok(named(second.comparison.new, 'M2') || named(second.comparison.worse, 'M2'), 'M2 scrap is new');
    assert.ok(named(second.comparison.resolved, 'M1'), 'M1 scrap is resolved');
    // M3's downtime quadrupled: the same finding, higher impact and severity.
    const m3 = second.comparison.worse.find(
      (i: { kind: string; entity: { id: string } | null }) =>
        i.kind === 'equipment.downtime' && i.entity?.id === 'M3',
    );
    assert.ok(m3, JSON.stringify(second.comparison.worse));
    assert.ok(m3.impactScore > m3.previousImpactScore);

    const events = await queryRows<{ event_type: string; payload: Record<string, unknown> }>(
      t.database.db,
      sql`select event_type, payload from domain_events
          where aggregate_type = 'analysis_schedule' and aggregate_id = ${schedule.id} order by id`,
    );
    assert.deepEqual(
      events.map((e) => e.event_type),
      ['ScheduleRunCompleted', 'ScheduleRunCompleted'],
    );
    const last = events[1]?.payload;
    assert.equal(last?.runId, second.id);
    assert.equal(last?.analysisId, second.analysisId);
    assert.equal(last?.facilityId, acme.facilityId);
    assert.deepEqual(last?.summary, summary);
  });

  test('a failed import fails the run and records ScheduleRunFailed; the file goes to failed/', async () => {
    const schedule = await newSchedule({ kind: 'folder' });
    const inbox = inboxOf(schedule);
    writeFileSync(join(inbox, 'wrong.csv'), 'Something,Else\n1,2\n');
    const run = await runNow(schedule.id);
    assert.equal(run.status, 'failed');
    assert.match(run.error, /refused|mapping/i);
    const failed = await readdir(join(inbox, 'failed'));
    assert.ok(failed.some((f) => f.endsWith('wrong.csv')));
    assert.ok(failed.some((f) => f.endsWith('wrong.csv.reason.txt')));
    const [event] = await queryRows<{ payload: Record<string, unknown> }>(
      t.database.db,
      sql`select payload from domain_events where event_type = 'ScheduleRunFailed' and aggregate_id = ${schedule.id}`,
    );
    assert.equal(event?.payload.runId, run.id);
    assert.match(String(event?.payload.error), /refused|mapping/i);
    assert.deepEqual(event?.payload.summary, { new: 0, worse: 0, resolved: 0 });
  });
});
