// Sweep fixtures of the inspection routes (seed 001, issue 15): tenant B's stations, cameras,
// parts, regions, triggers, images and defects, made through the real API.
import { signIn } from '../../src/modules/identity/testing.ts';
import { multipart, testPng } from '../../src/modules/inspection/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;
const unique = (prefix: string) => {
  sequence += 1;
  return `${prefix}${sequence}`;
};

async function post(ctx: SweepContext, url: string, payload: object) {
  const res = await ctx.t.app.inject({ method: 'POST', url, headers: ctx.ownerAdmin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function station(ctx: SweepContext) {
  return post(ctx, '/api/v1/inspection/stations', {
    facilityId: ctx.owner.facilityId,
    name: unique('Sweep station '),
  });
}

async function camera(ctx: SweepContext) {
  const { id: stationId } = await station(ctx);
  return post(ctx, '/api/v1/inspection/cameras', {
    stationId,
    serialNumber: unique('SWEEP-CAM-'),
    name: 'Sweep camera',
    width: 40,
    height: 30,
    mmPerPixel: 0.1,
  });
}

async function region(ctx: SweepContext) {
  const { region: created } = await post(ctx, '/api/v1/inspection/regions', {
    cameraId: (await camera(ctx)).id,
    name: 'Sweep region',
    polygon: [
      [0, 0],
      [1, 0],
      [1, 1],
    ],
  });
  return created;
}

/** A part inspected at a new station of the owner: one camera, one image, one vision defect. */
async function inspectedPart(ctx: SweepContext) {
  const { stationId, serialNumber } = await camera(ctx);
  const form = await multipart(
    {
      stationId,
      partNumber: 'SWEEP',
      partSerial: unique('SW-'),
      defects: JSON.stringify({ [serialNumber]: [{ cx: 10, cy: 10, diameterPx: 4 }] }),
    },
    { [serialNumber]: await testPng({ width: 40, height: 30 }) },
  );
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/inspection/triggers',
    headers: { ...ctx.ownerAdmin.headers, ...form.headers },
    payload: form.payload,
  });
  if (res.statusCode !== 201) throw new Error(`fixture trigger failed: ${res.statusCode} ${res.body}`);
  const { trigger, images } = res.json();
  return {
    triggerId: trigger.id as string,
    imageId: images[0].image.id as string,
    defectId: images[0].defects[0].id as string,
  };
}

/** A defect of the owner rejected by its operator under second review: its admin may review it. */
async function rejectedDefect(ctx: SweepContext) {
  const { defectId } = await inspectedPart(ctx);
  const call = (headers: Record<string, string>, method: 'PUT' | 'PATCH', url: string, payload: object) =>
    ctx.t.app.inject({ method, url, headers, payload });
  await call(ctx.ownerAdmin.headers, 'PUT', '/api/v1/inspection/settings', { secondReview: true });
  const operator = await signIn(ctx.t.app, ctx.owner.users.operator.email);
  const rejected = await call(operator.headers, 'PATCH', `/api/v1/inspection/defects/${defectId}`, {
    disposition: 'reject',
  });
  if (rejected.json().review !== 'pending') throw new Error(`fixture reject failed: ${rejected.body}`);
  await call(ctx.ownerAdmin.headers, 'PUT', '/api/v1/inspection/settings', { secondReview: false });
  return defectId;
}

async function part(ctx: SweepContext) {
  return post(ctx, '/api/v1/inspection/parts', { partNumber: unique('SWEEP-PART-'), name: 'Sweep part' });
}

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];

export const INSPECTION_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'PATCH /api/v1/inspection/stations/:id': async (ctx) => ({
    params: { id: (await station(ctx)).id },
    body: { name: unique('x') },
  }),
  'DELETE /api/v1/inspection/stations/:id': async (ctx) => ({ params: { id: (await station(ctx)).id } }),
  'GET /api/v1/inspection/stations/:id/current-part': async (ctx) => {
    const { id } = await station(ctx);
    await ctx.t.app.inject({
      method: 'PUT',
      url: `/api/v1/inspection/stations/${id}/current-part`,
      headers: ctx.ownerAdmin.headers,
      payload: { partNumber: 'SWEEP' },
    });
    return { params: { id } };
  },
  'PUT /api/v1/inspection/stations/:id/current-part': async (ctx) => ({
    params: { id: (await station(ctx)).id },
    body: { partNumber: 'HIJACK' },
  }),
  'GET /api/v1/inspection/cameras/:serialNumber': async (ctx) => ({
    params: { serialNumber: (await camera(ctx)).serialNumber },
  }),
  'GET /api/v1/inspection/cameras/:serialNumber/latest': async (ctx) => ({
    params: { serialNumber: (await camera(ctx)).serialNumber },
  }),
  'PATCH /api/v1/inspection/cameras/:serialNumber': async (ctx) => ({
    params: { serialNumber: (await camera(ctx)).serialNumber },
    body: { name: 'hijacked' },
  }),
  'DELETE /api/v1/inspection/cameras/:serialNumber': async (ctx) => ({
    params: { serialNumber: (await camera(ctx)).serialNumber },
  }),
  'GET /api/v1/inspection/parts/:partNumber': async (ctx) => ({
    params: { partNumber: (await part(ctx)).partNumber },
  }),
  'PATCH /api/v1/inspection/parts/:partNumber': async (ctx) => ({
    params: { partNumber: (await part(ctx)).partNumber },
    body: { name: 'hijacked' },
  }),
  'DELETE /api/v1/inspection/parts/:partNumber': async (ctx) => ({
    params: { partNumber: (await part(ctx)).partNumber },
  }),
  'GET /api/v1/inspection/regions/camera/:cameraId': async (ctx) => ({
    params: { cameraId: (await camera(ctx)).id },
  }),
  'GET /api/v1/inspection/regions/camera/:cameraId/versions': async (ctx) => ({
    params: { cameraId: (await camera(ctx)).id },
  }),
  'POST /api/v1/inspection/regions/camera/:cameraId/preview': async (ctx) => ({
    params: { cameraId: (await camera(ctx)).id },
    body: { regions: [{ name: 'R', polygon: square }] },
  }),
  'PUT /api/v1/inspection/regions/:id': async (ctx) => ({
    params: { id: (await region(ctx)).id },
    body: { name: 'hijacked', polygon: square },
  }),
  'DELETE /api/v1/inspection/regions/:id': async (ctx) => ({ params: { id: (await region(ctx)).id } }),
  'GET /api/v1/inspection/triggers/:id': async (ctx) => ({
    params: { id: (await inspectedPart(ctx)).triggerId },
  }),
  'POST /api/v1/inspection/triggers/:id/reanalyze': async (ctx) => ({
    params: { id: (await inspectedPart(ctx)).triggerId },
  }),
  'PATCH /api/v1/inspection/triggers/:id/disposition': async (ctx) => ({
    params: { id: (await inspectedPart(ctx)).triggerId },
    body: { disposition: 'accept' },
  }),
  'GET /api/v1/inspection/images/trigger/:triggerId': async (ctx) => ({
    params: { triggerId: (await inspectedPart(ctx)).triggerId },
  }),
  'GET /api/v1/inspection/images/:id': async (ctx) => ({
    params: { id: (await inspectedPart(ctx)).imageId },
  }),
  'GET /api/v1/inspection/images/meta/:id': async (ctx) => ({
    params: { id: (await inspectedPart(ctx)).imageId },
  }),
  'POST /api/v1/inspection/images/detect/:id': async (ctx) => ({
    params: { id: (await inspectedPart(ctx)).imageId },
  }),
  'GET /api/v1/inspection/defects/image/:imageId': async (ctx) => ({
    params: { imageId: (await inspectedPart(ctx)).imageId },
  }),
  'PATCH /api/v1/inspection/defects/:id': async (ctx) => ({
    params: { id: (await inspectedPart(ctx)).defectId },
    body: { disposition: 'accept' },
  }),
  'POST /api/v1/inspection/defects/review/:id': async (ctx) => ({
    params: { id: await rejectedDefect(ctx) },
    body: { decision: 'confirm' },
  }),
};

/** One row in every inspection table for the admin's tenant (the RLS proof of rls.test.ts). */
export async function populateInspection(
  t: SweepContext['t'],
  admin: SweepContext['ownerAdmin'],
  facilityId: string,
) {
  const ctx = { t, ownerAdmin: admin, owner: { facilityId } } as SweepContext;
  const put = (url: string, payload: object) =>
    t.app.inject({ method: 'PUT', url, headers: admin.headers, payload });
  await put('/api/v1/inspection/settings', { secondReview: true });
  const { cameraId } = await region(ctx);
  const { triggerId } = await inspectedPart(ctx);
  await part(ctx);
  const camera = await t.app.inject({
    method: 'GET',
    url: `/api/v1/inspection/regions/camera/${cameraId}`,
    headers: admin.headers,
  });
  const trigger = await t.app.inject({
    method: 'GET',
    url: `/api/v1/inspection/triggers/${triggerId}`,
    headers: admin.headers,
  });
  const res = await put(`/api/v1/inspection/stations/${trigger.json().trigger.stationId}/current-part`, {
    partNumber: 'SWEEP',
  });
  if (camera.statusCode !== 200 || res.statusCode !== 200)
    throw new Error(`inspection data: ${camera.statusCode} ${res.statusCode}`);
}
