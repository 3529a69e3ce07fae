// Dispositions through the API: who may set them, second review of a rejection, false positives
// judging the part again, defects marked by hand, the part's own disposition, tenant isolation,
// the audit log and the live push.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { connectWs } from '../../platform/realtime/testing.ts';
import { createTestTenant, signIn, type TestSession } from '../identity/testing.ts';
import { inspectionTestKit, testPng } from './testing.ts';

const kit = inspectionTestKit('defects');
const WHOLE_IMAGE = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];

interface Part {
  triggerId: string;
  stationId: string;
  imageId: string;
  defectIds: string[];
}

/** A station whose camera fails any part with a pore (maxPoreCount 0), and one part with `defects` on it. */
async function failingPart(
  name: string,
  defects: object[] = [{ cx: 100, cy: 100, diameterPx: 10 }],
): Promise<Part> {
  const serial = `${name}-1`;
  const { stationId, cameras } = await kit.station(name, { [serial]: [400, 300, 0.1] });
  await kit.ok(kit.s.analyst, 'POST', '/regions', {
    cameraId: cameras[serial],
    name: 'Casting',
    polygon: WHOLE_IMAGE,
    rules: { maxPoreCount: 0 },
  });
  const made = await kit.trigger(kit.s.operator, {
    stationId,
    partNumber: 'P-D',
    partSerial: `S-${name}`,
    images: { [serial]: await testPng() },
    defects: { [serial]: defects },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const [image] = made.body.images;
  return {
    triggerId: made.body.trigger.id,
    stationId,
    imageId: image.image.id,
    defectIds: image.defects.map((d: { id: string }) => d.id),
  };
}

const verdictOf = async (triggerId: string) =>
  (await kit.ok(kit.s.viewer, 'GET', `/triggers/${triggerId}`)).trigger;
const dispose = (session: TestSession, id: string, payload: object) =>
  kit.call(session, 'PATCH', `/defects/${id}`, payload);
const review = (session: TestSession, id: string, payload: object) =>
  kit.call(session, 'POST', `/defects/review/${id}`, payload);

async function auditEntries(action: string, targetId: string) {
  const res = await kit.t.app.inject({
    method: 'GET',
    url: `/api/v1/audit-log?action=${action}&targetId=${targetId}`,
    headers: kit.s.admin.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as {
    action: string;
    actor: { userId: string };
    subject: string;
    details: Record<string, unknown>;
  }[];
}

describe('defect dispositions', () => {
  test('operators set them (who, when, note); viewers and analysts may not; bodies are checked', async () => {
    const part = await failingPart('Roles');
    const [id] = part.defectIds as [string];
    const list = await kit.ok(kit.s.viewer, 'GET', `/defects/image/${part.imageId}`);
    assert.equal(list.imageId, part.imageId);
    assert.deepEqual(
      list.items.map((d: { id: string; disposition: string }) => [d.id, d.disposition]),
      [[id, 'pending']],
    );
    assert.equal((await kit.call(kit.s.viewer, 'GET', `/defects/image/${crypto.randomUUID()}`)).status, 404);

    assert.equal((await dispose(kit.s.viewer, id, { disposition: 'accept' })).status, 403);
    assert.equal((await dispose(kit.s.analyst, id, { disposition: 'accept' })).status, 403);
    for (const bad of [
      { disposition: 'scrap' },
      { disposition: 'accept', note: 'x'.repeat(2001) },
      { disposition: 'accept', note: 'a\u0000b' },
      { disposition: 'accept', by: 'someone' },
      {},
    ])
      assert.equal((await dispose(kit.s.operator, id, bad)).status, 400, JSON.stringify(bad));
    assert.equal((await dispose(kit.s.operator, crypto.randomUUID(), { disposition: 'accept' })).status, 404);

    const before = Date.now();
    const res = await dispose(kit.s.operator, id, { disposition: 'rework', note: 'grind the gate' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.disposition, 'rework');
    assert.equal(res.body.dispositionBy, kit.acme.users.operator.id);
    assert.equal(res.body.dispositionNote, 'grind the gate');
    assert.equal(res.body.review, null);
    assert.ok(Date.parse(res.body.dispositionAt) >= before - 1000);
    assert.equal(
      (await verdictOf(part.triggerId)).verdict,
      'fail',
      'a rework is still a pore the rules count',
    );

    const [entry] = await auditEntries('inspection.defect.disposition', id);
    assert.equal(entry?.actor.userId, kit.acme.users.operator.id);
    assert.deepEqual(entry?.details.from, { disposition: 'pending', review: null });
    assert.deepEqual(entry?.details.to, { disposition: 'rework', review: null });
    assert.equal(entry?.details.note, 'grind the gate');
    assert.equal(entry?.details.triggerId, part.triggerId);
  });

  test('a false positive is not judged: the part passes, and fails again when it is taken back', async () => {
    const part = await failingPart('FalsePos');
    const [id] = part.defectIds as [string];
    const failed = await verdictOf(part.triggerId);
    assert.equal(failed.verdict, 'fail');
    assert.equal(failed.reasons.length, 1);

    const fp = await dispose(kit.s.operator, id, { disposition: 'false_positive' });
    assert.equal(fp.status, 200, JSON.stringify(fp.body));
    assert.deepEqual(fp.body.regionIds, [], 'a false positive is in no region');
    const passed = await verdictOf(part.triggerId);
    assert.equal(passed.verdict, 'pass');
    assert.deepEqual(passed.reasons, []);
    assert.equal(passed.defectCount, 1, 'the defect is still stored');
    const image = await kit.ok(kit.s.viewer, 'GET', `/images/meta/${part.imageId}`);
    assert.equal(image.image.verdict, 'pass');

    const back = await dispose(kit.s.operator, id, { disposition: 'pending' });
    assert.equal(back.body.regionIds.length, 1);
    assert.equal((await verdictOf(part.triggerId)).verdict, 'fail');
  });
});

describe('second review', () => {
  test('a rejection waits for another person, who confirms or overturns it', async () => {
    const part = await failingPart('Review', [
      { cx: 50, cy: 50, diameterPx: 8 },
      { cx: 200, cy: 150, diameterPx: 8 },
      { cx: 300, cy: 250, diameterPx: 8 },
    ]);
    const [first, second, third] = part.defectIds as [string, string, string];
    await kit.ok(kit.s.admin, 'PUT', '/settings', { secondReview: true });
    try {
      // The admin rejects; the admin may not confirm their own rejection; an analyst does.
      const rejected = await dispose(kit.s.admin, first, {
        disposition: 'reject',
        note: 'pore at the flange',
      });
      assert.equal(rejected.status, 200);
      assert.equal(rejected.body.review, 'pending');
      const own = await review(kit.s.admin, first, { decision: 'confirm' });
      assert.equal(own.status, 403);
      assert.match(own.body.error.message, /someone else/);
      assert.equal(
        (await review(kit.s.operator, first, { decision: 'confirm' })).status,
        403,
        'operators do not review',
      );
      assert.equal(
        (await review(kit.s.analyst, first, { decision: 'confirm', disposition: 'accept' })).status,
        400,
      );
      const confirmed = await review(kit.s.analyst, first, { decision: 'confirm', note: 'agreed' });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      assert.equal(confirmed.body.review, 'confirmed');
      assert.equal(confirmed.body.disposition, 'reject');
      assert.equal(confirmed.body.reviewedBy, kit.acme.users.analyst.id);
      assert.equal(confirmed.body.dispositionBy, kit.acme.users.admin.id);
      assert.equal((await review(kit.s.admin, first, { decision: 'confirm' })).status, 409, 'reviewed once');
      const [audited] = await auditEntries('inspection.defect.review', first);
      assert.equal(audited?.details.decision, 'confirm');
      assert.equal(audited?.details.rejectedBy, kit.acme.users.admin.id);

      // The operator rejects; the admin overturns it to a false positive: the part is judged again.
      assert.equal((await dispose(kit.s.operator, second, { disposition: 'reject' })).body.review, 'pending');
      assert.equal(
        (await dispose(kit.s.operator, third, { disposition: 'false_positive' })).body.review,
        null,
      );
      assert.equal((await verdictOf(part.triggerId)).verdict, 'fail');
      const overturned = await review(kit.s.admin, second, {
        decision: 'overturn',
        disposition: 'false_positive',
      });
      assert.equal(overturned.status, 200, JSON.stringify(overturned.body));
      assert.equal(overturned.body.review, 'overturned');
      assert.equal(overturned.body.disposition, 'false_positive');
      assert.equal(overturned.body.dispositionBy, kit.acme.users.admin.id);
      assert.equal(
        (await verdictOf(part.triggerId)).verdict,
        'fail',
        'the confirmed rejection still fails it',
      );
      assert.equal(
        (await dispose(kit.s.operator, first, { disposition: 'false_positive' })).body.review,
        null,
      );
      assert.equal((await verdictOf(part.triggerId)).verdict, 'pass');

      // Overturning defaults to accept; a disposition other than reject clears a pending review.
      await dispose(kit.s.operator, third, { disposition: 'reject' });
      assert.equal((await review(kit.s.analyst, third, { decision: 'overturn' })).body.disposition, 'accept');
      assert.equal((await verdictOf(part.triggerId)).verdict, 'fail', 'an accepted pore is judged');
      assert.equal((await dispose(kit.s.operator, third, { disposition: 'reject' })).body.review, 'pending');
      assert.equal((await dispose(kit.s.operator, third, { disposition: 'rework' })).body.review, null);
      assert.equal((await review(kit.s.analyst, third, { decision: 'confirm' })).status, 409);
    } finally {
      await kit.ok(kit.s.admin, 'PUT', '/settings', { secondReview: false });
    }
    const off = await dispose(kit.s.operator, third, { disposition: 'reject' });
    assert.equal(off.body.review, null, 'without second review a rejection stands alone');
  });
});

describe('defects marked by hand', () => {
  test('sized in mm by the camera, judged, audited; outside the image → 400', async () => {
    const part = await failingPart('Manual', []);
    assert.equal((await verdictOf(part.triggerId)).verdict, 'pass');
    const mark = (session: TestSession, body: object) =>
      kit.call(session, 'POST', '/defects', { imageId: part.imageId, type: 'inclusion', ...body });
    assert.equal((await mark(kit.s.viewer, { cx: 10, cy: 10, diameterPx: 4 })).status, 403);
    assert.equal((await mark(kit.s.analyst, { cx: 10, cy: 10, diameterPx: 4 })).status, 403);
    for (const outside of [
      { cx: 401, cy: 10, diameterPx: 4 },
      { cx: 10, cy: -1, diameterPx: 4 },
      { cx: 390, cy: 10, bbox: { x: 380, y: 0, w: 40, h: 20 } },
      {
        cx: 10,
        cy: 10,
        contour: [
          [5, 5],
          [500, 5],
          [5, 20],
        ],
      },
    ]) {
      const res = await mark(kit.s.operator, outside);
      assert.equal(res.status, 400, JSON.stringify(outside));
      assert.match(res.body.error.message, /400 × 300 image/);
    }
    assert.match((await mark(kit.s.operator, { cx: 10, cy: 10 })).body.error.message, /give a size/);
    assert.equal((await mark(kit.s.operator, { cx: 10, cy: 10, diameterPx: 4, type: 'blob' })).status, 400);
    assert.equal((await mark(kit.s.operator, { cx: 10, cy: 10, diameterPx: 4, confidence: 1 })).status, 400);
    const stranger = await kit.call(kit.s.operator, 'POST', '/defects', {
      imageId: crypto.randomUUID(),
      cx: 1,
      cy: 1,
      diameterPx: 1,
      type: 'crack',
    });
    assert.equal(stranger.status, 400);
    assert.equal((await verdictOf(part.triggerId)).defectCount, 0, 'refused marks store nothing');

    const made = await mark(kit.s.operator, { cx: 120, cy: 80, diameterPx: 20, note: 'seen on the film' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.source, 'manual');
    assert.equal(made.body.type, 'inclusion');
    assert.equal(made.body.disposition, 'pending');
    assert.equal(made.body.dispositionNote, 'seen on the film');
    assert.deepEqual(made.body.bbox, { x: 110, y: 70, w: 20, h: 20 });
    assert.ok(Math.abs(made.body.diameterMm - 2) < 1e-9, `20 px at 0.1 mm/px: ${made.body.diameterMm}`);
    assert.equal(made.body.regionIds.length, 1);
    const judged = await verdictOf(part.triggerId);
    assert.equal(judged.verdict, 'fail');
    assert.equal(judged.defectCount, 1);
    const [entry] = await auditEntries('inspection.defect.create', made.body.id);
    assert.equal(entry?.actor.userId, kit.acme.users.operator.id);
  });
});

describe('part dispositions', () => {
  test('operators accept, reject, rework or scrap a part; audited', async () => {
    const part = await failingPart('PartDisp');
    const path = `/triggers/${part.triggerId}/disposition`;
    assert.equal((await kit.call(kit.s.viewer, 'PATCH', path, { disposition: 'scrap' })).status, 403);
    assert.equal((await kit.call(kit.s.analyst, 'PATCH', path, { disposition: 'scrap' })).status, 403);
    assert.equal(
      (await kit.call(kit.s.operator, 'PATCH', path, { disposition: 'false_positive' })).status,
      400,
    );
    assert.equal((await kit.call(kit.s.operator, 'PATCH', path, { disposition: 'scrap', x: 1 })).status, 400);
    const unknown = `/triggers/${crypto.randomUUID()}/disposition`;
    assert.equal((await kit.call(kit.s.operator, 'PATCH', unknown, { disposition: 'scrap' })).status, 404);
    const res = await kit.call(kit.s.operator, 'PATCH', path, {
      disposition: 'scrap',
      note: 'porosity at the seal face',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.disposition, 'scrap');
    assert.equal(res.body.dispositionBy, kit.acme.users.operator.id);
    assert.equal(res.body.dispositionNote, 'porosity at the seal face');
    assert.equal(res.body.verdict, 'fail');
    const stored = await verdictOf(part.triggerId);
    assert.equal(stored.disposition, 'scrap');
    const [entry] = await auditEntries('inspection.trigger.disposition', part.triggerId);
    assert.deepEqual([entry?.details.from, entry?.details.to], [null, 'scrap']);
  });
});

describe('tenants', () => {
  test("another tenant's defects, images and parts are not found", async () => {
    const part = await failingPart('Tenancy');
    const [id] = part.defectIds as [string];
    const other = await createTestTenant(kit.t.database.db, 'defects-other');
    const operator = await signIn(kit.t.app, other.users.operator.email);
    const analyst = await signIn(kit.t.app, other.users.analyst.email);
    assert.equal((await dispose(operator, id, { disposition: 'accept' })).status, 404);
    assert.equal((await review(analyst, id, { decision: 'confirm' })).status, 404);
    assert.equal((await kit.call(operator, 'GET', `/defects/image/${part.imageId}`)).status, 404);
    const disposition = await kit.call(operator, 'PATCH', `/triggers/${part.triggerId}/disposition`, {
      disposition: 'accept',
    });
    assert.equal(disposition.status, 404);
    const marked = await kit.call(operator, 'POST', '/defects', {
      imageId: part.imageId,
      cx: 10,
      cy: 10,
      diameterPx: 4,
      type: 'crack',
    });
    assert.equal(marked.status, 400);
    const mine = await kit.ok(kit.s.viewer, 'GET', `/defects/image/${part.imageId}`);
    assert.deepEqual(
      mine.items.map((d: { disposition: string }) => d.disposition),
      ['pending'],
    );
    assert.equal((await verdictOf(part.triggerId)).disposition, null);
  });
});

describe('live push', () => {
  test('a disposition reaches subscribers of the camera and the station, with the new verdict', async () => {
    const part = await failingPart('LiveDisp');
    const [id] = part.defectIds as [string];
    const { cameraId } = (await kit.ok(kit.s.viewer, 'GET', `/images/meta/${part.imageId}`)).image;
    await kit.t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(kit.t.app.server.address() as AddressInfo).port}`;
    const socket = await connectWs(base, kit.s.viewer.accessToken);
    try {
      await socket.next((m) => m.type === 'ready', 'ready');
      socket.send({ type: 'subscribe', topics: [`station:${part.stationId}`, `camera:${cameraId}`] });
      await socket.next((m) => m.type === 'subscribed', 'subscription ack');
      await kit.ok(kit.s.operator, 'PATCH', `/defects/${id}`, { disposition: 'false_positive' });
      const eventOf = (type: string) =>
        socket.next((m) => m.type === 'event' && (m.event as { type: string }).type === type, type);
      const changed = (await eventOf('InspectionDefect')).event as { data: Record<string, unknown> };
      assert.deepEqual(
        [changed.data.id, changed.data.disposition, changed.data.triggerId],
        [id, 'false_positive', part.triggerId],
      );
      const verdict = (await eventOf('InspectionVerdict')).event as { data: Record<string, unknown> };
      assert.deepEqual([verdict.data.triggerId, verdict.data.verdict], [part.triggerId, 'pass']);

      await kit.ok(kit.s.operator, 'PATCH', `/triggers/${part.triggerId}/disposition`, {
        disposition: 'accept',
      });
      await socket.next(
        (m) =>
          m.type === 'event' &&
          (m.event as { type: string; data: { disposition?: string } }).type === 'InspectionVerdict' &&
          (m.event as { data: { disposition?: string } }).data.disposition === 'accept',
        'part disposition',
      );
    } finally {
      socket.close();
    }
  });
});
