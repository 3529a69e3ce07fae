// Sweep fixtures of the routing decision routes (issue 17): tenant B's own routing decision, proposed
// (its routes stored), over a small network seeded for it.
import { ROUTING_DAY, seedRouting } from '../../src/modules/supply/routing-decisions/testing.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;

/** A proposed routing decision of the owner, over a network of its own. */
async function routingDecision(ctx: SweepContext): Promise<string> {
  sequence += 1;
  const network = await seedRouting(ctx.t.database.db, ctx.owner.id, {
    prefix: `SWR${sequence}`,
    clients: 4,
  });
  const started = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/supply/decisions',
    headers: ctx.ownerAdmin.headers,
    payload: {
      type: 'routing',
      routing: { date: ROUTING_DAY, warehouseId: network.warehouseId, timeLimitSeconds: 1 },
    },
  });
  if (started.statusCode !== 202)
    throw new Error(`fixture routing decision: ${started.statusCode} ${started.body}`);
  const { id } = started.json() as { id: string };
  await eventually(
    async () => {
      const res = await ctx.t.app.inject({
        url: `/api/v1/supply/decisions/${id}`,
        headers: ctx.ownerAdmin.headers,
      });
      const body = res.json() as { status: string; errorMessage: string | null };
      if (body.status === 'failed') throw new Error(`fixture routing decision failed: ${body.errorMessage}`);
      return body.status === 'proposed' ? true : undefined;
    },
    `routing decision ${id}`,
    120_000,
  );
  return id;
}

export const SUPPLY_ROUTING_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/supply/decisions/:id/routes': async (ctx) => ({ params: { id: await routingDecision(ctx) } }),
  'POST /api/v1/supply/decisions/:id/reoptimise': async (ctx) => ({
    params: { id: await routingDecision(ctx) },
    body: { timeLimitSeconds: 1 },
  }),
};
