import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { construct } from '../routing/index.ts';
import { buildProblem } from '../routing-decisions/problem.ts';
import { demoCatalogue, demoStockPoints } from './catalogue.ts';
import { DEMO_CLIENTS, DEMO_VEHICLES, DEMO_WAREHOUSES } from './network.ts';
import { demoOrders } from './orders.ts';
import { deliveryDayOrders, demoUnitLoad, needsRefrigeration, routingDemoClients } from './routing-demo.ts';

const TODAY = '2026-03-10';
const points = demoOrders(demoStockPoints(demoCatalogue()), TODAY).stockPoints;
const clients = [...DEMO_CLIENTS, ...routingDemoClients()];
const deliveries = deliveryDayOrders(points, clients, TODAY);
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
const km = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) =>
  Math.hypot(
    (a.latitude - b.latitude) * 111.2,
    (a.longitude - b.longitude) * 111.2 * Math.cos((52.5 * Math.PI) / 180),
  );

describe('the demo delivery day', () => {
  test('ten vehicles, three refrigerated, one at each warehouse; 150 clients with valid windows', () => {
    assert.equal(DEMO_VEHICLES.length, 10);
    for (const w of DEMO_WAREHOUSES)
      assert.ok(
        DEMO_VEHICLES.some(
          (v) => v.depot === w.code && v.status === 'available' && v.features.includes('refrigerated'),
        ),
        w.code,
      );
    assert.equal(clients.length, 150);
    assert.equal(new Set(clients.map((c) => c.name)).size, 150);
    const twice = clients.filter((c) => c.timeWindows.length === 2).length;
    assert.ok(twice >= 40 && twice <= 70, `${twice} clients with two windows`);
    for (const c of routingDemoClients()) {
      const home = DEMO_WAREHOUSES.find((w) => w.code === c.servedFrom);
      assert.ok(home && km(c, home) >= 3.5 && km(c, home) <= 33, `${c.name} ${home && km(c, home)}`);
      c.timeWindows.forEach((w, i) => {
        assert.ok(minutes(w.start) < minutes(w.end), c.name);
        if (i > 0) assert.ok(minutes(c.timeWindows[i - 1]?.end ?? '') <= minutes(w.start), c.name);
      });
    }
    assert.deepEqual(routingDemoClients(), routingDemoClients().slice());
  });

  test("tomorrow's orders: stocked lines within what is left on hand, refrigerated when they must be", () => {
    assert.ok(deliveries.length >= 100 && deliveries.length <= 130, `${deliveries.length} deliveries`);
    assert.equal(new Set(deliveries.map((o) => o.client)).size, deliveries.length, 'one order per client');
    const byKey = new Map(points.map((p) => [`${p.warehouse}|${p.item.sku}`, p]));
    const committed = new Map<string, number>();
    for (const o of deliveries) {
      assert.equal(o.requestedDate, '2026-03-11');
      assert.equal(o.status, 'confirmed');
      const client = clients.find((c) => c.name === o.client);
      assert.equal(client?.servedFrom, o.warehouse);
      let cold = false;
      for (const l of o.lines) {
        const p = byKey.get(`${o.warehouse}|${l.sku}`);
        assert.ok(p, `${o.reference}: ${l.sku} stocked at ${o.warehouse}`);
        cold ||= needsRefrigeration(p.item);
        committed.set(
          `${o.warehouse}|${l.sku}`,
          (committed.get(`${o.warehouse}|${l.sku}`) ?? 0) + l.quantity,
        );
      }
      assert.deepEqual(o.requiredFeatures, cold ? ['refrigerated'] : [], o.reference);
    }
    for (const [k, q] of committed) {
      const p = byKey.get(k);
      assert.ok(p && q <= p.onHand - p.reserved, `${k}: ${q} committed`);
    }
    assert.ok(deliveries.filter((o) => o.requiredFeatures.length > 0).length >= 5);
    assert.deepEqual(deliveryDayOrders(points, clients, TODAY), deliveries);
  });

  test('the construction alone serves nearly every delivery within every constraint', () => {
    const ids = new Map(DEMO_WAREHOUSES.map((w) => [w.code, w.code]));
    const units = new Map(points.map((p) => [`${p.warehouse}|${p.item.sku}`, demoUnitLoad(p.item)]));
    const { problem } = buildProblem({
      depots: DEMO_WAREHOUSES.map((w) => ({ id: w.code, ...w })),
      vehicles: DEMO_VEHICLES.filter((v) => v.status === 'available').map((v) => ({
        ...v,
        id: v.code,
        depotId: ids.get(v.depot) ?? null,
        features: [...v.features],
      })),
      orders: deliveries.map((o) => {
        const c = clients.find((x) => x.name === o.client);
        return {
          id: o.reference,
          reference: o.reference,
          warehouseId: o.warehouse,
          clientId: o.client,
          clientName: o.client,
          latitude: c?.latitude ?? null,
          longitude: c?.longitude ?? null,
          clientWindows: c?.timeWindows ?? [],
          windowStart: null,
          windowEnd: null,
          serviceMinutes: c?.serviceMinutes ?? 10,
          priority: o.priority,
          requiredFeatures: o.requiredFeatures,
          weightKg: null,
          volumeM3: null,
          lines: o.lines,
        };
      }),
      unitLoads: new Map([...units].map(([k, u]) => [k, { kg: u.unitWeightKg, m3: u.unitVolumeM3 }])),
      options: {
        objective: { mode: 'hierarchical' },
        speedKmh: 50,
        detourFactor: 1.3,
        fixedCostPerVehicle: 0,
        forbiddenArcs: [],
        forbiddenZones: [],
        riskZones: [],
      },
    });
    const solution = construct(problem);
    assert.ok(
      solution.unserved.length <= deliveries.length * 0.1,
      `${solution.unserved.length} unserved: ${solution.unserved.map((u) => u.reason).join(', ')}`,
    );
    assert.ok(solution.objective.vehicles >= 6);
  });
});
