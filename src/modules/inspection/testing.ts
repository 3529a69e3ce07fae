// Shared set-up of the inspection API tests: an app, a tenant with one session per role, a
// station with cameras, test images made with sharp and triggers sent as real multipart bodies.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

export type Role = 'admin' | 'operator' | 'analyst' | 'viewer';

/** A grayscale PNG of `width` × `height`: uniform `level`, with dark round spots at `spots`. */
export async function testPng({
  width = 400,
  height = 300,
  bitDepth = 8,
  level = 0.6,
  spots = [],
}: {
  width?: number;
  height?: number;
  bitDepth?: 8 | 16;
  level?: number;
  spots?: { cx: number; cy: number; r: number }[];
} = {}): Promise<Buffer> {
  const max = bitDepth === 16 ? 65535 : 255;
  const data = bitDepth === 16 ? new Uint16Array(width * height) : new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inSpot = spots.some((s) => (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r * s.r);
      data[y * width + x] = Math.round((inSpot ? level * 0.4 : level) * max);
    }
  // A typed array, not a Buffer: sharp takes a Uint16Array's samples as 16-bit.
  const raw = sharp(data, { raw: { width, height, channels: 1 } });
  return (bitDepth === 16 ? raw.toColourspace('grey16') : raw).png().toBuffer();
}

/** A multipart body: `fields` as text, `files` as file parts named by their key. */
export async function multipart(fields: Record<string, string>, files: Record<string, Buffer>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, bytes] of Object.entries(files))
    form.append(name, new Blob([new Uint8Array(bytes)]), `${name}.png`);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') as string },
  };
}

/** Registers before/after hooks in the calling test file; the kit's fields are set once `before` ran. */
export function inspectionTestKit(slug: string) {
  const kit = {
    t: undefined as unknown as TestApp,
    acme: undefined as unknown as TestTenant,
    s: {} as Record<Role, TestSession>,
    async call(
      session: TestSession,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      const res = await kit.t.app.inject({
        method,
        url: `/api/v1/inspection${url}`,
        headers: session.headers,
        ...(payload !== undefined ? { payload } : {}),
      });
      const json = res.headers['content-type']?.toString().startsWith('application/json');
      return { status: res.statusCode, body: res.body && json ? res.json() : undefined, raw: res };
    },
    async ok(
      session: TestSession,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      const res = await kit.call(session, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    },
    /** A station with cameras (serial → [width, height, mm per pixel]). */
    async station(name: string, cameras: Record<string, [number, number, number]>) {
      const station = await kit.ok(kit.s.admin, 'POST', '/stations', {
        facilityId: kit.acme.facilityId,
        name,
      });
      const ids: Record<string, string> = {};
      for (const [serialNumber, [width, height, mmPerPixel]] of Object.entries(cameras)) {
        const camera = await kit.ok(kit.s.admin, 'POST', '/cameras', {
          stationId: station.id,
          serialNumber,
          name: `Camera ${serialNumber}`,
          width,
          height,
          mmPerPixel,
        });
        ids[serialNumber] = camera.id;
      }
      return { stationId: station.id as string, cameras: ids };
    },
    /** POST /triggers as multipart; returns status and body. */
    async trigger(
      session: TestSession,
      input: {
        stationId: string;
        images: Record<string, Buffer>;
        defects?: object;
        partNumber?: string;
        partSerial?: string;
        ts?: string;
      },
    ) {
      const fields: Record<string, string> = { stationId: input.stationId };
      if (input.partNumber !== undefined) fields.partNumber = input.partNumber;
      if (input.partSerial !== undefined) fields.partSerial = input.partSerial;
      if (input.ts !== undefined) fields.ts = input.ts;
      if (input.defects !== undefined) fields.defects = JSON.stringify(input.defects);
      const body = await multipart(fields, input.images);
      const res = await kit.t.app.inject({
        method: 'POST',
        url: '/api/v1/inspection/triggers',
        headers: { ...session.headers, ...body.headers },
        payload: body.payload,
      });
      return { status: res.statusCode, body: res.json() };
    },
  };
  before(async () => {
    kit.t = await createTestApp();
    kit.acme = await createTestTenant(kit.t.database.db, slug);
    for (const role of ['admin', 'operator', 'analyst', 'viewer'] as const)
      kit.s[role] = await signIn(kit.t.app, kit.acme.users[role].email);
  });
  after(() => kit.t?.close());
  return kit;
}
