import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureModel } from './engine.fixture.ts';
import { outlineShape, previewScenarios } from './preview.ts';
import { worldShape } from './replicate.ts';
import { allocateWorld, generateWorld } from './scenario.ts';
import type { ScenarioSpec } from './types.ts';

// A scenario set's listed events are the events a run meets: the same streams, drawn the same way,
// whether or not demand is drawn beside them.

const SCENARIO: ScenarioSpec = {
  demandShocks: { probabilityPerDay: 0.05, multiplier: 2, durationDays: 3, scope: 'warehouse' },
  vehicleBreakdowns: { probabilityPerVehicleDay: 0.1, repairDays: 2 },
  travelDelays: { probabilityPerDay: 0.3, multiplier: 1.5, spread: 0.2 },
};

test("the preview lists exactly the events of the run's replications", () => {
  const model = fixtureModel({ scenario: SCENARIO, warehouses: 2, vehiclesPerWarehouse: 3 });
  const shape = worldShape(model);
  const names = {
    items: Array.from({ length: model.items.count }, (_, i) => `item ${i}`),
    warehouses: ['W1', 'W2'],
    vehicles: [
      ['V1', 'V2', 'V3'],
      ['V4', 'V5', 'V6'],
    ],
  };
  const outline = outlineShape({
    horizonDays: model.horizonDays,
    seed: model.seed,
    scenario: SCENARIO,
    itemWarehouses: Array.from(model.items.warehouse),
    vehicles: [3, 3],
  });
  const previews = previewScenarios(outline, names, 4);
  const world = allocateWorld(shape);
  previews.forEach((preview, r) => {
    const breakdowns: string[] = [];
    const shocks: string[] = [];
    let delays = 0;
    generateWorld(shape, r, world, {
      shock: (day, unit) => shocks.push(`${day} W${unit + 1}`),
      breakdown: (day, w, v) => breakdowns.push(`${day} ${names.vehicles[w]?.[v]}`),
      delay: () => {
        delays += 1;
      },
    });
    assert.deepEqual(
      preview.breakdowns.map((b) => `${b.day} ${b.vehicle}`),
      breakdowns,
    );
    assert.deepEqual(
      preview.shocks.map((s) => `${s.day} ${s.target}`),
      shocks,
    );
    assert.equal(preview.delays.length, delays);
    // Vehicles out are out of the day's fleet.
    for (const b of preview.breakdowns) {
      const w = b.warehouse === 'W1' ? 0 : 1;
      assert.ok((world.vehiclesUp[w * model.horizonDays + b.day] as number) < 3);
    }
  });
  assert.ok(previews.some((p) => p.breakdowns.length > 0 && p.shocks.length > 0 && p.delays.length > 0));
});
