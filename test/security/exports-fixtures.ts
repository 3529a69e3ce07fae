// Fixtures of the list exports with an id in their path (see fixtures.ts): a sensor of the owner.
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;

async function sensor(ctx: SweepContext): Promise<string> {
  sequence += 1;
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/plant-ops/sensors',
    headers: ctx.ownerAdmin.headers,
    payload: {
      facilityId: ctx.owner.facilityId,
      key: `SW-EXPORT-${sequence}`,
      name: 'Export sensor',
      type: 'pressure',
    },
  });
  if (res.statusCode !== 201) throw new Error(`fixture sensor failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export const EXPORTS_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/plant-ops/sensors/:id/readings/export': async (ctx) => ({ params: { id: await sensor(ctx) } }),
};
