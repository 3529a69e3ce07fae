// A trigger is stored whole or not at all: a failure between the image write and the database
// commit leaves no row and no file, and files orphaned by a crash at that point are swept.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { readInTenant } from '../../platform/db/scope.ts';
import { localFileStore } from '../../platform/storage/file-store.ts';
import { inspectImageFile } from './images/validate.ts';
import { createInspectionLive } from './live.ts';
import { sweepOrphanImages } from './sweep.ts';
import { inspectionTestKit, testPng } from './testing.ts';
import { listTriggers } from './triggers.repo.ts';
import { type Actor, createTriggersService } from './triggers.service.ts';

const kit = inspectionTestKit('atomic');

async function filesIn(dir: string, tenantId: string) {
  let n = 0;
  for (const prefix of await readdir(join(dir, tenantId)).catch(() => [] as string[]))
    n += (await readdir(join(dir, tenantId, prefix))).length;
  return n;
}

describe('ingest atomicity', () => {
  test('a failure just before the commit stores no trigger, image or defect, and removes the files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insp-atomic-'));
    const files = localFileStore(dir);
    const live = createInspectionLive({
      db: kit.t.database.db,
      realtime: { publish: async () => {}, registerTopic: () => {} },
    });
    let failures = 0;
    const triggers = createTriggersService({
      db: kit.t.database.db,
      files,
      compute: kit.t.runtime.compute,
      live,
      beforeCommit: () => {
        failures++;
        throw new Error('disk full (injected)');
      },
    });
    const { stationId } = await kit.station('Atomic', { 'A-1': [400, 300, 0.1], 'A-2': [400, 300, 0.1] });
    const actor: Actor = { tenantId: kit.acme.id, userId: null };
    const images = [];
    for (const [serial, level] of [
      ['A-1', 0.3],
      ['A-2', 0.7],
    ] as const) {
      const stored = await files.put(kit.acme.id, Readable.from([await testPng({ level })]), {
        maxBytes: 1e7,
      });
      const path = await files.localPath(stored.key);
      images.push({
        serial,
        key: stored.key,
        bytes: stored.bytes,
        path,
        info: await inspectImageFile(path, { maxPixels: 1e8 }),
      });
    }
    assert.equal(await filesIn(dir, kit.acme.id), 2);
    await assert.rejects(
      triggers.ingest(actor, {
        stationId,
        partNumber: 'P',
        partSerial: 'S-A',
        images,
        defects: { 'A-1': [{ cx: 10, cy: 10, diameterPx: 5 }] },
      }),
      /injected/,
    );
    assert.equal(failures, 1);
    const rows = await readInTenant(kit.t.database.db, kit.acme.id, async (tx) => ({
      triggers: (await listTriggers(tx, { stationId, limit: 10, offset: 0 })).total,
      images: await tx.execute('select count(*)::int as n from inspection_images'),
      defects: await tx.execute('select count(*)::int as n from inspection_defects'),
    }));
    assert.equal(rows.triggers, 0);
    assert.equal((rows.images as unknown as { rows: { n: number }[] }).rows[0]?.n, 0);
    assert.equal((rows.defects as unknown as { rows: { n: number }[] }).rows[0]?.n, 0);
    assert.equal(await filesIn(dir, kit.acme.id), 0, 'the failed ingest removed its files');
  });

  test('files orphaned by a crash between write and commit are swept; referenced files stay', async () => {
    const dir = join(kit.t.config.dataDir, 'images');
    const { stationId } = await kit.station('Sweep', { 'W-1': [400, 300, 0.1] });
    const kept = await kit.trigger(kit.s.operator, {
      stationId,
      partNumber: 'P',
      partSerial: 'S-W',
      images: { 'W-1': await testPng({ level: 0.5 }) },
    });
    assert.equal(kept.status, 201);
    // The crash: bytes written, no row ever committed.
    const files = localFileStore(dir);
    const orphan = await files.put(kit.acme.id, Readable.from([await testPng({ level: 0.9 })]), {
      maxBytes: 1e7,
    });
    const before = await filesIn(dir, kit.acme.id);
    assert.equal(
      await sweepOrphanImages({ db: kit.t.database.db, files, dir }),
      0,
      'young files are left to in-flight ingests',
    );
    const old = new Date(Date.now() - 3600_000);
    await utimes(await files.localPath(orphan.key), old, old);
    for (const prefix of await readdir(join(dir, kit.acme.id)))
      for (const hash of await readdir(join(dir, kit.acme.id, prefix)))
        await utimes(join(dir, kit.acme.id, prefix, hash), old, old);
    const removed = await sweepOrphanImages({ db: kit.t.database.db, files, dir }, 60_000);
    assert.equal(removed, 1);
    assert.equal(await files.exists(orphan.key), false);
    assert.equal(await filesIn(dir, kit.acme.id), before - 1, 'the referenced (and just as old) file stays');
    const render = await kit.call(kit.s.viewer, 'GET', `/images/${kept.body.images[0].image.id}?w=100`);
    assert.equal(render.status, 200);
  });
});
