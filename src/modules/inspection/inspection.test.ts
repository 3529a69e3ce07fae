// The inspection API end to end on the real database: set-up, triggers judged by regions,
// versions and re-analysis, bad input refused with nothing stored, rendered images, live push.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { connectWs } from '../../platform/realtime/testing.ts';
import { inspectionTestKit, testPng } from './testing.ts';

const kit = inspectionTestKit('insp');
const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

async function storedFiles(): Promise<number> {
  const dir = join(kit.t.config.dataDir, 'images', kit.acme.id);
  let n = 0;
  for (const prefix of await readdir(dir).catch(() => [] as string[]))
    n += (await readdir(join(dir, prefix))).length;
  return n;
}

describe('set-up', () => {
  test('stations, cameras (serial unique), parts and the current part', async () => {
    const { stationId, cameras } = await kit.station('Setup', { 'SET-1': [400, 300, 0.1] });
    const dup = await kit.call(kit.s.admin, 'POST', '/cameras', {
      stationId,
      serialNumber: 'SET-1',
      name: 'again',
      width: 10,
      height: 10,
      mmPerPixel: 1,
    });
    assert.equal(dup.status, 409);
    assert.equal(
      (
        await kit.call(kit.s.operator, 'POST', '/cameras', {
          stationId,
          serialNumber: 'X',
          name: 'x',
          width: 1,
          height: 1,
          mmPerPixel: 1,
        })
      ).status,
      403,
    );
    const camera = await kit.ok(kit.s.viewer, 'GET', '/cameras/SET-1');
    assert.equal(camera.id, cameras['SET-1']);
    assert.equal(camera.status, 'offline');
    const latest = await kit.ok(kit.s.viewer, 'GET', '/cameras/SET-1/latest');
    assert.equal(latest.latest, null);
    await kit.ok(kit.s.analyst, 'POST', '/parts', {
      partNumber: 'P-100',
      name: 'Housing',
      material: 'AlSi9Cu2',
      drawingRevision: 'C',
    });
    assert.equal(
      (await kit.call(kit.s.analyst, 'POST', '/parts', { partNumber: 'P-100', name: 'Again' })).status,
      409,
    );
    await kit.ok(kit.s.analyst, 'PATCH', '/parts/P-100', { material: 'AlSi9Cu3' });
    assert.equal((await kit.call(kit.s.analyst, 'PATCH', '/parts/P-404', { material: 'x' })).status, 404);
    const current = await kit.ok(kit.s.operator, 'PUT', `/stations/${stationId}/current-part`, {
      partNumber: 'P-100',
      partSerial: 'S-1',
    });
    assert.equal(current.part.material, 'AlSi9Cu3');
    assert.equal(
      (await kit.ok(kit.s.viewer, 'GET', '/stations')).items.find((s: { id: string }) => s.id === stationId)
        .currentPart.partSerial,
      'S-1',
    );
    assert.equal((await kit.call(kit.s.admin, 'DELETE', `/stations/${stationId}`)).status, 409);
  });
});

describe('triggers judged by region rules', () => {
  test('a vision system’s defects fail a region; re-analysis after a rule change passes the part', async () => {
    const { stationId, cameras } = await kit.station('Judge', {
      'J-1': [400, 300, 0.1],
      'J-2': [400, 300, 0.1],
    });
    const created = await kit.ok(kit.s.analyst, 'POST', '/regions', {
      cameraId: cameras['J-1'],
      name: 'Face',
      severity: 'critical',
      polygon: square(0, 0, 0.5, 1),
      rules: { maxPoreSizeMm: 1.0 },
    });
    assert.equal(created.version, 1);
    const png = await testPng();
    const { status, body } = await kit.trigger(kit.s.operator, {
      stationId,
      partNumber: 'P-1',
      partSerial: 'S-100',
      images: { 'J-1': png, 'J-2': png },
      // 20 px across at 0.1 mm/px = 2 mm > 1 mm; the second one lies outside the region.
      defects: {
        'J-1': [
          { cx: 50, cy: 50, diameterPx: 20, type: 'gas_pore' },
          { cx: 350, cy: 150, diameterPx: 30 },
        ],
      },
    });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.trigger.verdict, 'fail');
    assert.match(body.trigger.reasons[0], /^Camera J-1: Face: 1 pore/);
    const j1 = body.images.find((i: { image: { cameraId: string } }) => i.image.cameraId === cameras['J-1']);
    assert.equal(j1.image.verdict, 'fail');
    assert.equal(j1.image.regionVersion, 1);
    assert.equal(j1.defects.length, 2);
    const inRegion = j1.defects.find((d: { cx: number }) => d.cx === 50);
    assert.ok(Math.abs(inRegion.diameterMm - 2) < 1e-9);
    assert.deepEqual(inRegion.regionIds, [created.region.id]);
    assert.equal(
      body.images.find((i: { image: { cameraId: string } }) => i.image.cameraId === cameras['J-2']).image
        .verdict,
      'pass',
    );

    const raised = await kit.ok(kit.s.analyst, 'PUT', `/regions/${created.region.id}`, {
      name: 'Face',
      polygon: square(0, 0, 0.5, 1),
      rules: { maxPoreSizeMm: 2.5 },
    });
    assert.equal(raised.version, 2);
    const stale = await kit.ok(kit.s.viewer, 'GET', `/triggers/${body.trigger.id}`);
    assert.equal(stale.trigger.verdict, 'fail', 'a stored verdict keeps the rules it was judged by');
    const again = await kit.ok(kit.s.analyst, 'POST', `/triggers/${body.trigger.id}/reanalyze`);
    assert.equal(again.trigger.verdict, 'pass');
    assert.equal(
      again.images.find((i: { image: { cameraId: string } }) => i.image.cameraId === cameras['J-1']).image
        .regionVersion,
      2,
    );
    const versions = await kit.ok(kit.s.viewer, 'GET', `/regions/camera/${cameras['J-1']}/versions`);
    assert.deepEqual(
      versions.map((v: { version: number }) => v.version),
      [2, 1],
    );

    const history = await kit.ok(kit.s.viewer, 'GET', '/triggers?partSerial=S-100');
    assert.equal(history.total, 1);
    const latest = await kit.ok(kit.s.viewer, 'GET', '/cameras/J-1/latest');
    assert.equal(latest.latest.image.triggerId, body.trigger.id);
    assert.equal(latest.camera.status, 'online');
  });

  test('the station’s current part fills in a trigger without one; unknown cameras are refused', async () => {
    const { stationId } = await kit.station('Current', { 'C-1': [400, 300, 0.1] });
    const png = await testPng();
    const missing = await kit.trigger(kit.s.operator, { stationId, images: { 'C-1': png } });
    assert.equal(missing.status, 400);
    await kit.ok(kit.s.operator, 'PUT', `/stations/${stationId}/current-part`, {
      partNumber: 'P-9',
      partSerial: 'S-9',
    });
    const ok = await kit.trigger(kit.s.operator, { stationId, images: { 'C-1': png } });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.trigger.partNumber, 'P-9');
    assert.equal(ok.body.trigger.verdict, 'pass');
    const stranger = await kit.trigger(kit.s.operator, { stationId, images: { 'NOPE-1': png } });
    assert.equal(stranger.status, 400);
    assert.match(stranger.body.error.message, /NOPE-1/);
    assert.equal((await kit.trigger(kit.s.viewer, { stationId, images: { 'C-1': png } })).status, 403);
  });
});

describe('regions are validated', () => {
  test('fewer than 3 points, outside 0–1, self-intersecting → 400', async () => {
    const { cameras } = await kit.station('Poly', { 'P-1': [400, 300, 0.1] });
    const post = (polygon: number[][]) =>
      kit.call(kit.s.analyst, 'POST', '/regions', { cameraId: cameras['P-1'], name: 'R', polygon });
    assert.equal(
      (
        await post([
          [0, 0],
          [1, 1],
        ])
      ).status,
      400,
    );
    assert.equal(
      (
        await post([
          [0, 0],
          [1.5, 0],
          [1, 1],
        ])
      ).status,
      400,
    );
    const bowtie = await post([
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ]);
    assert.equal(bowtie.status, 400);
    assert.match(bowtie.body.error.message, /cross/i);
    assert.equal(
      (
        await kit.call(kit.s.operator, 'POST', '/regions', {
          cameraId: cameras['P-1'],
          name: 'R',
          polygon: square(0, 0, 1, 1),
        })
      ).status,
      403,
    );
  });
});

describe('bad input stores nothing', () => {
  test('not an image, 0 bytes, truncated, a pixel bomb, GIF, defects outside the image', async () => {
    const { stationId } = await kit.station('Bad', { 'B-1': [400, 300, 0.1], 'B-2': [400, 300, 0.1] });
    const good = await testPng();
    const before = (await kit.ok(kit.s.viewer, `GET`, `/triggers?stationId=${stationId}`)).total;
    const filesBefore = await storedFiles();
    const send = (images: Record<string, Buffer>, defects?: object) =>
      kit.trigger(kit.s.operator, {
        stationId,
        partNumber: 'P',
        partSerial: 'S',
        images,
        ...(defects ? { defects } : {}),
      });
    // A PNG header (valid CRC) declaring 20,000 × 20,000 pixels.
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20000, 0);
    ihdr.writeUInt32BE(20000, 4);
    ihdr[8] = 8;
    const bomb = Buffer.concat([good.subarray(0, 16), ihdr, good.subarray(29)]);
    const { crc32 } = await import('node:zlib');
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)) >>> 0, 29);
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .gif()
      .toBuffer();
    const cases: [string, Record<string, Buffer>, object | undefined, number][] = [
      ['not an image', { 'B-1': good, 'B-2': Buffer.from('hello, I am text') }, undefined, 415],
      ['0 bytes', { 'B-1': good, 'B-2': Buffer.alloc(0) }, undefined, 400],
      ['truncated', { 'B-1': good, 'B-2': good.subarray(0, Math.floor(good.length / 2)) }, undefined, 400],
      ['pixel bomb', { 'B-1': good, 'B-2': bomb }, undefined, 413],
      ['GIF', { 'B-1': good, 'B-2': gif }, undefined, 415],
      ['defect outside', { 'B-1': good, 'B-2': good }, { 'B-2': [{ cx: 500, cy: 10, diameterPx: 4 }] }, 400],
      [
        'defects of a camera without image',
        { 'B-1': good },
        { 'B-2': [{ cx: 5, cy: 10, diameterPx: 4 }] },
        400,
      ],
    ];
    for (const [name, images, defects, expected] of cases) {
      const res = await send(images, defects);
      assert.equal(res.status, expected, `${name}: ${JSON.stringify(res.body)}`);
      assert.ok(res.body.error.message.length > 0);
    }
    assert.equal((await kit.ok(kit.s.viewer, 'GET', `/triggers?stationId=${stationId}`)).total, before);
    assert.equal(await storedFiles(), filesBefore, 'no file left behind');
    const notMultipart = await kit.call(kit.s.operator, 'POST', '/triggers', { stationId });
    assert.equal(notMultipart.status, 415);
  });
});

describe('images', () => {
  test('rendered in web formats with ETag, 304, immutable caching and overlays; 16-bit windowed', async () => {
    const { stationId, cameras } = await kit.station('Render', { 'R-1': [400, 300, 0.1] });
    await kit.ok(kit.s.analyst, 'POST', '/regions', {
      cameraId: cameras['R-1'],
      name: 'All',
      polygon: square(0.05, 0.05, 0.95, 0.95),
      rules: { maxPoreCount: 0 },
    });
    // A faint 16-bit ramp (grey levels 1,000–3,000 of 65,535): nearly black unless windowed.
    const ramp = new Uint16Array(400 * 300);
    for (let i = 0; i < ramp.length; i++) ramp[i] = 1000 + Math.round((2000 * (i % 400)) / 399);
    const png16 = await sharp(ramp, { raw: { width: 400, height: 300, channels: 1 } })
      .toColourspace('grey16')
      .png()
      .toBuffer();
    const made = await kit.trigger(kit.s.operator, {
      stationId,
      partNumber: 'P',
      partSerial: 'S-R',
      images: { 'R-1': png16 },
      defects: { 'R-1': [{ cx: 200, cy: 150, diameterPx: 20 }] },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const image = made.body.images[0].image;
    assert.equal(image.bitDepth, 16);
    const url = `/images/${image.id}?format=png&w=200`;
    const first = await kit.call(kit.s.viewer, 'GET', url);
    assert.equal(first.status, 200);
    assert.equal(first.raw.headers['content-type'], 'image/png');
    assert.match(String(first.raw.headers['cache-control']), /immutable/);
    assert.equal(first.raw.headers['x-cache'], 'miss');
    const meta = await sharp(first.raw.rawPayload).metadata();
    assert.equal(meta.width, 200);
    // Windowed: the faint ramp spans the display range, dark at the left, bright at the right.
    const { data } = await sharp(first.raw.rawPayload)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const row = 75 * 200;
    assert.ok((data[row + 2] ?? 255) < 30, `left ${data[row + 2]}`);
    assert.ok((data[row + 197] ?? 0) > 225, `right ${data[row + 197]}`);
    const second = await kit.t.app.inject({
      method: 'GET',
      url: `/api/v1/inspection${url}`,
      headers: kit.s.viewer.headers,
    });
    assert.equal(second.headers['x-cache'], 'hit');
    assert.equal(second.headers.etag, first.raw.headers.etag);
    const revalidated = await kit.t.app.inject({
      method: 'GET',
      url: `/api/v1/inspection${url}`,
      headers: { ...kit.s.viewer.headers, 'if-none-match': String(first.raw.headers.etag) },
    });
    assert.equal(revalidated.statusCode, 304);
    const overlaid = await kit.call(kit.s.viewer, 'GET', `/images/${image.id}?overlay=defects,regions`);
    assert.equal(overlaid.status, 200);
    assert.equal(overlaid.raw.headers['content-type'], 'image/jpeg');
    assert.match(String(overlaid.raw.headers['cache-control']), /no-cache/);
    assert.notEqual(overlaid.raw.headers.etag, first.raw.headers.etag);
    assert.equal((await kit.call(kit.s.viewer, 'GET', `/images/${image.id}?overlay=everything`)).status, 400);
    assert.equal(
      (await kit.call(kit.s.viewer, 'GET', `/images/00000000-0000-4000-8000-000000000000`)).status,
      404,
    );
    const byTrigger = await kit.ok(kit.s.viewer, 'GET', `/images/trigger/${made.body.trigger.id}`);
    assert.equal(byTrigger.items[0].defects.length, 1);
  });

  test('the built-in detector finds dark round spots on demand and the part is judged', async () => {
    const { stationId, cameras } = await kit.station('Detect', { 'D-1': [400, 300, 0.1] });
    await kit.ok(kit.s.analyst, 'POST', '/regions', {
      cameraId: cameras['D-1'],
      name: 'All',
      polygon: square(0, 0, 1, 1),
      rules: { maxPoreCount: 1 },
    });
    const png = await testPng({
      spots: [
        { cx: 100, cy: 100, r: 6 },
        { cx: 300, cy: 200, r: 8 },
      ],
    });
    const made = await kit.trigger(kit.s.operator, {
      stationId,
      partNumber: 'P',
      partSerial: 'S-D',
      images: { 'D-1': png },
    });
    assert.equal(made.body.trigger.verdict, 'pass', 'detection on ingest is off by default');
    const detected = await kit.ok(kit.s.operator, 'POST', `/images/detect/${made.body.images[0].image.id}`);
    assert.equal(detected.defects.length, 2);
    for (const d of detected.defects) assert.equal(d.source, 'detector');
    assert.equal(
      (await kit.ok(kit.s.viewer, 'GET', `/triggers/${made.body.trigger.id}`)).trigger.verdict,
      'fail',
    );
  });
});

describe('live push', () => {
  test('a verdict reaches subscribers of the station and the camera', async () => {
    const { stationId, cameras } = await kit.station('Live', { 'L-1': [400, 300, 0.1] });
    await kit.t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(kit.t.app.server.address() as AddressInfo).port}`;
    const socket = await connectWs(base, kit.s.viewer.accessToken);
    try {
      await socket.next((m) => m.type === 'ready', 'ready');
      socket.send({ type: 'subscribe', topics: [`station:${stationId}`, `camera:${cameras['L-1']}`] });
      await socket.next((m) => m.type === 'subscribed', 'subscription ack');
      const made = await kit.trigger(kit.s.operator, {
        stationId,
        partNumber: 'P',
        partSerial: 'S-L',
        images: { 'L-1': await testPng() },
      });
      const verdict = await socket.next(
        (m) => m.type === 'event' && (m.event as { type: string }).type === 'InspectionVerdict',
        'verdict',
      );
      assert.equal(
        (verdict.event as unknown as { data: { triggerId: string } }).data.triggerId,
        made.body.trigger.id,
      );
      await socket.next(
        (m) => m.type === 'event' && (m.event as { type: string }).type === 'InspectionImage',
        'image',
      );
    } finally {
      socket.close();
    }
  });
});
