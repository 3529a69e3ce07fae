import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixtureModel } from './engine.fixture.ts';
import { simulateChunk } from './replicate.ts';
import { joinChunks, summarise } from './summary.ts';
import {
  type ChunkOutput,
  KPI_COUNT,
  KPIS,
  type Kpi,
  type ScenarioSpec,
  type SimulationModel,
} from './types.ts';

// The daily simulation: bit-for-bit determinism for a seed, whatever the chunking; the limits it
// must reach (ample stock: everything delivered); and the directions it must move in (shocks,
// breakdowns and delays hurt; more safety stock means fewer stock-outs).

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function run(model: SimulationModel, replications: number, chunk = replications): Float64Array {
  const chunks: ChunkOutput[] = [];
  for (let from = 0; from < replications; from += chunk)
    chunks.push(simulateChunk({ model, from, to: Math.min(replications, from + chunk) }));
  return joinChunks(chunks.reverse(), model.policies.length);
}

/** Mean of a KPI over replications for policy p. */
function meanOf(values: Float64Array, policies: number, p: number, kpi: Kpi): number {
  const k = KPIS.indexOf(kpi);
  const n = values.length / (policies * KPI_COUNT);
  let sum = 0;
  for (let r = 0; r < n; r++) sum += values[(r * policies + p) * KPI_COUNT + k] as number;
  return sum / n;
}

const EVENTS: ScenarioSpec = {
  demandShocks: { probabilityPerDay: 0.03, multiplier: 2.5, durationDays: 4, scope: 'sku' },
  vehicleBreakdowns: { probabilityPerVehicleDay: 0.05, repairDays: 2 },
  leadTimeNoise: { cv: 0.3 },
  travelDelays: { probabilityPerDay: 0.2, multiplier: 1.5, spread: 0.3 },
};

describe('determinism', () => {
  test('the same seed gives the same KPIs, bit for bit; another seed does not', () => {
    const a = run(fixtureModel({ scenario: EVENTS }), 12);
    const b = run(fixtureModel({ scenario: EVENTS }), 12);
    assert.ok(bytes(a).equals(bytes(b)));
    const c = run(fixtureModel({ scenario: EVENTS, seed: 43 }), 12);
    assert.ok(!bytes(a).equals(bytes(c)));
  });

  test('splitting the replications into chunks (in any order) changes nothing', () => {
    const model = fixtureModel({ scenario: EVENTS });
    const whole = run(model, 17);
    for (const chunk of [1, 4, 5, 16])
      assert.ok(bytes(run(model, 17, chunk)).equals(bytes(whole)), `chunks of ${chunk}`);
    const summary = JSON.stringify(summarise(whole, ['current', 'recommended']));
    assert.equal(JSON.stringify(summarise(run(model, 17, 3), ['current', 'recommended'])), summary);
  });

  test('a gap between chunks is refused', () => {
    const model = fixtureModel();
    const a = simulateChunk({ model, from: 0, to: 2 });
    const b = simulateChunk({ model, from: 3, to: 4 });
    assert.throws(() => joinChunks([a, b], 2), /gap at replication 2/);
  });
});

describe('limits and directions', () => {
  test('ample stock, no events and an ample fleet: every unit shipped in full and on time', () => {
    const model = fixtureModel({ coverDays: 400, vehiclesPerWarehouse: 40 });
    const values = run(model, 10);
    for (let p = 0; p < 2; p++) {
      assert.equal(meanOf(values, 2, p, 'fill_rate'), 1);
      assert.equal(meanOf(values, 2, p, 'otif'), 1);
      assert.equal(meanOf(values, 2, p, 'stockouts'), 0);
      assert.equal(meanOf(values, 2, p, 'shortage_cost'), 0);
      assert.ok(meanOf(values, 2, p, 'co2_kg') > 0);
      const utilisation = meanOf(values, 2, p, 'vehicle_utilisation');
      assert.ok(utilisation > 0 && utilisation <= 1, `utilisation ${utilisation}`);
    }
  });

  test('demand shocks lower the fill rate', () => {
    const calm = run(fixtureModel(), 40);
    const shocked = run(
      fixtureModel({
        scenario: { demandShocks: { probabilityPerDay: 0.05, multiplier: 3, durationDays: 5, scope: 'sku' } },
      }),
      40,
    );
    for (let p = 0; p < 2; p++)
      assert.ok(meanOf(shocked, 2, p, 'fill_rate') < meanOf(calm, 2, p, 'fill_rate') - 0.01, `policy ${p}`);
    const network = run(
      fixtureModel({
        scenario: {
          demandShocks: { probabilityPerDay: 0.05, multiplier: 3, durationDays: 5, scope: 'network' },
        },
      }),
      40,
    );
    assert.ok(meanOf(network, 2, 0, 'fill_rate') < meanOf(calm, 2, 0, 'fill_rate'));
  });

  test('a higher service level has fewer stock-outs and holds more', () => {
    const model = fixtureModel({
      policies: [
        { base: 'current', serviceLevel: 0.7 },
        { base: 'current', serviceLevel: 0.99 },
      ],
      coverDays: 5,
    });
    const values = run(model, 40);
    assert.ok(meanOf(values, 2, 1, 'stockouts') < meanOf(values, 2, 0, 'stockouts'));
    assert.ok(meanOf(values, 2, 1, 'fill_rate') > meanOf(values, 2, 0, 'fill_rate'));
    assert.ok(meanOf(values, 2, 1, 'holding_cost') > meanOf(values, 2, 0, 'holding_cost'));
    const stockouts = summarise(values, ['low', 'high']).find((s) => s.kpi === 'stockouts');
    assert.ok(stockouts && (stockouts.differences[0]?.mean ?? 0) < 0);
    assert.ok((stockouts?.differences[0]?.betterShare ?? 0) > 0.5);
  });

  test('a larger reorder level multiplier raises the fill rate', () => {
    const model = fixtureModel({
      policies: [{ base: 'current' }, { base: 'current', reorderPointMultiplier: 1.5 }],
      coverDays: 5,
    });
    const values = run(model, 30);
    assert.ok(meanOf(values, 2, 1, 'fill_rate') > meanOf(values, 2, 0, 'fill_rate'));
  });

  test('breakdowns and travel delays make deliveries late, not short', () => {
    const base = { coverDays: 400, vehiclesPerWarehouse: 2, items: 60 };
    const calm = run(fixtureModel(base), 20);
    const broken = run(
      fixtureModel({
        ...base,
        scenario: { vehicleBreakdowns: { probabilityPerVehicleDay: 0.3, repairDays: 3 } },
      }),
      20,
    );
    const delayed = run(
      fixtureModel({
        ...base,
        scenario: { travelDelays: { probabilityPerDay: 1, multiplier: 6, spread: 0 } },
      }),
      20,
    );
    assert.equal(meanOf(broken, 2, 0, 'fill_rate'), 1);
    assert.ok(meanOf(broken, 2, 0, 'otif') < meanOf(calm, 2, 0, 'otif'));
    assert.ok(meanOf(delayed, 2, 0, 'otif') < meanOf(calm, 2, 0, 'otif'));
    assert.ok(meanOf(delayed, 2, 0, 'transport_cost') > meanOf(calm, 2, 0, 'transport_cost'));
  });

  test('every KPI is finite; shares are within 0 … 1', () => {
    const values = run(fixtureModel({ scenario: EVENTS, items: 50 }), 10);
    for (const v of values) assert.ok(Number.isFinite(v) && v >= 0, String(v));
    for (const kpi of ['fill_rate', 'otif', 'vehicle_utilisation'] as const)
      for (let p = 0; p < 2; p++) assert.ok(meanOf(values, 2, p, kpi) <= 1);
  });
});
