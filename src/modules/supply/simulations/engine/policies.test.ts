import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inverseNormalCdf } from '../../policy/index.ts';
import { calibrateWarehouse, haversineKm, ROAD_FACTOR, tripKm } from './fleet.ts';
import { costBalancedServiceLevel, type PolicyItem, policyKeys, policyParameters } from './policies.ts';

// The policies' parameters are the policy engine's formulas; the trip estimate's distances.

const ITEM: PolicyItem = {
  demandMean: 100,
  demandSd: 20,
  leadTimeDays: 4,
  leadTimeSdDays: 1,
  unitCost: 73,
  holdingCostRate: 0.25,
  orderingCost: 10,
  moq: 0,
  lotSize: 1,
  serviceLevel: 0.95,
  serviceKind: 'cycle',
  policy: 'sQ',
  reviewPeriodDays: 7,
};

test('current (s, Q): s = μ_L + z·σ_L and Q = EOQ, as the textbook case', () => {
  const { policy, facts } = policyParameters([ITEM], { base: 'current' }, 'current', 1);
  // μ_L = 400, σ_L = sqrt(4·400 + 100²·1) = sqrt(11,600); EOQ = sqrt(2·36,500·10 / 18.25) = 200.
  const sd = Math.sqrt(11_600);
  assert.ok(Math.abs((policy.level[0] as number) - (400 + inverseNormalCdf(0.95) * sd)) < 1e-9);
  assert.ok(Math.abs((policy.quantity[0] as number) - 200) < 1e-9);
  assert.equal(policy.kind[0], 0);
  assert.equal(facts.meanServiceLevel, 0.95);
  assert.equal(facts.continuousItems, 1);
});

test('(R, S): S = μ_(R+L) + z·σ_(R+L); the reorder multiplier scales it', () => {
  const rs = { ...ITEM, policy: 'RS' as const };
  const plain = policyParameters([rs], { base: 'current' }, 'a', 1).policy;
  const scaled = policyParameters([rs], { base: 'current', reorderPointMultiplier: 1.5 }, 'b', 1).policy;
  const sd = Math.sqrt(11 * 400 + 10_000);
  assert.ok(Math.abs((plain.level[0] as number) - (1100 + inverseNormalCdf(0.95) * sd)) < 1e-9);
  assert.ok(Math.abs((scaled.level[0] as number) - 1.5 * (plain.level[0] as number)) < 1e-9);
  assert.equal(plain.review[0], 7);
});

test('recommended: the cost-balanced cycle service level p·D / (p·D + Q·H)', () => {
  // D = 36,500, Q = 200, h = 0.25, shortage 1 × unit cost: 36,500 / (36,500 + 50).
  assert.ok(Math.abs(costBalancedServiceLevel(36_500, 200, 0.25, 1) - 36_500 / 36_550) < 1e-12);
  assert.equal(costBalancedServiceLevel(36_500, 200, 0.25, 0), 0.5);
  assert.equal(costBalancedServiceLevel(1e9, 1, 0.25, 1), 0.999);
  const { facts } = policyParameters([ITEM], { base: 'recommended' }, 'recommended', 1);
  assert.ok(Math.abs(facts.meanServiceLevel - 36_500 / 36_550) < 1e-12);
  const higher = policyParameters([ITEM], { base: 'current', serviceLevel: 0.99 }, 'x', 1).facts;
  const lower = policyParameters([ITEM], { base: 'current' }, 'y', 1).facts;
  assert.ok(higher.safetyStockUnits > lower.safetyStockUnits);
});

test('an item without demand never orders', () => {
  const { policy } = policyParameters([{ ...ITEM, demandMean: 0, demandSd: 0 }], { base: 'current' }, 'c', 1);
  assert.equal(policy.quantity[0], 0);
  assert.equal(policy.level[0], 0);
});

test('policy keys: the base when plain and unique, numbered otherwise', () => {
  assert.deepEqual(policyKeys([{ base: 'current' }, { base: 'recommended' }]), ['current', 'recommended']);
  assert.deepEqual(policyKeys([{ base: 'current' }, { base: 'current', serviceLevel: 0.99 }]), [
    'current',
    'current-2',
  ]);
});

test('trips: out and back plus the BHH tour between stops, as road distance', () => {
  // One degree of latitude is about 111.2 km.
  assert.ok(
    Math.abs(haversineKm({ latitude: 52, longitude: -1 }, { latitude: 53, longitude: -1 }) - 111.2) < 0.1,
  );
  const w = { depotKm: 10, areaKm2: 400 };
  assert.equal(tripKm(w, 0), 0);
  assert.ok(Math.abs(tripKm(w, 1) - ROAD_FACTOR * 20) < 1e-9);
  assert.ok(Math.abs(tripKm(w, 4) - ROAD_FACTOR * (20 + 3 * 0.7124 * 10)) < 1e-9);
  const calibrated = calibrateWarehouse({ code: 'X', depot: null, clients: [], vehicles: [] });
  assert.equal(calibrated.vehicles, 0);
  assert.ok(calibrated.depotKm > 0 && calibrated.areaKm2 > 0);
});
